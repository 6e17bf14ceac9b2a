// Chooses the grammar a document needs: each grammar's [detect] patterns are
// looked for in the text, and the share of their weight found is its score;
// where no grammar's reaches its threshold, the text may be a header alone,
// and the share of a grammar's header patterns' weight counts, if more.
//
//   auto scores = score_grammars(grammars, text);   // best first
//   auto chosen = choose_grammar(grammars, text, "plan.txt");
#pragma once

#include "inspex/grammar.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace inspex {

struct Score {
    const Grammar *grammar = nullptr;
    double score = 0; // 0..1
    double body = 0;  // the share of the [detect] patterns alone
};

// Scores of every grammar for this (decoded) text, best first; of equal
// scores, the one more of whose body patterns were found, then by name. (The
// text is taken, to be cleaned in place: a large one is not copied.)
[[nodiscard]] std::vector<Score> score_grammars(const std::vector<Grammar> &grammars,
                                                std::string text);

// The best grammar whose score reaches its threshold (and beats the next, or
// equals it with more of the body found); otherwise an error for `file` that
// lists every candidate and its score.
Result<const Grammar *> choose_grammar(const std::vector<Grammar> &grammars, std::string text,
                                       const std::string &file);

} // namespace inspex
