// Writes records as JSON Lines (the default), a JSON array, or CSV (RFC 4180,
// header row, nested values flattened, lists joined by a separator).
//
//   auto w = make_writer(Format::csv, std::cout, {.list_separator = " | "});
//   for (auto &r : records) w->write(r);
//   w->finish();
#pragma once

#include "inspex/error.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace inspex {

enum class Format { jsonl, json, csv };

Result<Format> parse_format(const std::string &name);

struct WriteOptions {
    std::string list_separator = " | "; // CSV: between the items of a list
    bool bom = false;                   // CSV: start with a UTF-8 BOM for Excel
};

class RecordWriter {
  public:
    virtual ~RecordWriter() = default;
    virtual void write(const nlohmann::ordered_json &record) = 0;
    // Ends the output (closes the JSON array, writes the buffered CSV).
    virtual void finish() = 0;
};

// CSV holds the item records only: its columns are the union of their
// flattened fields in order of first appearance, so it buffers until finish().
// The document records go to JSON outputs.
[[nodiscard]] std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream &out,
                                                        WriteOptions options = {});

// "a,b" -> "\"a,b\"": one RFC 4180 field.
[[nodiscard]] std::string csv_field(std::string_view text);

} // namespace inspex
