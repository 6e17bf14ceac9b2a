#include "inspex/track/similarity.hpp"

#include <algorithm>
#include <cctype>

namespace inspex::track {
namespace {

bool ends_with(const std::string &word, const std::string &ending) {
    return word.size() > ending.size() &&
           word.compare(word.size() - ending.size(), ending.size(), ending) == 0;
}

// Cuts the first ending that fits, again and again, while the word is longer
// than four letters: "conditions" -> "condition" -> "condit".
void cut_endings(std::string &word, const std::vector<std::string> &endings) {
    for (bool cut = true; cut && word.size() > 4;) {
        auto e = std::find_if(endings.begin(), endings.end(),
                              [&](const std::string &ending) { return ends_with(word, ending); });
        cut = e != endings.end();
        if (cut)
            word.erase(word.size() - e->size());
    }
}

} // namespace

Words words_of(std::string_view text, const Rules &rules) {
    Words out;
    std::string word;
    auto finish = [&] {
        const auto &stop = rules.stop_words;
        if (!word.empty() && std::find(stop.begin(), stop.end(), word) == stop.end()) {
            cut_endings(word, rules.endings);
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
