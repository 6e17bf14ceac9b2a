// Hyphens a text converter dropped when it joined a line ending in one to the
// next (pdftotext: "one-to-" / "one" became "one-toone"), put back where the document shows them.
//
//   LostHyphens hyphens(all_lines);
//   line = hyphens.restore(line, 58);  // "... in one-toone sessions ..." -> "one-to-one"
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace inspex::layout {

class LostHyphens {
  public:
    // Learns the document's words and the hyphenated ones from its lines.
    explicit LostHyphens(const std::vector<std::string> &lines);

    // `line` is two wrapped lines joined (wider than `wrap`, the characters its
    // column wraps at). Puts the hyphen back into the one word that spans where
    // the first line ended: a word the document writes hyphenated elsewhere
    // ("bimonthly" -> "bi-monthly"), else one made of two of its words
    // ("sexualorientation" -> "sexual-orientation"). Unchanged when no word, or
    // more than one, qualifies.
    std::string restore(const std::string &line, std::size_t wrap) const;

  private:
    struct Fix {
        std::size_t at = 0, length = 0; // the word's bytes in the line
        std::string word;               // hyphenated again
    };
    std::vector<Fix> fixes(const std::string &line, std::size_t wrap) const;
    std::string from_hyphenated(const std::string &word) const;
    std::string from_parts(const std::string &word, std::size_t first_min,
                           std::size_t first_max) const;
    bool known(const std::string &word) const;
    bool written_often(const std::string &word) const;

    std::unordered_map<std::string, std::string> hyphenated_; // "bimonthly" -> "bi-monthly"
    std::unordered_map<std::string, std::size_t> words_;      // lower-case words and their parts
    std::unordered_map<std::string, std::size_t> written_;    // words as written
};

} // namespace inspex::layout
