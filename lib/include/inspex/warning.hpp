// A warning attached to a record: something the engine could not place or
// could not read, with a stable code and the input lines it concerns.
//
//   Warning{"unplaced-cell", "cell \"Aug\" fits no column", 44, 44};
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace inspex {

struct Warning {
    std::string code;
    std::string message;
    std::size_t first_line = 0;
    std::size_t last_line = 0;
    [[nodiscard]] nlohmann::ordered_json to_json() const {
        return {{"code", code}, {"message", message}, {"lines", {first_line, last_line}}};
    }
};

} // namespace inspex
