#include "inspex/batch.hpp"

#include "inspex/detect.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/read/reader.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <iterator>
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

Result<std::vector<std::string>> expand_inputs(const std::vector<std::string> &args,
                                               const std::function<void(const Error &)> &skipped) {
    std::vector<std::string> out;
    for (const std::string &arg : args) {
        std::error_code ec;
        if (arg != "-" && fs::is_directory(arg, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(arg, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                std::error_code entry_ec;
                bool regular = it->is_regular_file(entry_ec);
                if (entry_ec && skipped)
                    skipped(Error{"skipped: " + entry_ec.message(), it->path().string()});
                if (regular && readable_extension(it->path()))
                    found.push_back(it->path().string());
            }
            if (ec)
                return Error{"cannot read folder: " + ec.message(), arg};
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(arg);
        }
    }
    return out;
}

Result<std::string> read_input(const std::string &path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"no such file", path};
    if (fs::is_directory(path, ec))
        return Error{"is a folder", path};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot open file", path};
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Result<PreparedInput> prepare_input(const std::vector<Grammar> &grammars, const std::string &path) {
    auto bytes = read_input(path);
    if (!bytes)
        return bytes.error();
    auto document = read_document(bytes.value(), path);
    if (!document)
        return document.error();
    if (grammars.empty())
        return Error("no grammars installed", path);
    const Grammar *grammar = &grammars.front();
    if (grammars.size() > 1) {
        auto chosen = choose_grammar(grammars, view_text(document.value()), path);
        if (!chosen)
            return chosen.error();
        grammar = chosen.value();
    }
    return PreparedInput{std::move(document.value()), grammar};
}

namespace {

Result<Extraction> extract_path(const std::vector<Grammar> &grammars, const std::string &path) {
    auto input = prepare_input(grammars, path);
    if (!input)
        return input.error();
    return extract_document(*input->grammar, Input{path, document_id(path), {}},
                            std::move(input->document));
}

} // namespace

BatchReport extract_batch(const std::vector<Grammar> &grammars,
                          const std::vector<std::string> &paths, RecordWriter &writer,
                          const BatchOptions &options) {
    if (grammars.empty())
        return {0, 0, 0, paths.size()};
    unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    BatchReport report;
    std::deque<std::future<Result<Extraction>>> pending;
    std::size_t next = 0, done = 0;
    auto launch = [&] {
        // Standard input is read on this thread, once, in its turn.
        auto policy = paths[next] == "-" ? std::launch::deferred : std::launch::async;
        pending.push_back(std::async(policy, extract_path, std::cref(grammars), paths[next]));
        ++next;
    };
    while (done < paths.size()) {
        while (next < paths.size() && pending.size() < threads)
            launch();
        Result<Extraction> result = pending.front().get();
        pending.pop_front();
        const std::string &path = paths[done++];
        if (!result) {
            ++report.input_errors;
            if (options.on_error)
                options.on_error(result.error());
            continue;
        }
        ++report.documents;
        for (const auto &record : result->records) {
            writer.write(record);
            ++report.records;
            for (const auto &w : record["warnings"]) {
                ++report.warnings;
                if (options.on_warning)
                    options.on_warning(path, w);
            }
        }
    }
    if (auto finished = writer.finish(); !finished) {
        ++report.input_errors;
        if (options.on_error)
            options.on_error(finished.error());
    }
    return report;
}

} // namespace inspex
