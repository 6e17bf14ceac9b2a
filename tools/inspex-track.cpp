// inspex-track: joins the promises of action plans to the judgements of later
// reviews of the same inspection and writes one `link` record per promise.
// Exit codes: 0 ok; 2 usage error, no rules, an unreadable input or a line
// that is not a JSON record (the other records are still tracked).
#include "inputs.hpp"
#include "tool.hpp"

#include "inspex/catalog.hpp"
#include "inspex/track/tracker.hpp"

#include <boost/program_options.hpp>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-track";

struct Options {
    std::string rules, to = "jsonl", output, list_separator = " | ";
    std::vector<std::string> grammar_path, inputs;
    bool quiet = false;
};

int run(const Options &o) {
    auto path =
        o.rules.empty() ? Catalog(o.grammar_path).find("track.toml") : Result<std::string>(o.rules);
    if (!path)
        return tool::complain(kTool, path.error().describe()), tool::usage_or_input;
    auto rules = track::load_rules(path.value());
    if (!rules)
        return tool::complain(kTool, rules.error().describe()), tool::usage_or_input;
    WriteOptions write;
    write.list_separator = o.list_separator;
    auto output = tool::open_output(kTool, o.to, o.output, write, o.inputs);
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    track::Tracker tracker(std::move(rules.value()));
    bool clean =
        tool::read_inputs(kTool, o.inputs, [&](const DocumentRecords &d) { tracker.add(d); });
    if (!o.quiet)
        for (const track::Note &n : tracker.notes())
            tool::complain(kTool, n.describe());
    RecordWriter &writer = *output.value()->writer;
    for (const auto &link : tracker.links())
        writer.write(link);
    if (auto finished = writer.finish(); !finished)
        return tool::complain(kTool, finished.error().describe()), tool::usage_or_input;
    if (auto written = output.value()->commit(); !written)
        return tool::complain(kTool, written.error().describe()), tool::usage_or_input;
    return clean ? tool::ok : tool::usage_or_input;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options(
        "Usage: inspex-track [options] [RECORDS.jsonl...]\n\n"
        "Reads the records of many documents (standard input when no file is\n"
        "given) and writes one link record per promise: joined to the judgement\n"
        "of a later review of the same inspection at the same establishment, by\n"
        "the report paragraph both cite, else by wording, or with followup null.\n\n"
        "Options");
    options.add_options()("rules", po::value(&o.rules),
                          "tracking rules file (default: track.toml of the grammar folders)")(
        "grammar-path", po::value(&o.grammar_path),
        "extra folder to look for track.toml in (repeatable)")(
        "to,t", po::value(&o.to), "output format: jsonl (default), json, csv, tsv, xlsx")(
        "output,o", po::value(&o.output), "write to FILE instead of standard output")(
        "list-separator", po::value(&o.list_separator),
        "tabular: between list items in a cell (default \" | \")")(
        "quiet,q", po::bool_switch(&o.quiet), "no remarks about the documents on standard error");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    return run(o);
}
