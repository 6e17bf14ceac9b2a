// Recovers a table from text in block reading order (pdftotext without
// -layout, a copy from a PDF viewer): a cell's lines together, cells parted by blank lines.
//
//   recover_cell_blocks(doc, grammar.table); // header label blocks found -> rows by content
#pragma once

#include "inspex/model/document.hpp"
#include "inspex/table.hpp"

namespace inspex {

// Finds a header written as blocks of lines, blank lines between: each block
// one label or several (cut by their `header` patterns, two labels side by
// side whose lines alternate included), naming at least spec.header_min
// columns. After it, the text comes in runs of lines parted by blank lines,
// a row's cells in any order:
// - a line that fits the key column begins a row; heading lines right above
//   it (after a sentence's end) are headings;
// - a run that fits a shaped column (the grammar's `fits`) is that column's
//   cell: of several columns it fits, the narrowest on this document (whose
//   lines are a subset of the other's), else the later; such cells after a
//   header and before the page's first row belong to that row;
// - other runs are free text: a row's first goes to the first free-text
//   column, later ones to the last, unless their lines are as wide as the
//   first column's (a cell wraps at its column's width); a short line inside
//   free text that fits a shaped column is that column's cell (two cells'
//   lines interleaved), and the next column's cell may end a row's first line.
// Each cell becomes a one-row table block on its first line, so the text view
// keeps a line per input line. Ends at spec.end. Returns the headers found.
std::size_t recover_cell_blocks(Document &doc, const TableSpec &spec);

} // namespace inspex
