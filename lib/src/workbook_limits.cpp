#include "inspex/workbook_limits.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace inspex {
namespace {

std::string folded(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string clean(const std::string &wanted) {
    std::string name;
    for (char ch : wanted)
        name += std::string_view("[]:*?/\\").find(ch) == std::string_view::npos &&
                        static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7F
                    ? ch
                    : '_';
    while (!name.empty() && name.front() == '\'')
        name.erase(0, 1);
    while (!name.empty() && name.back() == '\'')
        name.pop_back();
    // Excel counts characters, not bytes.
    std::size_t chars = 0, end = 0;
    for (; end < name.size() && chars < kSheetNameChars; ++chars)
        do
            ++end;
        while (end < name.size() && continuation(name[end]));
    name.resize(end);
    while (!name.empty() && name.back() == '\'')
        name.pop_back();
    return name.empty() || folded(name) == "history" ? "record" + name : name;
}

} // namespace

std::size_t utf8_prefix(const std::string &text, std::size_t limit) {
    std::size_t cut = std::min(limit, text.size());
    while (cut > 0 && cut < text.size() && continuation(text[cut]))
        --cut;
    return cut;
}

bool SheetNames::taken(const std::string &name) const {
    return std::find(used_.begin(), used_.end(), folded(name)) != used_.end();
}

std::string SheetNames::add(const std::string &wanted) {
    const std::string base = clean(wanted);
    std::string name = base;
    for (std::size_t n = 2; taken(name); ++n) {
        std::string suffix = " ~" + std::to_string(n);
        // Bytes bound characters: a prefix of 31 - suffix bytes fits.
        name = base.substr(0, utf8_prefix(base, kSheetNameChars - suffix.size())) + suffix;
    }
    used_.push_back(folded(name));
    return name;
}

} // namespace inspex
