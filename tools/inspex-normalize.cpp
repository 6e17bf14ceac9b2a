// inspex-normalize: shows a document's text view (any format) as a grammar's
// layout reads it, each line numbered as records' provenance numbers it.
// Exit codes: 0 ok; 2 usage error, unknown grammar, unreadable input.
#include "tool.hpp"

#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"
#include "inspex/extract.hpp"
#include "inspex/model/text_view.hpp"

#include <boost/program_options.hpp>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-normalize";

// Tabs and block breaks made visible unless --raw; other control characters
// escaped (printable.hpp) so that a document cannot drive the terminal.
std::string show(std::string text, bool raw) {
    if (raw)
        return text;
    std::string out;
    for (char c : text)
        out += c == kCellSeparator ? std::string(" \u21E5 ")
               : c == kBlockBreak  ? std::string(" \u00B6 ")
               : c == kPageBreak   ? std::string("\u240C ")
                                   : std::string(1, c);
    return printable(out);
}

int run(const std::string &grammar_name, const std::vector<std::string> &grammar_path,
        const std::vector<std::string> &inputs, bool raw) {
    auto grammars = tool::load_grammars(kTool, grammar_path, grammar_name);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    if (grammars->empty())
        return tool::complain(kTool, "no grammars installed (see --grammar-path)"),
               tool::usage_or_input;
    int status = tool::ok;
    for (const std::string &path : inputs) {
        auto prepared = prepare_input(grammars.value(), path);
        if (!prepared) {
            tool::complain(kTool, prepared.error().describe());
            status = tool::usage_or_input;
            continue;
        }
        GrammarView view = grammar_view(*prepared->grammar, prepared->document);
        for (std::size_t i = 0; i < view.lines.size(); ++i) {
            // A new page of a paged document is marked, as the text view's form feed.
            bool new_page = i > 0 && i < view.pages.size() && view.pages[i] != view.pages[i - 1];
            tool::put(stdout, fmt::format("{}{:>5}  {}{}\n", inputs.size() > 1 ? path + ":" : "",
                                          view.lines[i].number, new_page ? show("\f", raw) : "",
                                          show(view.lines[i].text, raw)));
        }
    }
    return tool::stdout_written(kTool) ? status : tool::usage_or_input;
}

} // namespace

int main(int argc, char **argv) {
    std::string grammar;
    std::vector<std::string> grammar_path, inputs;
    bool raw = false, quiet = false;
    po::options_description options(
        "Usage: inspex-normalize [options] [INPUT...]\n\n"
        "Prints the document's text view (text, DOCX, ODT, HTML or PDF), each\n"
        "line with the number records' source.lines use; cells are shown\n"
        "separated by \u21E5, paragraphs inside a cell by \u00B6, a new page by "
        "\u240C.\n\nOptions");
    options.add_options()("grammar,g", po::value(&grammar)->value_name("NAME|FILE"),
                          "grammar name or path to a .toml file (default: detect)")(
        "grammar-path", po::value(&grammar_path)->value_name("DIR"),
        "extra folder to look for grammars in (repeatable)")(
        "raw", po::bool_switch(&raw), "print tabs and block breaks as they are")(
        "quiet,q", po::bool_switch(&quiet), "accepted for uniformity: it prints only errors");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    return run(grammar, grammar_path, inputs.empty() ? std::vector<std::string>{"-"} : inputs, raw);
}
