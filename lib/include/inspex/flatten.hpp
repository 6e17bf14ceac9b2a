// Flattens records into table rows for CSV, TSV, XLSX and SQLite: an object's
// keys become name_key columns (its "text" key the name itself), list items
// are joined, a pair of numbers (a line span) becomes "first-last".
//
//   RowMaker rows(schema, " | ");
//   for (auto &r : records) for (FlatRow &row : rows.rows(r)) write(row);
#pragma once

#include "inspex/schema.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace inspex {

struct FlatCell {
    std::string text;
    bool number = false; // a single JSON number
};

using FlatRow = std::map<std::string, FlatCell>;

// One record's cells by flattened name; `order` gains names not seen before.
[[nodiscard]] FlatRow flatten_record(const nlohmann::ordered_json &record,
                                     const std::string &list_separator,
                                     std::vector<std::string> *order = nullptr);

// Rows of a schema's fixed columns. A document record is remembered so that
// its items' rows carry its fields (schema.joined()), every one, since a
// pipeline may sort or filter records away from their document (the latest
// only, where the schema's options say records come in document order); the kind's keyed field
// gains its natural key; exploded list fields give a row per item; fields
// the schema does not name go, as a JSON object, to the "extra" column.
class RowMaker {
  public:
    RowMaker(const TableSchema &schema, std::string list_separator)
        : schema_(schema), separator_(std::move(list_separator)) {}

    [[nodiscard]] std::vector<FlatRow> rows(const nlohmann::ordered_json &record);

  private:
    FlatRow row(const nlohmann::ordered_json &record) const;
    const TableSchema &schema_;
    std::string separator_;
    // The joined cells of each document seen, by doc id: each cell with the
    // index of its column in schema.joined(), the names not copied per document.
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, FlatCell>>> documents_;
};

// Columns found in the data, for records no schema describes: the union of
// the flattened fields in order of first appearance, less the bare column an
// always-empty list of objects left ("warnings" when "warnings_code" exists).
class FlatTable {
  public:
    explicit FlatTable(std::string list_separator) : separator_(std::move(list_separator)) {}

    void add(const nlohmann::ordered_json &record);
    // Fixes the columns: the chosen ones in that order, or all of them.
    void settle(const std::vector<std::string> &chosen);

    [[nodiscard]] const std::vector<std::string> &columns() const { return columns_; }
    [[nodiscard]] const std::vector<FlatRow> &rows() const { return rows_; }

  private:
    std::string separator_;
    std::vector<std::string> columns_;
    std::vector<FlatRow> rows_;
};

} // namespace inspex
