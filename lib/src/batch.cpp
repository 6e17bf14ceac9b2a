#include "inspex/batch.hpp"

#include "inspex/detect.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/ordered_pool.hpp"
#include "inspex/read/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <fnmatch.h>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace inspex {

namespace fs = std::filesystem;

namespace {

bool readable_extension(const fs::path &path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char *known : {".txt", ".docx", ".odt", ".html", ".htm", ".pdf"})
        if (ext == known)
            return true;
    return false;
}

} // namespace

namespace {

bool hidden(const fs::path &path) {
    std::string name = path.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

// Whether the file passes the globs (the last that matches decides).
bool wanted(const fs::path &file, const fs::path &root, const std::vector<std::string> &globs) {
    bool keep = globs.empty() || std::all_of(globs.begin(), globs.end(),
                                             [](const std::string &g) { return g[0] == '!'; });
    std::string name = file.filename().string(), relative = file.lexically_relative(root).string();
    for (const std::string &glob : globs) {
        bool negated = glob[0] == '!';
        std::string pattern = negated ? glob.substr(1) : glob;
        const std::string &subject = pattern.find('/') == std::string::npos ? name : relative;
        if (fnmatch(pattern.c_str(), subject.c_str(), 0) == 0)
            keep = !negated;
    }
    return keep;
}

std::vector<std::string> walk_folder(const std::string &root, const WalkOptions &walk,
                                     const std::function<void(const Error &)> &skipped,
                                     std::error_code &ec) {
    std::vector<std::string> found;
    std::set<fs::path> seen{fs::canonical(root, ec)};
    auto options = walk.follow_links ? fs::directory_options::follow_directory_symlink
                                     : fs::directory_options::none;
    for (auto it = fs::recursive_directory_iterator(root, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;
        bool link = it->is_symlink(entry_ec);
        if (hidden(it->path()) || (link && !walk.follow_links)) {
            if (it->is_directory(entry_ec))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(entry_ec)) {
            if (link && !seen.insert(fs::canonical(it->path(), entry_ec)).second)
                it.disable_recursion_pending(); // a loop, or a folder already read
            continue;
        }
        bool regular = it->is_regular_file(entry_ec);
        if (entry_ec && skipped)
            skipped(Error{"skipped: " + entry_ec.message(), it->path().string()});
        if (regular && readable_extension(it->path()) && wanted(it->path(), root, walk.globs))
            found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string> &args,
                                               const std::function<void(const Error &)> &skipped,
                                               const WalkOptions &walk) {
    std::vector<std::string> out;
    for (const std::string &arg : args) {
        std::error_code ec;
        if (arg != "-" && fs::is_directory(arg, ec)) {
            std::vector<std::string> found = walk_folder(arg, walk, skipped, ec);
            if (ec)
                return Error{"cannot read folder: " + ec.message(), arg};
            if (found.empty() && skipped) // said, not an empty run with no word
                skipped(Error{"no input files in this folder (.txt, .docx, .odt, .html, .htm, "
                              ".pdf; hidden entries and --glob left out)",
                              arg});
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(arg);
        }
    }
    return out;
}

std::vector<std::string> unique_ids(const std::vector<std::string> &paths) {
    std::vector<std::string> ids;
    std::map<std::string, std::size_t> seen;
    for (const std::string &path : paths) {
        std::string id = document_id(path);
        std::size_t n = ++seen[id];
        while (n > 1 && seen.count(id + "-" + std::to_string(n)))
            ++n;
        ids.push_back(n > 1 ? id + "-" + std::to_string(n) : id);
        if (n > 1)
            seen[ids.back()] = 1;
    }
    return ids;
}

nlohmann::ordered_json error_record(const std::string &doc, const Error &error,
                                    const std::string &path) {
    return {{"kind", "document"},
            {"doc", doc},
            {"source", {{"file", path}, {"lines", nullptr}}},
            {"grammar", nullptr},
            {"error", error.message},
            {"inferred", nlohmann::ordered_json::array()},
            {"warnings", nlohmann::ordered_json::array()}};
}

namespace {

// Appends `in` to `text` in blocks until its end, or an error once it holds
// more than max_bytes: a device or a pipe that never ends is refused at the
// limit, not read into memory.
Result<bool> append_bounded(std::istream &in, std::string &text, const std::string &path,
                            std::size_t max_bytes) {
    std::array<char, 1 << 16> block{};
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
        auto got = static_cast<std::size_t>(in.gcount());
        if (got > max_bytes - std::min(max_bytes, text.size()))
            return Error(fmt::format("file too large: more than {} bytes (the limit is {})",
                                     max_bytes, max_bytes),
                         path);
        text.append(block.data(), got);
    }
    if (in.bad())
        return Error{"cannot read file", path};
    return true;
}

} // namespace

Result<std::string> read_input(const std::string &path, std::size_t max_bytes) {
    std::string text;
    if (path == "-") {
        if (auto read = append_bounded(std::cin, text, path, max_bytes); !read)
            return read.error();
        return text;
    }
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"no such file", path};
    if (fs::is_directory(path, ec))
        return Error{"is a folder", path};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open file", path};
    // Room made once for a regular file's size (a character at a time
    // through a stream iterator cost a few per cent of a batch); one larger
    // than the limit is refused before it is read.
    if (fs::is_regular_file(path, ec)) {
        std::uintmax_t size = fs::file_size(path, ec);
        if (!ec && size > max_bytes)
            return Error(fmt::format("file too large: {} bytes (the limit is {})", size, max_bytes),
                         path);
        if (!ec)
            text.reserve(static_cast<std::size_t>(size));
    }
    if (auto read = append_bounded(in, text, path, max_bytes); !read)
        return read.error();
    return text;
}

namespace {

// A grammar not chosen because a detection pattern stopped at its match
// limit would go unsaid: the error names each such pattern.
Error with_limit_hits(Error error) {
    std::set<std::pair<std::string, std::size_t>> named; // a pattern once, whatever it ran over
    for (const LimitHit &hit : take_limit_hits())
        if (named.emplace(hit.rule.file, hit.rule.line).second)
            error.message += fmt::format("; the pattern at {}:{} stopped at its match limit while "
                                         "choosing, so a score may be wrong",
                                         hit.rule.file, hit.rule.line);
    return error;
}

// The file's bytes are let go once read into the model, before detection
// makes the text view: the three are never held at once.
Result<Document> read_path(const std::string &path) {
    auto bytes = read_input(path);
    if (!bytes)
        return bytes.error();
    return read_document(bytes.value(), path);
}

} // namespace

Result<PreparedInput> prepare_input(const std::vector<Grammar> &grammars, const std::string &path) {
    (void)take_limit_hits(); // none of an earlier input's may be said as this one's
    auto document = read_path(path);
    if (!document)
        return document.error();
    if (grammars.empty())
        return Error("no grammars installed", path);
    const Grammar *grammar = &grammars.front();
    if (grammars.size() > 1) {
        auto chosen = choose_grammar(grammars, view_text(document.value()), path);
        if (!chosen)
            return with_limit_hits(chosen.error());
        grammar = chosen.value();
    }
    if (auto ready = grammar->patterns.ready(); !ready)
        return Error(
            fmt::format("grammar {} cannot be used: {}", grammar->name, ready.error().describe()),
            path);
    return PreparedInput{std::move(document.value()), grammar};
}

namespace {

// An input's records, and its trace when one was asked for.
struct Traced {
    Result<Extraction> result;
    std::vector<TraceEntry> trace;
};

Traced extract_path(const std::vector<Grammar> &grammars, const std::string &path,
                    const std::string &doc, bool traced) {
    auto input = prepare_input(grammars, path);
    if (!input)
        return {input.error(), {}};
    Traced out{Extraction{}, {}};
    ExtractOptions options;
    if (traced)
        options.trace = [&out](const TraceEntry &e) { out.trace.push_back(e); };
    out.result = extract_document(*input->grammar, Input{path, doc, {}}, std::move(input->document),
                                  options);
    std::stable_sort(out.trace.begin(), out.trace.end(),
                     [](const TraceEntry &a, const TraceEntry &b) { return a.line < b.line; });
    return out;
}

} // namespace

namespace {

// An input's records handed to the writer, its errors and warnings counted.
void write_input(const std::string &path, const std::string &doc, Traced traced,
                 RecordWriter &writer, const BatchOptions &options, BatchReport &report) {
    Result<Extraction> &result = traced.result;
    if (!result) {
        ++report.input_errors;
        if (options.on_error)
            options.on_error(result.error());
        writer.write(error_record(doc, result.error(), path));
        return;
    }
    ++report.documents;
    for (auto &record : result->records) {
        writer.write(record);
        ++report.records;
        if (auto warnings = record.find("warnings"); warnings != record.end())
            for (const auto &w : *warnings) {
                ++report.warnings;
                if (options.on_warning)
                    options.on_warning(path, w);
            }
        record = nullptr; // written: let go before the next
    }
}

// What a document whose reading threw leaves: an error in its place.
Traced failed(const std::string &path, std::exception_ptr thrown) {
    std::string what = "unknown error";
    try {
        std::rethrow_exception(thrown);
    } catch (const std::exception &e) {
        what = e.what();
    } catch (...) {
    }
    return {Error("cannot read: " + what, path), {}};
}

} // namespace

BatchReport extract_batch(const std::vector<Grammar> &grammars,
                          const std::vector<std::string> &paths, RecordWriter &writer,
                          const BatchOptions &options) {
    if (grammars.empty())
        return {0, 0, 0, paths.size()};
    BatchReport report;
    std::vector<std::string> ids = unique_ids(paths);
    bool traced = static_cast<bool>(options.on_trace);
    OrderedJobs<Traced> jobs;
    jobs.count = paths.size();
    jobs.workers = std::min<std::size_t>(
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()),
        std::max<std::size_t>(1, paths.size()));
    jobs.make = [&](std::size_t i) { return extract_path(grammars, paths[i], ids[i], traced); };
    jobs.recover = [&](std::size_t i, std::exception_ptr e) { return failed(paths[i], e); };
    jobs.consume = [&](std::size_t i, Traced &&result) {
        for (const TraceEntry &entry : result.trace)
            options.on_trace(paths[i], entry);
        if (options.on_progress)
            options.on_progress(i + 1, paths.size());
        write_input(paths[i], ids[i], std::move(result), writer, options, report);
    };
    // Standard input is read on this thread, once, in its turn.
    jobs.on_caller = [&](std::size_t i) { return paths[i] == "-"; };
    run_ordered(jobs);
    if (auto finished = writer.finish(); !finished) {
        ++report.input_errors;
        report.output_failed = true;
        if (options.on_error)
            options.on_error(finished.error());
    }
    return report;
}

} // namespace inspex
