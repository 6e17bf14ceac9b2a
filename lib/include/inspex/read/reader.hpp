// Reads any input file into the document model, choosing the reader by the
// content (magic bytes, zip entries, an HTML root), never by the file name.
//
//   auto doc = read_document(bytes, "plans/elmley.docx");
//   if (!doc) std::cerr << doc.error().describe(); // "elmley.docx: damaged zip ..."
#pragma once

#include "inspex/error.hpp"
#include "inspex/model/document.hpp"

#include <string>
#include <string_view>

namespace inspex {

enum class InputFormat { text, docx, odt, html, pdf, legacy_office };

// Bounds on what a reader accepts, so that no input (a zip bomb, an XML
// entity bomb, a huge file) can exhaust the machine.
struct ReadLimits {
    std::size_t max_input_bytes = std::size_t{512} << 20;        // the file itself
    std::size_t max_zip_entries = 10000;                         // entries in a DOCX/ODT
    std::size_t max_uncompressed_bytes = std::size_t{512} << 20; // all entries read
    double max_compression_ratio = 200;                          // uncompressed / compressed
    std::size_t max_pages = 5000;                                // PDF pages read
};

// What the bytes are: a zip holding word/document.xml (docx) or content.xml
// (odt), a PDF, an OLE2 compound file (Word/Excel 97-2003), an HTML root
// (doctype or <html>), else text.
[[nodiscard]] InputFormat sniff_format(std::string_view bytes);

// Reads the bytes with the reader their content calls for; `file` names the
// input in errors. Fails with a message naming the file on damaged,
// encrypted, scanned (no text layer), legacy or over-limit input.
Result<Document> read_document(std::string_view bytes, const std::string &file,
                               const ReadLimits &limits = {});

} // namespace inspex
