// The text view of a document: numbered lines, one paragraph line a line, one
// table row a line with cells separated by tabs. Record provenance points here.
//
//   number_lines(doc);                       // each block learns its lines
//   for (const Line &l : text_view(doc)) fmt::print("{:>5}  {}\n", l.number, l.text);
#pragma once

#include "inspex/lines.hpp"
#include "inspex/model/document.hpp"

#include <vector>

namespace inspex {

// Form feed: begins the first line of a page after the first, as pdftotext writes it.
inline constexpr char kPageBreak = '\f';

// Sets each block's first_line and last_line as the text view numbers them.
void number_lines(Document &doc);

// The view: a paragraph gives a line per line break, a table row one line
// whose cells are separated by kCellSeparator and whose paragraphs inside a
// cell by kBlockBreak. A cell spanning k columns is followed by k-1 empty
// cells and a continued cell is empty, so every row keeps the grid's positions.
// The first line of a new page begins with kPageBreak.
[[nodiscard]] std::vector<Line> text_view(const Document &doc);

// The text view as one string, a '\n' after each line (what detection reads).
[[nodiscard]] std::string view_text(const Document &doc);

// The page of each line of the view (index line-1); empty when the document has no pages.
[[nodiscard]] std::vector<std::size_t> line_pages(const Document &doc);

// Cells a text line may hold to be a table row; a line of more tabs is read
// as text (tabs as spaces) with a "too-many-cells" warning.
inline constexpr std::size_t kMaxCellsPerRow = 1024;

// A plain-text document: a paragraph per line, and a table for each run of
// lines holding tabs (a row per line); its text view is the text's own lines.
[[nodiscard]] Document text_document(std::string_view text);
// The same from the text's lines (split_lines), each let go as it is read:
// a large text is not held whole beside its model.
[[nodiscard]] Document text_document(std::vector<Line> lines);

} // namespace inspex
