// Extracts many inputs (files, folders, "-" for standard input) with one
// grammar or the one each document fits best, on several threads, writing
// records in input order. A bad input is reported and skipped; the others
// still produce their records.
//
//   BatchReport r = extract_batch({&grammar}, paths, writer, options);   // one grammar
//   BatchReport r = extract_batch(all_grammars, paths, writer, options); // detection
//   return r.input_errors ? 2 : 0;
#pragma once

#include "inspex/extract.hpp"
#include "inspex/write.hpp"

#include <functional>
#include <string>
#include <vector>

namespace inspex {

struct BatchOptions {
    unsigned threads = 0; // 0: one per core
    // Called in input order, from the calling thread.
    std::function<void(const Error &)> on_error;
    std::function<void(const std::string &file, const nlohmann::ordered_json &warning)> on_warning;
};

struct BatchReport {
    std::size_t documents = 0;
    std::size_t records = 0;
    std::size_t warnings = 0;
    std::size_t input_errors =
        0; // inputs that could not be read, or an output that could not be written
};

// Folders are read recursively for *.txt files, in name order.
Result<std::vector<std::string>> expand_inputs(const std::vector<std::string> &args);

// The whole content of a file, or of standard input for "-".
Result<std::string> read_input(const std::string &path);

// With one grammar it reads every input; with several, each input is read
// with the grammar it fits best (detect.hpp), or reported when none fits.
// An input read and decoded, with the grammar it is to be read with: the
// only one given, or the one it fits best among several.
struct PreparedInput {
    std::string text;
    const Grammar *grammar = nullptr;
};
Result<PreparedInput> prepare_input(const std::vector<Grammar> &grammars, const std::string &path);

BatchReport extract_batch(const std::vector<Grammar> &grammars,
                          const std::vector<std::string> &paths, RecordWriter &writer,
                          const BatchOptions &options);

} // namespace inspex
