#include "inspex/word_set.hpp"

#include <algorithm>
#include <cctype>

namespace inspex {

WordSet::WordSet(std::string_view text) {
    std::string word;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            words_.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty())
        words_.push_back(std::move(word));
    std::sort(words_.begin(), words_.end());
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
}

double similarity(const WordSet &a, const WordSet &b) {
    const std::vector<std::string> &wa = a.words(), &wb = b.words();
    std::size_t common = 0;
    for (auto i = wa.begin(), j = wb.begin(); i != wa.end() && j != wb.end();) {
        int order = i->compare(*j);
        if (order == 0) {
            ++common;
            ++i;
            ++j;
        } else if (order < 0) {
            ++i;
        } else {
            ++j;
        }
    }
    std::size_t all = wa.size() + wb.size() - common;
    return all ? static_cast<double>(common) / static_cast<double>(all) : 0.0;
}

} // namespace inspex
