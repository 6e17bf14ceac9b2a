// What every inspex tool shares: its exit codes and the shape of its
// diagnostics ("inspex-x: file:line: message" on standard error).
#pragma once

#include "inspex/write.hpp"

#include <boost/program_options.hpp>
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
    fmt::print(stderr, "{}: {}\n", tool, message);
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

// Where a tool writes its records (--to, -o): standard output or a file.
struct Output {
    std::ofstream file;
    std::unique_ptr<RecordWriter> writer;
};

inline Result<std::unique_ptr<Output>> open_output(const std::string &to, const std::string &path,
                                                   WriteOptions options) {
    auto format = parse_format(to);
    if (!format)
        return format.error();
    auto out = std::make_unique<Output>();
    if (!path.empty()) {
        out->file.open(path, std::ios::binary);
        if (!out->file)
            return Error("cannot write", path);
    }
    out->writer = make_writer(*format, path.empty() ? std::cout : out->file, std::move(options));
    return out;
}

// Parses the command line: `options` (to which --help and --version are
// added) and positional arguments into `inputs`. Returns the exit code when
// the tool should stop here: help or version shown (0), a usage error (2).
inline std::optional<int> parse_command_line(const char *tool, int argc, char **argv,
                                             boost::program_options::options_description &options,
                                             std::vector<std::string> &inputs,
                                             const char *exit_help) {
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
    return std::nullopt;
}

} // namespace inspex::tool
