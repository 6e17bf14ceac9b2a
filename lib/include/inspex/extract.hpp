// Runs a grammar over one input document: read (any format), recover its
// tables, normalize, lay out, read fields, infer, and return the records.
//
//   auto records = extract(grammar, {"plans/a.docx", "a", bytes});
//   for (auto &r : records->records) write(r);
#pragma once

#include "inspex/grammar.hpp"
#include "inspex/model/document.hpp"
#include "inspex/trace.hpp"

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

struct ExtractOptions {
    // Told what the layout decided about each line (trace.hpp), from the
    // extracting thread; none by default. The records are the same either way.
    TraceSink trace;
};

// Fails only when the input cannot be read (read/reader.hpp); everything the
// grammar could not place becomes a warning inside the records.
Result<Extraction> extract(const Grammar &grammar, const Input &input,
                           const ExtractOptions &options = {});

// The same, for a document already read.
[[nodiscard]] Extraction extract_document(const Grammar &grammar, const Input &input,
                                          Document document, const ExtractOptions &options = {});

// The same, for an input already decoded to UTF-8 text (see decode.hpp).
[[nodiscard]] Extraction extract_text(const Grammar &grammar, const Input &input,
                                      std::string_view text, const ExtractOptions &options = {});

// "dir/plan.txt" -> "plan"; "-" -> "stdin".
[[nodiscard]] std::string document_id(const std::string &path);

// The document as the grammar's layout reads it: its tables recovered where
// only positions show them (layout/columns.hpp), then its text view's lines
// after normalization, and the page of each line (empty without pages). The
// document's blocks are let go once the view holds them (its warnings and
// other fields stay).
struct GrammarView {
    std::vector<Line> lines;
    std::vector<std::size_t> pages;
    bool paragraph_lines = false; // see Document::paragraph_lines
};
[[nodiscard]] GrammarView grammar_view(const Grammar &grammar, Document &document);

} // namespace inspex
