// Helpers shared by the unit tests: paths into the source tree and a small
// pattern library for building regexes inline.
#pragma once

#include "inspex/lines.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/pattern.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

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

// A document's text view, a string a line.
inline std::vector<std::string> view(const inspex::Document &doc) {
    std::vector<std::string> out;
    for (const inspex::Line &l : inspex::text_view(doc))
        out.push_back(l.text);
    return out;
}

// Lines numbered from 1, as split_lines would give them.
inline std::vector<inspex::Line> lines(std::initializer_list<const char *> texts) {
    std::vector<inspex::Line> out;
    std::size_t n = 1;
    for (const char *t : texts)
        out.push_back({n++, t});
    return out;
}

} // namespace test
