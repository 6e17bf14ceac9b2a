// inspex-report: draws records and their links as one self-contained HTML page
// (inline CSS and SVG, nothing fetched), for screen and print.
// Exit codes: 0 ok; 2 usage error, no rules or grammars, an unreadable input
// or a line that is not a JSON record (the page is still written).
#include "inputs.hpp"
#include "tool.hpp"

#include "inspex/catalog.hpp"
#include "inspex/output_file.hpp"
#include "inspex/report/report.hpp"
#include "inspex/track/tracker.hpp"

#include <boost/program_options.hpp>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-report";

struct Options {
    std::string rules, output, title = "Promises and progress";
    std::vector<std::string> grammar_path, inputs;
    bool quiet = false;
};

// The validation findings of every document, each by its own grammar.
std::vector<Finding> validate_all(const std::vector<DocumentRecords> &docs,
                                  const std::vector<Grammar> &grammars) {
    std::vector<Finding> out;
    for (const DocumentRecords &d : docs) {
        std::string name = d.document.value("grammar", "");
        auto g = std::find_if(grammars.begin(), grammars.end(),
                              [&](const Grammar &x) { return x.name == name; });
        for (Finding &f : Validator(g == grammars.end() ? nullptr : &*g).check(d.document, d.items))
            out.push_back(std::move(f));
    }
    return out;
}

// Links as given among the records, or made here when none were given.
std::vector<nlohmann::ordered_json> links_of(report::Archive &a,
                                             const std::vector<DocumentRecords> &loose,
                                             const track::Rules &rules, bool quiet) {
    std::vector<nlohmann::ordered_json> links;
    for (const DocumentRecords &d : loose)
        for (const auto &item : d.items)
            if (item.value("kind", "") == "link")
                links.push_back(item);
    if (!links.empty())
        return links;
    track::Tracker tracker(rules);
    for (const DocumentRecords &d : a.documents)
        tracker.add(d);
    if (!quiet)
        for (const track::Note &n : tracker.notes())
            tool::complain(kTool, n.describe());
    return tracker.links();
}

int run(const Options &o) {
    Catalog catalog(o.grammar_path);
    auto path = o.rules.empty() ? catalog.find("track.toml") : Result<std::string>(o.rules);
    auto rules = path ? track::load_rules(path.value()) : Result<track::Rules>(path.error());
    auto grammars = catalog.load_all();
    if (!rules || !grammars)
        return tool::complain(kTool, (!rules ? rules.error() : grammars.error()).describe()),
               tool::usage_or_input;
    report::Archive a;
    a.title = o.title;
    std::vector<DocumentRecords> loose;
    bool clean = tool::read_inputs(kTool, o.inputs, [&](const DocumentRecords &d) {
        (d.document.is_null() ? loose : a.documents).push_back(d);
    });
    a.links = links_of(a, loose, rules.value(), o.quiet);
    a.findings = validate_all(a.documents, grammars.value());
    // Written as the other tools write: checked, atomic, never over an input.
    if (!o.output.empty() && names_an_input(o.output, o.inputs))
        return tool::complain(kTool, o.output + ": is also an input: choose another output file"),
               tool::usage_or_input;
    remove_temporaries_on_signal();
    auto file = OutputFile::open(o.output);
    if (!file)
        return tool::complain(kTool, file.error().describe()), tool::usage_or_input;
    report::write_report(file.value()->stream(), a, rules.value());
    if (auto written = file.value()->commit(); !written)
        return tool::complain(kTool, written.error().describe()), tool::usage_or_input;
    return clean ? tool::ok : tool::usage_or_input;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options(
        "Usage: inspex-report [options] [RECORDS.jsonl...]\n\n"
        "Reads records and link records (standard input when no file is given)\n"
        "and writes one self-contained HTML page: per establishment and overall,\n"
        "what was promised, what was found, promises past due without good\n"
        "progress, validation findings. Links are made (as inspex track makes\n"
        "them) when the input has none.\n\n"
        "Options");
    options.add_options()("output,o", po::value(&o.output),
                          "write to FILE instead of standard output")(
        "title", po::value(&o.title), "the page's title (default \"Promises and progress\")")(
        "rules", po::value(&o.rules),
        "tracking rules file (default: track.toml of the grammar folders)")(
        "grammar-path", po::value(&o.grammar_path),
        "extra folder to look for grammars and track.toml in (repeatable)")(
        "quiet,q", po::bool_switch(&o.quiet), "no remarks about the documents on standard error");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    return run(o);
}
