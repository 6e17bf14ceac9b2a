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
    bool bom = false, quiet = false;
    unsigned jobs = 0;
};

po::options_description describe(Options &o) {
    po::options_description d(
        "Usage: inspex-extract --grammar NAME [options] [INPUT...]\n\n"
        "Reads documents (files, folders of *.txt, or - for standard input;\n"
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
        "jobs,j", po::value(&o.jobs), "documents read at once (default: one per core)")(
        "quiet,q", po::bool_switch(&o.quiet), "do not print record warnings on standard error")(
        "help,h", "show this help and exit")("version", "show the version and exit");
    return d;
}

int run(const Options &o) {
    auto format = parse_format(o.to);
    if (!format)
        return tool::complain(kTool, format.error().describe()), tool::usage_or_input;
    auto grammars = Catalog(o.grammar_path).load_choice(o.grammar);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    if (grammars->empty())
        return tool::complain(kTool, "no grammars installed (see --grammar-path)"),
               tool::usage_or_input;
    auto paths = expand_inputs(o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs);
    if (!paths)
        return tool::complain(kTool, paths.error().describe()), tool::usage_or_input;
    std::ofstream file;
    if (!o.output.empty()) {
        file.open(o.output, std::ios::binary);
        if (!file)
            return tool::complain(kTool, o.output + ": cannot write"), tool::usage_or_input;
    }
    auto writer = make_writer(*format, o.output.empty() ? std::cout : file,
                              {o.list_separator, o.bom, tool::split_list(o.fields)});
    BatchOptions options{o.jobs, [](const Error &e) { tool::complain(kTool, e.describe()); },
                         nullptr};
    if (!o.quiet)
        options.on_warning = [](const std::string &path, const nlohmann::ordered_json &w) {
            tool::complain(
                kTool, fmt::format("{}:{}: {}: {}", path, w["lines"][0].get<std::size_t>(),
                                   w["code"].get<std::string>(), w["message"].get<std::string>()));
        };
    BatchReport report = extract_batch(grammars.value(), paths.value(), *writer, options);
    return report.input_errors ? tool::usage_or_input : tool::ok;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options = describe(o);
    po::positional_options_description positional;
    positional.add("input", -1);
    po::options_description hidden;
    hidden.add_options()("input", po::value(&o.inputs));
    po::options_description all;
    all.add(options).add(hidden);
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
    return run(o);
}
