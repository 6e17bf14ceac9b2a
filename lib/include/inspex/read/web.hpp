// Reader of HTML pages with libxml2's HTML parser: paragraphs, line breaks,
// list items, headings and tables (rowspan, colspan); scripts, styles and navigation left out.
//
//   auto doc = read_html(bytes, "plan.html", limits);
#pragma once

#include "inspex/read/reader.hpp"

namespace inspex {

Result<Document> read_html(std::string_view bytes, const std::string &file,
                           const ReadLimits &limits);

} // namespace inspex
