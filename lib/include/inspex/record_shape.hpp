// The shape every record must have for the tools after extract to read it
// (../shared/spec/records.md): a string `kind`, and the common fields, where
// present, of their types. Validate makes a bad one a finding, convert an error.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace inspex {

// What is wrong with a record's shape ("\"kind\" is a number, not a
// string"), or nothing. Fields may be absent or null; when present they must
// be: `kind`, `doc` strings; `source` an object whose `file` is a string and
// `lines`, `pages` pairs of counts; `inferred` a list of strings; `warnings`
// a list of objects with string `code` and `message` and a `lines` pair; a
// document's `grammar` a string.
[[nodiscard]] std::optional<std::string> shape_problem(const nlohmann::ordered_json &record);

// Nesting deeper than any record has, refused before it is built (the
// parser's stack and the writers' recursion stay small).
inline constexpr int kMaxRecordDepth = 64;

// Parses one line as a record: a JSON object nested at most kMaxRecordDepth
// deep; otherwise a reason ("not JSON", "nested deeper than 64").
struct ParsedRecord {
    nlohmann::ordered_json record;
    std::string problem; // empty when the line is a record
};
[[nodiscard]] ParsedRecord parse_record(const std::string &line);
// The start of the message for a line that is not a record: "not a JSON
// record: " or "not a JSON record (nested deeper than 64 levels): ".
[[nodiscard]] std::string record_problem(const std::string &problem);

} // namespace inspex
