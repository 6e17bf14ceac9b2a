// Helpers shared by the unit tests: paths into the source tree and a small
// pattern library for building regexes inline.
#pragma once

#include "inspex/pattern.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <string>

namespace test {

inline std::string source_path(const std::string &relative) {
    return std::string(INSPEX_SOURCE_DIR) + "/" + relative;
}

inline std::string read(const std::string &relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline inspex::RegexPtr re(const std::string &pattern) {
    static inspex::PatternLibrary lib;
    auto r = lib.compile(pattern, {"test", 0});
    REQUIRE(r.ok());
    return r.value();
}

} // namespace test
