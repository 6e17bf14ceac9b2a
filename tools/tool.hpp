// What every inspex tool shares: its exit codes and the shape of its
// diagnostics ("inspex-x: file:line: message" on standard error).
#pragma once

#include <fmt/format.h>
#include <string>

namespace inspex::tool {

enum Exit : int { ok = 0, findings = 1, usage_or_input = 2 };

inline void complain(const std::string &tool, const std::string &message) {
    fmt::print(stderr, "{}: {}\n", tool, message);
}

} // namespace inspex::tool
