// inspex: the front command. "inspex extract ARGS" runs inspex-extract ARGS,
// found beside this program or on PATH, as git runs its subcommands.
// Exit codes: those of the subcommand; 2 for an unknown command.
#include "tool.hpp"

#include "inspex/names.hpp"

#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>
#include <vector>

namespace {

const char *kUsage =
    "Usage: inspex COMMAND [ARGS...]\n\n"
    "Commands:\n"
    "  convert     turn records into CSV, TSV, JSON, an XLSX workbook or a SQLite archive\n"
    "  extract     read documents with a grammar and write their records\n"
    "  grammars    list the installed grammars, or score files against them\n"
    "  normalize   show a document's cleaned lines with their line numbers\n"
    "  report      draw records and links as one self-contained HTML page\n"
    "  test        run grammars' examples and show how their records differ\n"
    "  track       join promises to the judgements of later reviews (links)\n"
    "  validate    check records against their documents' own statements\n\n"
    "\"inspex COMMAND --help\" shows a command's options.\n"
    "Exit status: the command's; 2 for a usage error.\n";

const char *const kCommands[] = {"convert", "extract", "grammars", "normalize",
                                 "report",  "test",    "track",    "validate"};

} // namespace

int main(int argc, char **argv) {
    using namespace inspex;
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
        !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return argc < 2 ? tool::usage_or_input : tool::ok;
    }
    if (!std::strcmp(argv[1], "--version"))
        return std::cout << "inspex " << INSPEX_VERSION << "\n", tool::ok;
    bool known = false;
    for (const char *c : kCommands)
        known = known || !std::strcmp(argv[1], c);
    if (!known) {
        std::vector<std::string> names(std::begin(kCommands), std::end(kCommands));
        auto near = closest_name(argv[1], names);
        tool::complain("inspex",
                       fmt::format("unknown command \"{}\"{} (see inspex --help)", argv[1],
                                   near ? "; did you mean \"" + *near + "\"?" : ""));
        return tool::usage_or_input;
    }
    std::string program = std::string("inspex-") + argv[1];
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::vector<char *> args(argv + 1, argv + argc);
    args[0] = program.data();
    args.push_back(nullptr);
    if (!ec) {
        std::string beside = (self.parent_path() / program).string();
        execv(beside.c_str(), args.data());
    }
    execvp(program.c_str(), args.data());
    tool::complain("inspex", fmt::format("cannot run {}: {}", program, std::strerror(errno)));
    return tool::usage_or_input;
}
