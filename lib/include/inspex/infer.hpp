// Deductions the document makes certain, and nothing else: a lost reference
// from its neighbours in a numbered sequence, and a lost vocabulary value when
// the document's own stated counts leave exactly one possibility.
//
//   infer_sequence(values, valid);   // "7.4", null, "7.6" -> "7.5"
//   infer_from_counts(values, counts);
#pragma once

#include "inspex/pattern.hpp"
#include "inspex/warning.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inspex {

struct Slot {
    std::optional<std::string> value; // as read; may be partial
    bool inferred = false;
};

// Fills slots whose value is missing or partial (not matching `valid`) when
// both neighbours are valid, share a prefix and differ by exactly two in their
// final number; a partial value must agree with the deduction.
void infer_sequence(std::vector<Slot> &slots, const Regex &valid);

// Gaps in a sequence of valid references: "5.17" then "5.20" gives one
// {"5.18", "5.19"} entry, with the index of the slot after the gap.
struct Gap {
    std::size_t before_index = 0;
    std::vector<std::string> missing;
};
[[nodiscard]] std::vector<Gap> sequence_gaps(const std::vector<Slot> &slots, const Regex &valid);

// Fills missing values when the stated counts, less the values already read,
// leave exactly one value for all of the missing ones.
void infer_from_counts(std::vector<Slot> &slots, const std::map<std::string, long> &stated);

} // namespace inspex
