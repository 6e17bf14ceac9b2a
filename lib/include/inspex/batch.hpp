// Extracts many inputs (files, folders, "-" for standard input) with one
// grammar or the one each document fits best, on several threads, writing
// records in input order. A bad input is reported and leaves a document
// record with its error; the others still produce their records.
//
//   BatchReport r = extract_batch({&grammar}, paths, writer, options);   // one grammar
//   BatchReport r = extract_batch(all_grammars, paths, writer, options); // detection
//   return r.input_errors ? 2 : 0;
#pragma once

#include "inspex/extract.hpp"
#include "inspex/model/document.hpp"
#include "inspex/read/reader.hpp"
#include "inspex/write.hpp"

#include <functional>
#include <string>
#include <vector>

namespace inspex {

struct BatchOptions {
    // Documents read at once, by a fixed pool of that many threads (0: one
    // per core); 1 reads them one after another on the calling thread, with
    // no thread started. At most twice that many are held read and unwritten.
    unsigned threads = 0;
    // Called in input order, from the calling thread.
    std::function<void(const Error &)> on_error;
    std::function<void(const std::string &file, const nlohmann::ordered_json &warning)> on_warning;
    // Called after each input, in order: how many are done of how many.
    std::function<void(std::size_t done, std::size_t total)> on_progress;
    // With it, each input is traced (trace.hpp), and its entries are given
    // here, in the order of their lines, before the input's records.
    std::function<void(const std::string &file, const TraceEntry &entry)> on_trace;
};

struct BatchReport {
    std::size_t documents = 0;
    std::size_t records = 0;
    std::size_t warnings = 0;
    std::size_t input_errors =
        0; // inputs that could not be read, or an output that could not be written
    bool output_failed = false; // the writer could not finish: its file is not to be kept
};

// How folders are walked, as ripgrep walks them.
struct WalkOptions {
    bool follow_links = false; // -L: follow symbolic links inside folders
    // Shell patterns a file must match (its name, or its path below the
    // folder when the pattern has a "/"); "!pattern" excludes. Empty: all.
    std::vector<std::string> globs;
};

// Folders are read recursively for the files inspex reads (*.txt, *.docx,
// *.odt, *.html, *.htm, *.pdf, any case), in name order. Hidden files and
// folders (".name") are left out, and symbolic links unless followed (a
// folder reached twice through links is read once); paths given as
// arguments are always read. An entry that cannot be examined (a broken
// link) is reported through `skipped` and left out; so is a folder in which
// nothing is found to read.
Result<std::vector<std::string>>
expand_inputs(const std::vector<std::string> &args,
              const std::function<void(const Error &)> &skipped = nullptr,
              const WalkOptions &walk = {});

// The document id of each path ("dir/plan.txt" -> "plan"), made unique in
// the run: a name seen before gains "-2", "-3"... in input order.
[[nodiscard]] std::vector<std::string> unique_ids(const std::vector<std::string> &paths);

// The record an input that could not be read leaves in the stream: a
// document record with no grammar and the error's message (its file is the
// record's source.file).
[[nodiscard]] nlohmann::ordered_json error_record(const std::string &doc, const Error &error,
                                                  const std::string &path);

// The whole content of a file, or of standard input for "-"; an error for
// one longer than max_bytes (read no further than that: a device such as
// /dev/zero, or a pipe that never ends, is refused at the limit).
Result<std::string> read_input(const std::string &path,
                               std::size_t max_bytes = ReadLimits{}.max_input_bytes);

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
