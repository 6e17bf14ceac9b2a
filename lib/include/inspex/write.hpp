// Writes records as JSON Lines (the default), a JSON array, CSV (RFC 4180),
// TSV, an XLSX workbook or a SQLite archive; the tabular forms give each
// record kind the fixed columns of its schema (schema.hpp, flatten.hpp).
//
//   auto w = make_writer(Format::csv, std::cout, {.schema = TableSchema::from_grammars(gs)});
//   for (auto &r : records) w->write(r);
//   w->finish();
#pragma once

#include "inspex/error.hpp"
#include "inspex/grammar.hpp"
#include "inspex/schema.hpp"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace inspex {

enum class Format { jsonl, json, csv, tsv, xlsx, sqlite };

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
    // Tabular: the columns of each kind. Empty: the columns found in the
    // data (in order of first appearance; CSV and TSV then buffer).
    TableSchema schema;
    // CSV and TSV: the kinds whose records are rows (empty: every item
    // kind; "document" gives a table of documents).
    std::vector<std::string> kinds;
    bool pretty = false; // JSON: indented, one field a line
    // XLSX and SQLite: the grammars the records' documents name, to hold
    // them against (validate.hpp); null: no findings.
    const std::vector<Grammar> *grammars = nullptr;
};

class RecordWriter {
  public:
    virtual ~RecordWriter() = default;
    virtual void write(const nlohmann::ordered_json &record) = 0;
    // Ends the output (closes the JSON array, writes the workbook, commits
    // the archive); reports an output that could not be written.
    virtual Result<bool> finish() = 0;
    // After finish(): what was done, for the tool to tell ("3 documents
    // added, 2 already archived (skipped)"); empty when nothing is worth saying.
    [[nodiscard]] virtual std::string summary() const { return {}; }
};

// CSV and TSV hold one table: the item records by default, each row with
// its document's fields joined. XLSX has a summary sheet first, then a
// sheet per record kind, documents included, ready to print. SQLite needs a
// file: use open_archive().
[[nodiscard]] std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream &out,
                                                        WriteOptions options = {});

// Whether the format's writer can run here: XLSX loads its library's module
// on first use (README, "Install"); the error names what is missing. Ask
// before opening the output, so that a previous file is not replaced.
[[nodiscard]] Result<bool> writer_available(Format format);

// "=1+2" -> "'=1+2": a text that a spreadsheet would take for a formula, made
// inert; any other text unchanged.
[[nodiscard]] std::string neutralise_formula(std::string text);

// A SQLite archive at `path`, created or appended to (the schema must not
// explode lists: an archive keeps one row a record): a table per record
// kind, documents, findings, full-text search. A document already archived
// with the same records is skipped; with other records it is replaced.
Result<std::unique_ptr<RecordWriter>> open_archive(const std::string &path,
                                                   WriteOptions options = {});

// The Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/)
// of the CSV or TSV table these options make: each column's name and type
// ("string" for refs and for dates, which may be a month or a year; "integer"),
// for readers that would otherwise guess (pandas takes "7.10" for 7.1).
[[nodiscard]] nlohmann::ordered_json table_schema(const WriteOptions &options);

// "a,b" -> "\"a,b\"": one RFC 4180 field.
[[nodiscard]] std::string csv_field(std::string_view text);

} // namespace inspex
