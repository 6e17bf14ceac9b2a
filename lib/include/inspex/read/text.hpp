// Reader of plain text: decoded (decode.hpp), then a paragraph per line, a
// table for each run of tab-separated lines and each grid drawn with `+---+`
// and `|` (grid_tables.hpp), numbered as the input's own lines.
//
//   auto doc = read_text(bytes, "plan.txt");
#pragma once

#include "inspex/read/reader.hpp"

namespace inspex {

Result<Document> read_text(std::string_view bytes, const std::string &file);

} // namespace inspex
