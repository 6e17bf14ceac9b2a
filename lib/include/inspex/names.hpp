// Names a user types (a field, a grammar, a format, an option) checked
// against the known ones, with the nearest offered: "did you mean ...".
//
//   if (auto ok = check_names(fields, columns, "column"); !ok) fail(ok.error());
#pragma once

#include "inspex/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inspex {

// The name among `known` closest to `name` by edit distance, when close enough
// to be a likely misspelling ("stauts" -> "status").
[[nodiscard]] std::optional<std::string> closest_name(const std::string &name,
                                                      const std::vector<std::string> &known);

// Each of `names` must be one of `known`: else an error naming the first
// stranger and, where one is close, "did you mean ...".
Result<bool> check_names(const std::vector<std::string> &names,
                         const std::vector<std::string> &known, const std::string &what);

} // namespace inspex
