// The words of a text as a set, to compare two wordings whatever their spacing,
// case and punctuation; made once per text, compared as often as needed.
//
//   WordSet entry("Improve the  safety"), key("improve the Safety.");
//   double s = similarity(entry, key); // 1.0: the same words
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inspex {

class WordSet {
  public:
    // Words are runs of ASCII letters and digits and of non-ASCII bytes,
    // lower-cased; each word once, sorted.
    explicit WordSet(std::string_view text);
    [[nodiscard]] const std::vector<std::string> &words() const { return words_; }

  private:
    std::vector<std::string> words_;
};

// Shared words over all words (Jaccard): 1 for the same wording, 0 when no
// word is shared or neither text has a word.
[[nodiscard]] double similarity(const WordSet &a, const WordSet &b);

} // namespace inspex
