// Recovers tables from text laid out in columns by position: the words of a
// PDF page (points) or the characters of aligned text (pdftotext -layout).
// One method for both: the header row's words and the gutters name the columns.
//
//   recover_aligned_tables(doc, grammar.table); // paragraphs in columns -> table rows
#pragma once

#include "inspex/model/document.hpp"
#include "inspex/table.hpp"

namespace inspex {

// Finds, among the document's paragraphs (their `words`, or for a paragraph
// without them the words of its text at their character columns), each band
// of up to four lines in which the `header` patterns of at least
// spec.header_min columns are found in column order: a table's header. Column
// extents come from the header words and from the gutters (blank x-ranges)
// of the lines below, down to the table's end (spec.end, or the lines where
// the gutters stop). The header band becomes one table row, each following
// line a row with its words given to the columns they fall in; a header
// repeated on a later page is recognised again and gives a header row again.
// Paragraphs outside tables are left as they are. Returns the number of tables found.
std::size_t recover_aligned_tables(Document &doc, const TableSpec &spec);

} // namespace inspex
