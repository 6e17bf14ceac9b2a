// Recovers a table whose cells arrive one paragraph per line with nothing
// marking rows (Word's "save as text", docx2txt, soffice --convert-to txt).
//
//   recover_cell_lines(doc, grammar.table); // header lines found -> positional rows
#pragma once

#include "inspex/model/document.hpp"
#include "inspex/table.hpp"

namespace inspex {

// Finds a header written one label a line: consecutive lines (blank lines
// between allowed) each naming a column by its `header` pattern, at least
// spec.header_min columns. After it, every line is given to a column: a line
// that fits the key column begins a row, and a row's lines go to columns in
// the header's order, each to one its content fits (the grammar's `fits`),
// never back to an earlier one. A line left over at a row's end that looks
// like a heading becomes a heading row. Each line becomes a one-row table
// block (its text in its column, the others empty), so the text view keeps a
// line per input line; the header's first line holds the whole header row and
// its other lines become blank. Ends at spec.end or at a table. Returns the
// number of headers found.
std::size_t recover_cell_lines(Document &doc, const TableSpec &spec);

} // namespace inspex
