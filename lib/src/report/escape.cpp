#include "inspex/report/escape.hpp"

#include <fmt/format.h>

namespace inspex::report {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string shortened(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes)
        return std::string(text);
    std::size_t cut = bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // back to the start of a character
    std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > bytes / 2)
        cut = space;
    return std::string(text.substr(0, cut)) + "…";
}

std::string anchor(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '.';
        out += plain ? std::string(1, static_cast<char>(c)) : fmt::format("_{:02x}", c);
    }
    return out;
}

} // namespace inspex::report
