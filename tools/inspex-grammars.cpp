// inspex-grammars: lists the installed grammars, one line each: name, what
// documents it reads, and its file. With FILE arguments, scores each file
// against every grammar instead (what extract's detection would choose).
// Exit codes: 0 ok; 2 usage error, a broken grammar, an unreadable file.
#include "tool.hpp"

#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"
#include "inspex/detect.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/read/reader.hpp"

#include <boost/program_options.hpp>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-grammars";

int list(const std::vector<Grammar> &grammars) {
    for (const Grammar &g : grammars)
        tool::put(stdout, fmt::format("{:<18} {}\n{:<18} {}\n", g.name, g.description, "", g.file));
    return tool::ok;
}

int score(const std::vector<Grammar> &grammars, const std::vector<std::string> &inputs) {
    int status = tool::ok;
    for (const std::string &path : inputs) {
        auto bytes = read_input(path);
        auto document =
            bytes ? read_document(bytes.value(), path) : Result<Document>(bytes.error());
        if (!document) {
            tool::complain(kTool, document.error().describe());
            status = tool::usage_or_input;
            continue;
        }
        for (const Score &s : score_grammars(grammars, view_text(document.value())))
            tool::put(stdout, fmt::format("{}\t{}\t{:.2f}\t{}\n", path, s.grammar->name, s.score,
                                          s.score >= s.grammar->threshold ? "fits" : "-"));
    }
    return status;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> grammar_path, inputs;
    bool quiet = false;
    po::options_description options(
        "Usage: inspex-grammars [options] [FILE...]\n\n"
        "Lists the installed grammars; with files, prints each file's\n"
        "detection score for every grammar (file, grammar, score, fits).\n\n"
        "Options");
    options.add_options()("grammar-path", po::value(&grammar_path)->value_name("DIR"),
                          "extra folder to look for grammars in (repeatable)")(
        "quiet,q", po::bool_switch(&quiet), "accepted for uniformity: it prints only errors");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    auto grammars = tool::load_grammars(kTool, grammar_path);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    int status = inputs.empty() ? list(grammars.value()) : score(grammars.value(), inputs);
    return tool::stdout_written(kTool) ? status : tool::usage_or_input;
}
