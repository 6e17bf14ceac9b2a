// What every inspex tool shares: its exit codes and the shape of its
// diagnostics ("inspex-x: file:line: message" on standard error).
#pragma once

#include "inspex/output_file.hpp"
#include "inspex/printable.hpp"
#include "inspex/write.hpp"

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace inspex::tool {

enum Exit : int { ok = 0, findings = 1, usage_or_input = 2 };

inline void complain(const std::string &tool, const std::string &message) {
    fmt::print(stderr, "{}: {}\n", tool, printable(message));
}

// "ref,status, owners" -> {"ref", "status", "owners"}
inline std::vector<std::string> split_list(const std::string &text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c != ',') {
            if (c != ' ')
                item += c;
        } else if (!item.empty()) {
            out.push_back(std::move(item));
            item.clear();
        }
    }
    return out;
}

// Where a tool writes its records (--to, -o): standard output or a file,
// written safely (output_file.hpp).
struct Output {
    std::unique_ptr<OutputFile> file;
    std::unique_ptr<RecordWriter> writer;

    // After writer->finish(): the file checked, closed and moved into place.
    Result<bool> commit() { return file->commit(); }
};

// The writer's options from a tool's: list_separator, bom, fields, keep_formulas.
template <typename ToolOptions> WriteOptions write_options(const ToolOptions &o) {
    WriteOptions w;
    w.list_separator = o.list_separator;
    w.bom = o.bom;
    w.fields = split_list(o.fields);
    w.keep_formulas = o.keep_formulas;
    return w;
}

// Refuses an output that is one of the inputs: writing it would destroy it.
// What the writer had to change to fit the format is said on standard error.
inline Result<std::unique_ptr<Output>> open_output(const char *tool, const std::string &to,
                                                   const std::string &path, WriteOptions options,
                                                   const std::vector<std::string> &inputs = {}) {
    auto format = parse_format(to);
    if (!format)
        return format.error();
    if (options.bom && *format != Format::csv)
        return Error("--bom applies only to --to csv (a UTF-8 mark for Excel)");
    if (!path.empty() && names_an_input(path, inputs))
        return Error("is also an input: choose another output file (the input would be lost)",
                     path);
    remove_temporaries_on_signal();
    auto file = OutputFile::open(path);
    if (!file)
        return file.error();
    auto out = std::make_unique<Output>();
    out->file = std::move(file.value());
    options.on_warning = [tool, name = out->file->name()](const std::string &message) {
        complain(tool, name + ": " + message);
    };
    out->writer = make_writer(*format, out->file->stream(), std::move(options));
    return out;
}

// For tools that print to standard output themselves: false (said on standard
// error) when what they printed could not all be written.
inline bool stdout_written(const char *tool) {
    errno = 0;
    std::cout.flush();
    bool c_failed = std::fflush(stdout) != 0 || std::ferror(stdout);
    if (std::cout && !c_failed)
        return true;
    complain(tool, std::string("standard output: cannot write: ") +
                       (errno ? std::strerror(errno) : "write failed"));
    return false;
}

// Opens a file of records ("-" is standard input, left to the caller); a
// folder is an error (records are read from files, not folders).
inline Result<bool> open_records(const std::string &path, std::ifstream &in) {
    if (path == "-")
        return true;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Error("is a folder: give the records files (inspex extract writes them)", path);
    in.open(path, std::ios::binary);
    if (!in)
        return Error(std::string("cannot open file: ") + std::strerror(errno), path);
    return true;
}

// Parses the command line: `options` (to which --help and --version are
// added) and positional arguments into `inputs`. Returns the exit code when
// the tool should stop here: help or version shown (0), a usage error (2).
inline std::optional<int>
parse_command_line(const char *tool, int argc, char **argv,
                   boost::program_options::options_description &options,
                   std::vector<std::string> &inputs, const char *exit_help,
                   boost::program_options::variables_map *given = nullptr) {
    namespace po = boost::program_options;
    options.add_options()("help,h", "show this help and exit")("version",
                                                               "show the version and exit");
    po::options_description hidden, all;
    hidden.add_options()("input", po::value(&inputs));
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::error &e) {
        complain(tool, std::string(e.what()) + " (see --help)");
        return usage_or_input;
    }
    if (vm.count("help")) {
        std::cout << options << "\n" << exit_help << "\n";
        return ok;
    }
    if (vm.count("version")) {
        std::cout << tool << " " << INSPEX_VERSION << "\n";
        return ok;
    }
    if (vm.count("output") && vm["output"].as<std::string>().empty()) {
        complain(tool, "--output is empty: name a file, or leave -o out for standard output");
        return usage_or_input;
    }
    if (vm.count("jobs") && vm["jobs"].as<int>() < 0) {
        complain(tool, "--jobs must be 0 (one per core) or more");
        return usage_or_input;
    }
    if (given)
        *given = vm;
    return std::nullopt;
}

} // namespace inspex::tool
