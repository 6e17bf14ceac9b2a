#include "inspex/track/names.hpp"

#include <cctype>

namespace inspex::track {
namespace {

// Lower case ASCII letters; anything that is not a letter, digit or byte of a
// UTF-8 sequence becomes one space; no space at either end.
std::string folded(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        bool word = std::isalnum(c) || c >= 0x80;
        if (word)
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace

std::string establishment_key(std::string_view name, const std::vector<std::string> &prefixes) {
    std::string key = folded(name);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::string &prefix : prefixes) {
            std::string p = folded(prefix);
            if (p.empty() || key.compare(0, p.size(), p) != 0)
                continue;
            if (key.size() == p.size() || key[p.size()] == ' ') {
                key.erase(0, std::min(key.size(), p.size() + 1));
                stripped = true;
                break;
            }
        }
    }
    return key;
}

} // namespace inspex::track
