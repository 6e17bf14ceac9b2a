// Splits decoded text into lines that remember their input line number, the
// anchor of every record's provenance. CRLF, LF and lone CR all end a line.
//
//   for (const Line &line : split_lines(text)) use(line.number, line.text);
#pragma once

#include <optional>
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

class Regex;

// Where a layout's text begins: the index of the line after the one matching
// `start` and that line's number (with no start pattern: the first line,
// numbered as it is). nullopt when no line matches.
struct RegionStart {
    std::size_t index = 0;
    std::size_t line = 0;
};
[[nodiscard]] std::optional<RegionStart> find_region_start(const std::vector<Line> &lines,
                                                           const Regex *start);

} // namespace inspex
