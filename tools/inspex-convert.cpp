// inspex-convert: turns records (JSON Lines, as inspex-extract writes them)
// into CSV, TSV, a JSON array, JSON Lines or an XLSX workbook.
// Exit codes: 0 ok; 2 usage error, an unreadable input, a line that is not a
// JSON record (the others are still converted), an output not written.
#include "tool.hpp"

#include "inspex/record_shape.hpp"
#include "inspex/write.hpp"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-convert";

struct Options {
    std::string to, output, fields, list_separator = " | ";
    std::vector<std::string> inputs;
    bool bom = false, keep_formulas = false;
};

// Feeds every record of one input to the writer; false when a line was bad.
bool convert(std::istream &in, const std::string &name, RecordWriter &writer) {
    bool clean = true;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        ParsedRecord parsed = parse_record(line);
        std::string problem = parsed.problem.empty() ? shape_problem(parsed.record).value_or("")
                                                     : record_problem(parsed.problem);
        if (!problem.empty()) {
            if (parsed.problem.empty())
                problem = "not a record of the expected shape: " + problem;
            else
                problem += line.substr(0, 60);
            tool::complain(kTool, Error(problem, name, number).describe());
            clean = false;
            continue;
        }
        writer.write(parsed.record);
    }
    return clean;
}

int run(const Options &o) {
    const std::vector<std::string> inputs =
        o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
    auto output = tool::open_output(kTool, o.to, o.output, tool::write_options(o), inputs);
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    RecordWriter *writer = output.value()->writer.get();
    bool clean = true;
    for (const std::string &path : inputs) {
        std::ifstream in;
        if (auto opened = tool::open_records(path, in); !opened) {
            tool::complain(kTool, opened.error().describe());
            clean = false;
            continue;
        }
        clean = convert(path == "-" ? std::cin : in, path, *writer) && clean;
    }
    if (auto finished = writer->finish(); !finished) {
        tool::complain(kTool, finished.error().describe());
        return tool::usage_or_input;
    }
    if (auto written = output.value()->commit(); !written)
        return tool::complain(kTool, written.error().describe()), tool::usage_or_input;
    return clean ? tool::ok : tool::usage_or_input;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options(
        "Usage: inspex-convert --to FORMAT [options] [RECORDS.jsonl...]\n\n"
        "Converts records (standard input when no file is given).\n\n"
        "Options");
    options.add_options()("to,t", po::value(&o.to),
                          "csv, tsv, json, jsonl or xlsx (a sheet per record kind)")(
        "output,o", po::value(&o.output), "write to FILE instead of standard output")(
        "fields", po::value(&o.fields),
        "only these fields, in this order (comma-separated; tabular: flattened names)")(
        "list-separator", po::value(&o.list_separator),
        "between list items in a cell (default \" | \")")(
        "bom", po::bool_switch(&o.bom), "CSV: begin with a UTF-8 byte order mark (for Excel)")(
        "keep-formulas", po::bool_switch(&o.keep_formulas),
        "CSV, TSV: keep cells beginning with = + - @ as they are (default: put ' before them, "
        "so that a spreadsheet does not run them as formulas)");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    if (o.to.empty())
        return tool::complain(kTool, "--to is required (see --help)"), tool::usage_or_input;
    return run(o);
}
