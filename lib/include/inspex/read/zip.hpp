// Reads named entries of a zip archive held in memory (DOCX, ODT) with
// libarchive, within the limits that stop a zip bomb.
//
//   auto xml = read_zip_entry(bytes, "word/document.xml", "plan.docx", "DOCX", limits);
#pragma once

#include "inspex/read/reader.hpp"

#include <string>
#include <string_view>

namespace inspex {

// The entry's content. Fails, naming the file, on a damaged archive, a missing
// entry, more entries than the limit, or content beyond the size or ratio limits.
Result<std::string> read_zip_entry(std::string_view archive, const std::string &entry,
                                   const std::string &file, const std::string &kind,
                                   const ReadLimits &limits);

} // namespace inspex
