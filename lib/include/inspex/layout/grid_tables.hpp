// Recovers tables drawn with characters into table rows of cells: pandoc's
// grid tables (`+---+`, `|`) and its simple and multiline tables (dash rules).
//
//   recover_grid_tables(doc); // "+---+---+" ... -> one table row per grid row
#pragma once

#include "inspex/model/document.hpp"

#include <string>
#include <vector>

namespace inspex {

// Joins the lines of one cell paragraph wrapped inside a column `width`
// characters wide. Lines are joined with a space, except where a word longer
// than the column was cut into pieces: a first piece alone on its line, then
// pieces that fill the column exactly and go on the word (a lowercase letter,
// or a digit or sign after a digit or sign): "Pa" + "rtly" is "Partly", "5"
// "." "1" is "5.1".
std::string join_cell_lines(const std::vector<std::string> &lines, std::size_t width);

// Finds each grid table among the document's one-line paragraphs: a border
// line of `+` and `-` (or `=` under the header), then rows of `|`-separated
// cells at the border's `+` positions, each row closed by a border. A row
// becomes one table row on its first line: a cell's lines joined
// (join_cell_lines), a blank line inside a cell starting a new paragraph. The
// row's other lines and the borders become blank lines, so the text view
// keeps a line per input line.
// Also finds each table ruled with dashes: a column rule ("----- ------", a
// dash group per column) under its header lines; with a full-width rule above
// the header, rows run to the closing rule, parted by blank lines; without,
// rows are lines, to a blank line or the same column rule. Cells are cut at
// the groups' starts, and a line written across a gutter means no table.
// Returns the number of tables found.
std::size_t recover_grid_tables(Document &doc);

} // namespace inspex
