#include "inspex/track/similarity.hpp"

#include <algorithm>
#include <cctype>

namespace inspex::track {

Words words_of(std::string_view text, const Rules &rules) {
    Words out;
    std::string word;
    auto finish = [&] {
        if (!word.empty() && std::find(rules.stop_words.begin(), rules.stop_words.end(), word) ==
                                 rules.stop_words.end()) {
            for (const std::string &ending : rules.endings)
                if (word.size() > 4 && word.size() > ending.size() &&
                    word.compare(word.size() - ending.size(), ending.size(), ending) == 0) {
                    word.erase(word.size() - ending.size());
                    break;
                }
            out.insert(word);
        }
        word.clear();
    };
    for (unsigned char c : text) {
        if (std::isalnum(c) || c >= 0x80)
            word += static_cast<char>(std::tolower(c));
        else
            finish();
    }
    finish();
    return out;
}

double similarity(const Words &a, const Words &b, Measure measure) {
    if (a.empty() || b.empty())
        return 0;
    std::size_t shared = 0;
    for (const std::string &w : a)
        shared += b.count(w);
    if (measure == Measure::overlap)
        return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
    return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

} // namespace inspex::track
