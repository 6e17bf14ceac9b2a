// What every inspex tool shares: its exit codes and the shape of its
// diagnostics ("inspex-x: file:line: message" on standard error).
#pragma once

#include <fmt/format.h>
#include <string>
#include <vector>

namespace inspex::tool {

enum Exit : int { ok = 0, findings = 1, usage_or_input = 2 };

inline void complain(const std::string &tool, const std::string &message) {
    fmt::print(stderr, "{}: {}\n", tool, message);
}

// "ref,status, owners" -> {"ref", "status", "owners"}
inline std::vector<std::string> split_list(const std::string &text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c != ',') {
            if (c != ' ')
                item += c;
        } else if (!item.empty()) {
            out.push_back(std::move(item));
            item.clear();
        }
    }
    return out;
}

} // namespace inspex::tool
