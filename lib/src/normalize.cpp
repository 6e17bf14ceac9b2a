#include "inspex/normalize.hpp"

#include "inspex/html.hpp"

#include <cstring>

namespace inspex {
namespace {

// Length of the UTF-8 sequence starting with byte b.
std::size_t sequence_length(unsigned char b) {
    return b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t len) {
    auto b = static_cast<unsigned char>(s[i]);
    char32_t cp = len == 1 ? b : b & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

bool is_odd_space(char32_t cp) {
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0x1680;
}

bool is_invisible(char32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0xAD;
}

bool is_space(char c) {
    return static_cast<unsigned char>(c) <= ' ' &&
           (c == ' ' || c == '\t' || c == '\n' || c == kBlockBreak);
}

// Where the first white space that collapsing changes is: a tab, newline or
// block break, or a space followed by another or ending the text. Everything
// before it is copied as it is.
// Found with the C library's vectorised searches, each over what is left
// before the earliest found so far: most text has none, and a byte loop was
// the largest single cost of a run.
std::size_t first_untidy_space(std::string_view text) {
    if (text.empty()) // (its data may be null, which the C functions may not take)
        return std::string_view::npos;
    std::size_t end = text.size();
    for (char c : {'\n', '\t', kBlockBreak})
        if (const void *at = std::memchr(text.data(), c, end))
            end = static_cast<std::size_t>(static_cast<const char *>(at) - text.data());
    if (const void *at = memmem(text.data(), end, "  ", 2))
        end = static_cast<std::size_t>(static_cast<const char *>(at) - text.data());
    if (end == text.size() && !text.empty() && text.back() == ' ')
        end = text.size() - 1;
    // A single space before a tab, newline or break is untidy too.
    if (end < text.size() && end > 0 && text[end - 1] == ' ')
        --end;
    return end < text.size() ? end : std::string_view::npos;
}

} // namespace

std::string clean_spaces(std::string_view text) {
    std::string out(text);
    clean_spaces_in(out);
    return out;
}

void clean_spaces_in(std::string &text) {
    std::size_t to = 0; // what is written, never past what is read
    auto keep = [&](std::size_t from, std::size_t length) {
        if (to != from)
            std::memmove(text.data() + to, text.data() + from, length);
        to += length;
    };
    for (std::size_t i = 0; i < text.size();) {
        auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x7F) { // printable ASCII: the common case, kept as a run
            std::size_t end = i + 1;
            while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x20 &&
                   static_cast<unsigned char>(text[end]) < 0x7F)
                ++end;
            keep(i, end - i);
            i = end;
            continue;
        }
        std::size_t len = std::min(sequence_length(b), text.size() - i);
        char32_t cp = code_point(text, i, len);
        if (is_odd_space(cp) || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != kBlockBreak) ||
            cp == 0x7F)
            text[to++] = ' ';
        else if (!is_invisible(cp))
            keep(i, len);
        i += len;
    }
    text.resize(to);
}

std::string collapse_spaces(std::string_view text) {
    std::size_t lead = 0;
    while (lead < text.size() && is_space(text[lead]))
        ++lead;
    text.remove_prefix(lead);
    // Most text is collapsed already, or nearly: what comes before the first
    // space to change is copied whole, the rest written a byte at a time.
    std::size_t tidy = std::min(first_untidy_space(text), text.size());
    std::string out(text.size(), '\0');
    text.copy(out.data(), tidy);
    char *to = out.data() + tidy;
    const char *at = text.data() + tidy, *end = text.data() + text.size();
    while (at < end) {
        if (!is_space(*at)) {
            *to++ = *at++;
            continue;
        }
        while (at < end && is_space(*at))
            ++at;
        if (at < end)
            *to++ = ' ';
    }
    out.resize(static_cast<std::size_t>(to - out.data()));
    return out;
}

std::string excerpt(std::string_view text, std::size_t limit) {
    if (text.size() <= limit)
        return std::string(text);
    std::size_t cut = text.rfind(' ', limit - 3);
    if (cut == std::string_view::npos || cut == 0) {
        cut = limit - 3;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
    }
    return std::string(text.substr(0, cut)) + "...";
}

std::string Normalizer::cell(std::string_view raw) const {
    std::string text = clean_spaces(raw);
    for (const auto &r : rules_.line_replace)
        r.pattern->replace_in(text, r.with);
    if (rules_.html && looks_like_html(text))
        text = html_fragment_to_text(text);
    return text;
}

std::string Normalizer::replace_lines(std::string_view text) const {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = std::min(text.find('\n', start), text.size());
        std::string line(text.substr(start, nl - start));
        for (const auto &r : rules_.line_replace)
            r.pattern->replace_in(line, r.with);
        out += line;
        if (nl == text.size())
            break;
        out += '\n';
        start = nl + 1;
    }
    return out;
}

Line Normalizer::line(const Line &raw) const {
    Line out{raw.number, {}};
    bool first = true;
    for (std::string_view c : split_cells(raw.text)) {
        if (!first)
            out.text += kCellSeparator;
        first = false;
        out.text += cell(c);
    }
    return out;
}

std::string Normalizer::text_field(std::string_view joined) const {
    std::string text = collapse_spaces(joined);
    for (const auto &r : rules_.text_replace)
        r.pattern->replace_in(text, r.with);
    return text;
}

} // namespace inspex
