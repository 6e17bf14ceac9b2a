// A grammar's examples: small documents beside the records the grammar must
// give for them, run as tests (inspex test), as TextFSM and TTP templates
// carry theirs. For DIR/NAME.toml they live in DIR/examples/NAME/: an input
// (X.txt, or any format inspex reads) beside X.expected.jsonl, or, as in
// cmark's spec, many in one X.examples.md (see find_examples).
//
//   auto examples = find_examples(examples_folder(grammar.file));
//   auto result = run_example(grammar, examples->front());
//   for (const Difference &d : result->differences) std::cout << describe(d, e.expected);
#pragma once

#include "inspex/error.hpp"
#include "inspex/grammar.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace inspex::author {

struct Example {
    std::string name;     // "lost-ref" (before .expected.jsonl), or "rows#2" in rows.examples.md
    std::string input;    // path of the input document (or of the examples file)
    std::string expected; // path of NAME.expected.jsonl (or of the examples file)
    // An example written in an examples file: its input text, the line it
    // begins on there (0 for a pair of files), and its expected records'
    // lines, each with its line number there.
    std::string text;
    std::size_t text_line = 0;
    std::vector<std::pair<std::size_t, std::string>> records;
};

// DIR/examples/NAME for the grammar file DIR/NAME.toml.
[[nodiscard]] std::string examples_folder(const std::string &grammar_file);

// The examples of a folder, by name. An input without its expected records,
// expected records without their input (or with two), and a folder with no
// example are errors naming the file. Hidden files are left out.
//
// An examples file X.examples.md is Markdown whose fenced blocks with the
// info string "example" are examples, named X#1, X#2... in order: the input,
// a line holding only ".", then the expected records. In the input, "→"
// stands for a tab (as in cmark's spec); its records name doc and file
// "example". A block not closed, or without its "." line, is an error at its line.
Result<std::vector<Example>> find_examples(const std::string &folder);

// The examples of one examples file (X.examples.md).
Result<std::vector<Example>> read_examples_file(const std::string &path);

// One place where the records differ: a field (its path inside the record,
// ".target_dates[1].date"), or a whole record ("" path) that is absent on one
// side. An absent value is nullopt, distinct from a JSON null.
struct Difference {
    std::size_t record = 0;        // 1-based position among the records
    std::size_t expected_line = 0; // its line in the expected file (0: no such record)
    std::string label;             // "recommendation 7.1": kind and ref
    std::string path;
    std::optional<nlohmann::ordered_json> expected, actual;
};

struct ExampleResult {
    std::size_t records = 0; // records expected
    std::vector<Difference> differences;
    [[nodiscard]] bool passed() const { return differences.empty(); }
};

// Reads the expected records (each non-blank line one JSON object, else an
// error with file:line), extracts the input with the grammar, its source.file
// the input's file name, and compares them record by record, field by field.
Result<ExampleResult> run_example(const Grammar &grammar, const Example &example);

// Field-by-field differences between two lists of records, in order;
// `expected_lines` gives the file line of each expected record (may be empty).
[[nodiscard]] std::vector<Difference>
diff_records(const std::vector<nlohmann::ordered_json> &expected,
             const std::vector<nlohmann::ordered_json> &actual,
             const std::vector<std::size_t> &expected_lines = {});

// "FILE:LINE: recommendation 7.1: .status: expected "agreed", got "partly_agreed"".
[[nodiscard]] std::string describe(const Difference &d, const std::string &expected_file);

} // namespace inspex::author
