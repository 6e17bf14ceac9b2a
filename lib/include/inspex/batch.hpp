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
#include "inspex/model/document.hpp"
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

// Folders are read recursively for the files inspex reads (*.txt, *.docx,
// *.odt, *.html, *.htm, *.pdf, any case), in name order; an entry that cannot
// be examined (a broken link, a link loop) is reported through `skipped` and left out.
Result<std::vector<std::string>>
expand_inputs(const std::vector<std::string> &args,
              const std::function<void(const Error &)> &skipped = nullptr);

// The whole content of a file, or of standard input for "-".
Result<std::string> read_input(const std::string &path);

// An input read into the document model, with the grammar it is to be read
// with: the only one given, or the one its text view fits best among several
// (detect.hpp); an error when none fits.
struct PreparedInput {
    Document document;
    const Grammar *grammar = nullptr;
};
Result<PreparedInput> prepare_input(const std::vector<Grammar> &grammars, const std::string &path);

BatchReport extract_batch(const std::vector<Grammar> &grammars,
                          const std::vector<std::string> &paths, RecordWriter &writer,
                          const BatchOptions &options);

} // namespace inspex
