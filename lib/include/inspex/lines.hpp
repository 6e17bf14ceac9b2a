// Splits decoded text into lines that remember their input line number, the
// anchor of every record's provenance. CRLF, LF and lone CR all end a line.
//
//   for (const Line &line : split_lines(text)) use(line.number, line.text);
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inspex {

struct Line {
    std::size_t number = 0; // 1-based line number in the input as read
    std::string text;
};

[[nodiscard]] std::vector<Line> split_lines(std::string_view text);

// Separates the cells of a table line.
inline constexpr char kCellSeparator = '\t';
// Marks a block boundary inside a cell (an HTML paragraph or list item):
// text fields read it as a sentence break, list fields as an item break.
inline constexpr char kBlockBreak = '\x1E';

[[nodiscard]] std::vector<std::string_view> split_cells(std::string_view line);

} // namespace inspex
