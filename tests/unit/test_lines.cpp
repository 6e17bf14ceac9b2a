#include "inspex/lines.hpp"

#include <doctest/doctest.h>

using namespace inspex;

TEST_CASE("lines: LF, CRLF and lone CR all end a line, numbers are 1-based") {
    auto lines = split_lines("a\r\nb\nc\rd");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "a");
    CHECK(lines[1].number == 2);
    CHECK(lines[3].text == "d");
    CHECK(lines[3].number == 4);
}

TEST_CASE("lines: blank lines keep their numbers; a final newline adds no line") {
    auto lines = split_lines("a\n\nb\n");
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].text.empty());
    CHECK(lines[2].number == 3);
}

TEST_CASE("cells: tabs separate cells, empty cells kept") {
    auto cells = split_cells("\tx\t\ty");
    REQUIRE(cells.size() == 4);
    CHECK(cells[0].empty());
    CHECK(cells[1] == "x");
    CHECK(cells[3] == "y");
}
