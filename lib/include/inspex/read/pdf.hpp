// Reader of PDF files with poppler-cpp: the words of each page with their
// positions, rebuilt into lines; running headers, footers and page numbers
// left out by position and repetition. Tables are recovered later, by the
// layout, from the words' positions (layout/columns.hpp).
//
//   auto doc = read_pdf(bytes, "report.pdf", limits);  // one paragraph per line, with words
#pragma once

#include "inspex/read/reader.hpp"

namespace inspex {

// Fails, naming the file, on a damaged or password-protected PDF and on one
// with no text layer ("scanned: no text to read; run OCR first").
Result<Document> read_pdf(std::string_view bytes, const std::string &file,
                          const ReadLimits &limits);

} // namespace inspex
