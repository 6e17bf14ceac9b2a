// Writes records as JSON Lines (the default), a JSON array, CSV (RFC 4180),
// TSV, or an XLSX workbook; the tabular forms flatten nested values and join
// lists with a separator.
//
//   auto w = make_writer(Format::csv, std::cout, {.list_separator = " | "});
//   for (auto &r : records) w->write(r);
//   w->finish();
#pragma once

#include "inspex/error.hpp"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace inspex {

enum class Format { jsonl, json, csv, tsv, xlsx };

Result<Format> parse_format(const std::string &name);

struct WriteOptions {
    std::string list_separator = " | "; // tabular: between the items of a list
    bool bom = false;                   // CSV: start with a UTF-8 BOM for Excel
    // Tabular: these flattened columns in this order (empty: all); JSON:
    // these top-level fields only.
    std::vector<std::string> fields;
    // CSV, TSV: a text cell beginning with = + - @ tab or carriage return is
    // written after a ' so that a spreadsheet does not run it as a formula
    // (OWASP "CSV injection"); true writes such cells as they are.
    bool keep_formulas = false;
    // XLSX: rows a sheet holds, header included (Excel's limit); the records
    // past it go on in a continuation sheet "kind (2)".
    std::size_t xlsx_rows = 1048576; // kSheetRows (workbook_limits.hpp)
    // What the writer had to change to fit the format (a cell cut to Excel's
    // 32,767 bytes, a continuation sheet), for the tool to say.
    std::function<void(const std::string &)> on_warning = nullptr;
};

class RecordWriter {
  public:
    virtual ~RecordWriter() = default;
    virtual void write(const nlohmann::ordered_json &record) = 0;
    // Ends the output (closes the JSON array, writes the buffered table).
    virtual Result<bool> finish() = 0;
};

// CSV and TSV hold the item records only: their columns are the union of the
// flattened fields in order of first appearance, so they buffer until
// finish(). XLSX has a sheet per record kind, documents included, with the
// header frozen, filters on, text wrapped, numbers and ISO dates as such.
// finish() reports an XLSX that could not be written.
[[nodiscard]] std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream &out,
                                                        WriteOptions options = {});

// "=1+2" -> "'=1+2": a text that a spreadsheet would take for a formula, made
// inert; any other text unchanged.
[[nodiscard]] std::string neutralise_formula(std::string text);

// "a,b" -> "\"a,b\"": one RFC 4180 field.
[[nodiscard]] std::string csv_field(std::string_view text);

} // namespace inspex
