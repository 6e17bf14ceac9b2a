// Readers of office documents: DOCX (WordprocessingML) and ODT (OpenDocument
// text), a zip read with libarchive, its XML with libxml2 (no network, no entities).
//
//   auto doc = read_docx(bytes, "plan.docx", limits);   // paragraphs and tables
#pragma once

#include "inspex/read/reader.hpp"

namespace inspex {

// Body paragraphs (line breaks and tabs kept, list items as paragraphs of their
// own), tables with gridSpan/vMerge, nested tables' text in their cell, tracked
// changes read as accepted; headers, footers, footnotes and comments left out.
Result<Document> read_docx(std::string_view bytes, const std::string &file,
                           const ReadLimits &limits);

// The same for ODT: text:p, text:h, text:list, table:table with
// number-columns-spanned, number-rows-spanned and covered cells.
Result<Document> read_odt(std::string_view bytes, const std::string &file,
                          const ReadLimits &limits);

} // namespace inspex
