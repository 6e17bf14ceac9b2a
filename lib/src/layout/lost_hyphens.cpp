#include "inspex/layout/lost_hyphens.hpp"

#include "labels.hpp"

#include <algorithm>
#include <cctype>

namespace inspex::layout {
namespace {

constexpr std::size_t kMinPart = 3;       // letters of each word a joined word is made of
constexpr std::size_t kMaxJoinedSeen = 2; // times a joined word may occur (its own lines):
                                          // more, and the document writes it joined
constexpr std::size_t kWrapSlack = 1;     // characters a wrapped line may exceed its width

bool word_char(unsigned char c) {
    return std::isalnum(c) != 0 || c >= 0x80 || c == '-' || c == '\'';
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string without_hyphens(std::string text) {
    std::erase(text, '-');
    return text;
}

bool letters_only(const std::string &word) {
    return std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return std::isalpha(c) != 0 || c >= 0x80 || c == '-';
    });
}

// A word's core in a line: its bytes without the punctuation around it.
struct Core {
    std::size_t at = 0, length = 0;
};

std::vector<Core> cores(const std::string &line) {
    std::vector<Core> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && !word_char(static_cast<unsigned char>(line[i])))
            ++i;
        std::size_t start = i;
        while (i < line.size() && word_char(static_cast<unsigned char>(line[i])))
            ++i;
        std::size_t end = i;
        while (end > start && (line[end - 1] == '-' || line[end - 1] == '\''))
            --end;
        while (start < end && (line[start] == '-' || line[start] == '\''))
            ++start;
        if (end > start)
            out.push_back({start, end - start});
    }
    return out;
}

// `word` with hyphens where `form` (the same letters, lower-case) has them.
std::string shaped_like(const std::string &word, const std::string &form) {
    std::string out;
    std::size_t k = 0;
    for (char c : form) {
        if (c == '-' && (k >= word.size() || word[k] != '-')) {
            out += '-';
            continue;
        }
        if (k < word.size())
            out += word[k++];
    }
    return out;
}

} // namespace

LostHyphens::LostHyphens(const std::vector<std::string> &lines) {
    for (const std::string &line : lines)
        for (Core c : cores(line)) {
            std::string word = line.substr(c.at, c.length);
            ++written_[word];
            word = lower(word);
            ++words_[word];
            if (word.find('-') == std::string::npos)
                continue;
            hyphenated_.emplace(without_hyphens(word), word);
            std::replace(word.begin(), word.end(), '-', ' ');
            for (const std::string &part : split_words(word))
                ++words_[part];
        }
}

// The document writes `word` so (same case) more often than joined lines would.
bool LostHyphens::written_often(const std::string &word) const {
    auto seen = written_.find(word);
    return seen != written_.end() && seen->second > kMaxJoinedSeen;
}

bool LostHyphens::known(const std::string &word) const {
    return words_.contains(word);
}

// The hyphenated form the document writes of `word`, shaped like it; empty if none.
std::string LostHyphens::from_hyphenated(const std::string &word) const {
    std::string low = lower(word);
    auto it = hyphenated_.find(without_hyphens(low));
    if (it == hyphenated_.end() || it->second == low || written_often(word))
        return {};
    return shaped_like(word, it->second);
}

// `word` cut into two of the document's words, the first ending between
// first_min and first_max letters; empty unless exactly one cut does.
std::string LostHyphens::from_parts(const std::string &word, std::size_t first_min,
                                    std::size_t first_max) const {
    std::string low = lower(word);
    if (!letters_only(word) || low.find('-') != std::string::npos || written_often(word))
        return {};
    std::string found;
    for (std::size_t k = std::max(kMinPart, first_min);
         k <= first_max && k + kMinPart <= word.size(); ++k)
        if (known(low.substr(0, k)) && known(low.substr(k))) {
            if (!found.empty())
                return {};
            found = word.substr(0, k) + '-' + word.substr(k);
        }
    return found;
}

std::vector<LostHyphens::Fix> LostHyphens::fixes(const std::string &line, std::size_t wrap) const {
    // The first line (with its hyphen) and the second both fit the column: a
    // line wider than two of them is no two lines joined.
    std::size_t total = width(line), most = wrap + kWrapSlack;
    if (total <= most || total > 2 * most)
        return {};
    std::size_t first_min = total > most ? total - most : 0, first_max = most - 1;
    std::vector<Fix> by_form, by_parts;
    for (Core c : cores(line)) {
        std::size_t start = width(std::string_view(line).substr(0, c.at));
        std::size_t length = width(std::string_view(line).substr(c.at, c.length));
        if (start + length <= first_min || start >= first_max)
            continue;
        std::string word = line.substr(c.at, c.length);
        std::size_t lo = first_min > start ? first_min - start : 1;
        std::size_t hi = std::min(first_max - start, length - 1);
        std::string form = from_hyphenated(word);
        if (!form.empty())
            by_form.push_back({c.at, c.length, form});
        else if (std::string parts = from_parts(word, lo, hi); !parts.empty())
            by_parts.push_back({c.at, c.length, parts});
    }
    return by_form.empty() ? by_parts : by_form;
}

std::string LostHyphens::restore(const std::string &line, std::size_t wrap) const {
    std::vector<Fix> found = fixes(line, wrap);
    if (found.size() != 1)
        return line;
    std::string out = line;
    out.replace(found.front().at, found.front().length, found.front().word);
    return out;
}

} // namespace inspex::layout
