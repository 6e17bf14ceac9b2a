// Runs a grammar over one input document: decode, normalize, lay out, read
// fields, infer, and return the records (a document record, then its items).
//
//   auto records = extract(grammar, {"plans/a.txt", "a", bytes});
//   for (auto &r : records->records) write(r);
#pragma once

#include "inspex/grammar.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex {

struct Input {
    std::string file;  // path as given, or "-" for standard input
    std::string doc;   // document id: file name without directory and last extension
    std::string bytes; // the raw content
};

struct Extraction {
    std::vector<nlohmann::ordered_json> records;
};

// Fails only when the input cannot be decoded; everything the grammar could
// not place becomes a warning inside the records.
Result<Extraction> extract(const Grammar &grammar, const Input &input);

// The same, for an input already decoded to UTF-8 text (see decode.hpp).
[[nodiscard]] Extraction extract_text(const Grammar &grammar, const Input &input,
                                      std::string_view text);

// "dir/plan.txt" -> "plan"; "-" -> "stdin".
[[nodiscard]] std::string document_id(const std::string &path);

// Decoded text's lines after normalization, numbered as in the input.
[[nodiscard]] std::vector<Line> normalized_lines(const Grammar &grammar, std::string_view text);

} // namespace inspex
