// Dates of a promise against the date of its review: ISO dates of any
// precision ("2021-10", "2022-08-15") and the link's `overdue` value.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex::track {

// True when the period `a` names ends before the period `b` names begins:
// "2021-10" is before "2022-08"; "2022-08" is not before "2022-08-15".
[[nodiscard]] bool period_before(const std::string &a, const std::string &b);

// The link's `overdue`: true when every dated due date is before `reviewed`
// and `progress` is one of `overdue_progress`; null when no due date has a
// date or `reviewed` has none; false otherwise.
[[nodiscard]] nlohmann::ordered_json overdue(const nlohmann::ordered_json &due,
                                             const nlohmann::ordered_json &reviewed,
                                             const nlohmann::ordered_json &progress,
                                             const std::vector<std::string> &overdue_progress);

} // namespace inspex::track
