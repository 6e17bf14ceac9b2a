#include "inspex/printable.hpp"

#include <fmt/format.h>

namespace inspex {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        auto third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7F)
            out += fmt::format("\\x{:02x}", c);
        else if (c == 0xC2 && next >= 0x80 && next <= 0x9F)
            out += fmt::format("\\u{:04x}", next), ++i;
        else if (c == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9))
            out += fmt::format("\\u{:04x}", 0x2000 + third - 0x80), i += 2;
        else
            out += static_cast<char>(c);
    }
    return out;
}

} // namespace inspex
