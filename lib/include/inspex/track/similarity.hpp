// Similarity of wording: texts as sets of words (lower case, stop words and
// endings removed), compared by overlap or Dice coefficient, 0..1.
#pragma once

#include "inspex/track/rules.hpp"

#include <set>
#include <string>
#include <string_view>

namespace inspex::track {

using Words = std::set<std::string>;

// The words of `text` as the rules compare them.
[[nodiscard]] Words words_of(std::string_view text, const Rules &rules);

// Shared words over the words of the shorter set (overlap) or twice the
// shared words over the words of both (dice); 0 when either set is empty.
[[nodiscard]] double similarity(const Words &a, const Words &b, Measure measure);

} // namespace inspex::track
