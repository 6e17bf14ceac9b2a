// inspex-normalize: shows a document's lines as a grammar's normalizer cleans
// them, each with its input line number, for writing and debugging grammars.
// Exit codes: 0 ok; 2 usage error, unknown grammar, unreadable input.
#include "tool.hpp"

#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"

#include <boost/program_options.hpp>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-normalize";

// Tabs and block breaks made visible unless --raw.
std::string show(std::string text, bool raw) {
    if (raw)
        return text;
    std::string out;
    for (char c : text)
        out += c == kCellSeparator ? std::string(" \u21E5 ")
               : c == kBlockBreak  ? std::string(" \u00B6 ")
                                   : std::string(1, c);
    return out;
}

int run(const std::string &grammar_name, const std::vector<std::string> &grammar_path,
        const std::vector<std::string> &inputs, bool raw) {
    auto grammar = Catalog(grammar_path).load(grammar_name);
    if (!grammar)
        return tool::complain(kTool, grammar.error().describe()), tool::usage_or_input;
    int status = tool::ok;
    for (const std::string &path : inputs) {
        auto bytes = read_input(path);
        auto lines =
            bytes ? normalized_lines(grammar.value(), {path, document_id(path), bytes.value()})
                  : Result<std::vector<Line>>(bytes.error());
        if (!lines) {
            tool::complain(kTool, lines.error().describe());
            status = tool::usage_or_input;
            continue;
        }
        for (const Line &line : lines.value())
            fmt::print("{}{:>5}  {}\n", inputs.size() > 1 ? path + ":" : "", line.number,
                       show(line.text, raw));
    }
    return status;
}

} // namespace

int main(int argc, char **argv) {
    std::string grammar;
    std::vector<std::string> grammar_path, inputs;
    bool raw = false;
    po::options_description options(
        "Usage: inspex-normalize --grammar NAME [options] [INPUT...]\n\n"
        "Prints each cleaned line with its input line number; cells are\n"
        "shown separated by \u21E5, block breaks inside a cell by \u00B6.\n\nOptions");
    options.add_options()("grammar,g", po::value(&grammar), "grammar name or path to a .toml file")(
        "grammar-path", po::value(&grammar_path),
        "extra folder to look for grammars in (repeatable)")(
        "raw", po::bool_switch(&raw), "print tabs and block breaks as they are")(
        "help,h", "show this help and exit")("version", "show the version and exit");
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
        tool::complain(kTool, std::string(e.what()) + " (see --help)");
        return tool::usage_or_input;
    }
    if (vm.count("help"))
        return std::cout << options << "\nExit status: 0 ok, 2 usage or input error.\n", tool::ok;
    if (vm.count("version"))
        return std::cout << kTool << " " << INSPEX_VERSION << "\n", tool::ok;
    if (grammar.empty())
        return tool::complain(kTool, "--grammar is required (see --help)"), tool::usage_or_input;
    return run(grammar, grammar_path, inputs.empty() ? std::vector<std::string>{"-"} : inputs, raw);
}
