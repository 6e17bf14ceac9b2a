// Flattens records into a table for CSV, TSV and XLSX: an object's keys
// become name_key columns (its "text" key the name itself), list items are
// joined, a pair of numbers (a line span) becomes "first-last".
//
//   FlatTable t(" | "); t.add(record); t.settle({}); use(t.columns(), t.rows());
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex {

struct FlatCell {
    std::string text;
    bool number = false; // a single JSON number
};

using FlatRow = std::map<std::string, FlatCell>;

class FlatTable {
  public:
    explicit FlatTable(std::string list_separator) : separator_(std::move(list_separator)) {}

    void add(const nlohmann::ordered_json &record);
    // Fixes the columns: the chosen ones in that order, or all of them less
    // the bare column an always-empty list of objects left ("warnings" when
    // "warnings_code" exists).
    void settle(const std::vector<std::string> &chosen);

    [[nodiscard]] const std::vector<std::string> &columns() const { return columns_; }
    [[nodiscard]] const std::vector<FlatRow> &rows() const { return rows_; }

  private:
    std::string separator_;
    std::vector<std::string> columns_;
    std::vector<FlatRow> rows_;
};

} // namespace inspex
