// The columns of each record kind's table, taken from the grammars' field
// order and types, so that a table's header never depends on the data.
//
//   TableSchema s = TableSchema::from_grammars(grammars, {.explode = {"target_dates"}});
//   for (const Column &c : s.columns_of({"recommendation"})) header.push_back(c.name);
#pragma once

#include "inspex/grammar.hpp"
#include "inspex/names.hpp"

#include <optional>
#include <string>
#include <vector>

namespace inspex {

enum class ColumnType { text, integer, date };

// How a column is used beyond holding its value: prose is searched as full
// text, a category (a vocabulary, an addressee, an establishment) and a date
// are what an archive is indexed on.
enum class ColumnRole { plain, prose, category };

struct Column {
    std::string name; // flattened name: "source_lines", "target_dates_date"
    ColumnType type = ColumnType::text;
    ColumnRole role = ColumnRole::plain;
    // Bookkeeping a reader seldom needs (source, keys, states): a workbook
    // keeps it in collapsed column groups, so that pages show the rest.
    bool detail = false;
};

struct SchemaOptions {
    // Item rows carry their document's fields (establishment, dates).
    bool join_document = true;
    // List fields given one row per item (Miller's nest --explode).
    std::vector<std::string> explode;
    // Each document's items follow its record (records as extraction writes
    // them): only the latest document's fields are held for the join, so
    // that memory stays flat over a batch. (Otherwise every document's are:
    // a pipeline may sort or filter records away from their document.)
    bool documents_in_order = false;
};

// "7.10" -> "0007.0010", "1.iv" -> "0001.0004", "S45" -> "S0045": a key that
// sorts references in their natural order both as text and as a number.
[[nodiscard]] std::string natural_key(std::string_view ref);

class TableSchema {
  public:
    // Empty: no kind is known, tables take their columns from the data.
    TableSchema() = default;
    [[nodiscard]] static TableSchema from_grammars(const std::vector<Grammar> &grammars,
                                                   const SchemaOptions &options = {});

    [[nodiscard]] bool empty() const { return kinds_.empty(); }
    // Item kinds in the grammars' order, then "document".
    [[nodiscard]] std::vector<std::string> kinds() const;
    [[nodiscard]] bool knows(const std::string &kind) const;
    // The columns of these kinds' table, in order (union of several kinds).
    [[nodiscard]] std::vector<Column> columns_of(const std::vector<std::string> &kinds) const;
    // The document columns joined onto item rows (flattened names).
    [[nodiscard]] const std::vector<Column> &joined() const { return joined_; }
    // The field whose natural key is added as "<name>_key" ("ref"), or empty.
    [[nodiscard]] std::string keyed_field(const std::string &kind) const;
    // The top-level fields of these kinds' records, for JSON output.
    [[nodiscard]] std::vector<std::string> fields_of(const std::vector<std::string> &kinds) const;
    [[nodiscard]] const SchemaOptions &options() const { return options_; }

  private:
    struct Kind {
        std::string name;
        std::vector<Column> columns;
        std::vector<std::string> fields;
        std::string keyed;
    };
    const Kind *find(const std::string &kind) const;
    std::vector<Kind> kinds_;
    std::vector<Column> joined_;
    SchemaOptions options_;
};

} // namespace inspex
