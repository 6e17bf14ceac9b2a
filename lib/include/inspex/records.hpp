// Reads a JSON Lines stream of records, as inspex-extract writes it, and
// hands it over one document at a time: its document record, its items, and
// the lines as read (so a tool can pass them on unchanged).
//
//   read_documents(std::cin, "-", [](const DocumentRecords &d) { ... },
//                  [](const Error &e) { report(e); });
#pragma once

#include "inspex/error.hpp"
#include "inspex/read/reader.hpp"

#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex {

struct DocumentRecords {
    nlohmann::ordered_json document; // null when items came without one
    std::vector<nlohmann::ordered_json> items;
    std::vector<std::string> raw; // every line as read, document first
};

// One line of a records stream without its line end, at most `max_bytes` of
// it. A longer line sets `too_long` and is left there, the rest of the input
// unread: a file of one endless line, such as /dev/zero, is neither held nor
// read for ever. False at the end of the input.
bool read_record_line(std::istream &in, std::string &line, bool &too_long,
                      std::size_t max_bytes = ReadLimits{}.max_input_bytes);

// What a line too long to read is called, for `Error`.
std::string line_too_long_message(std::size_t max_bytes = ReadLimits{}.max_input_bytes);

// What a read error that ended a records stream is called, for `Error`.
inline constexpr const char *kReadErrorMessage = "cannot read file: the rest of it was not read";

// Calls `on_document` for each document in turn; a line longer than the
// input limit, or a read error, is reported and ends the input; a line that is not a JSON
// object (or is nested too deep, record_shape.hpp) is reported through
// `on_error` (file and line) and skipped. A record of the wrong shape is
// reported through `on_malformed` (else `on_error`) and left out of the
// items, but kept in `raw`. Returns the number of bad lines.
std::size_t read_documents(std::istream &in, const std::string &file,
                           const std::function<void(const DocumentRecords &)> &on_document,
                           const std::function<void(const Error &)> &on_error,
                           const std::function<void(const Error &)> &on_malformed = nullptr);

} // namespace inspex
