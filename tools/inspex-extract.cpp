// inspex-extract: reads documents with a grammar and writes their records.
// Exit codes: 0 all inputs read; 2 usage error, unknown grammar, or an input
// that could not be read or decoded (the other inputs are still written).
#include "tool.hpp"

#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-extract";

struct Options {
    std::string grammar, to = "jsonl", output, list_separator = " | ", fields;
    std::vector<std::string> grammar_path, inputs;
    bool bom = false, keep_formulas = false, quiet = false;
    int jobs = 0;
};

po::options_description describe(Options &o) {
    po::options_description d(
        "Usage: inspex-extract --grammar NAME [options] [INPUT...]\n\n"
        "Reads documents (files: text, DOCX, ODT, HTML or PDF, told apart by\n"
        "their content; folders of *.txt *.docx *.odt *.html *.htm *.pdf; or -\n"
        "for standard input;\n"
        "standard input when none is given) and writes one record per item.\n\n"
        "Options");
    d.add_options()("grammar,g", po::value(&o.grammar),
                    "grammar name (see grammars/) or path to a .toml file")(
        "grammar-path", po::value(&o.grammar_path),
        "extra folder to look for grammars in (repeatable)")(
        "to,t", po::value(&o.to), "output format: jsonl (default), json, csv, tsv, xlsx")(
        "output,o", po::value(&o.output), "write to FILE instead of standard output")(
        "list-separator", po::value(&o.list_separator),
        "CSV: separator between list items (default \" | \")")(
        "bom", po::bool_switch(&o.bom), "CSV: begin with a UTF-8 byte order mark (for Excel)")(
        "keep-formulas", po::bool_switch(&o.keep_formulas),
        "CSV, TSV: keep cells beginning with = + - @ as they are (default: put ' before them, "
        "so that a spreadsheet does not run them as formulas)")(
        "jobs,j", po::value(&o.jobs), "documents read at once (default: one per core)")(
        "quiet,q", po::bool_switch(&o.quiet), "do not print record warnings on standard error");
    return d;
}

int run(const Options &o) {
    auto grammars = Catalog(o.grammar_path).load_choice(o.grammar);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    if (grammars->empty())
        return tool::complain(kTool, "no grammars installed (see --grammar-path)"),
               tool::usage_or_input;
    std::size_t skipped = 0;
    auto paths = expand_inputs(o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs,
                               [&](const Error &e) {
                                   tool::complain(kTool, e.describe());
                                   ++skipped;
                               });
    if (!paths)
        return tool::complain(kTool, paths.error().describe()), tool::usage_or_input;
    auto output = tool::open_output(kTool, o.to, o.output, tool::write_options(o), paths.value());
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    RecordWriter *writer = output.value()->writer.get();
    BatchOptions options{static_cast<unsigned>(o.jobs),
                         [](const Error &e) { tool::complain(kTool, e.describe()); }, nullptr};
    if (!o.quiet)
        options.on_warning = [](const std::string &path, const nlohmann::ordered_json &w) {
            tool::complain(
                kTool, fmt::format("{}:{}: {}: {}", path, w["lines"][0].get<std::size_t>(),
                                   w["code"].get<std::string>(), w["message"].get<std::string>()));
        };
    BatchReport report = extract_batch(grammars.value(), paths.value(), *writer, options);
    if (auto written = output.value()->commit(); !written)
        return tool::complain(kTool, written.error().describe()), tool::usage_or_input;
    return report.input_errors || skipped ? tool::usage_or_input : tool::ok;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options = describe(o);
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    return run(o);
}
