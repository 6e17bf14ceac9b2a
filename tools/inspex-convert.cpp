// inspex-convert: turns records (JSON Lines, as inspex-extract writes them)
// into CSV, TSV, a JSON array, JSON Lines or an XLSX workbook.
// Exit codes: 0 ok; 2 usage error, an unreadable input, a line that is not a
// JSON record (the others are still converted), an output not written.
#include "tool.hpp"

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
    bool bom = false;
};

// Feeds every record of one input to the writer; false when a line was bad.
bool convert(std::istream &in, const std::string &name, RecordWriter &writer) {
    bool clean = true;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto record = nlohmann::ordered_json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object()) {
            tool::complain(
                kTool, Error("not a JSON record: " + line.substr(0, 60), name, number).describe());
            clean = false;
            continue;
        }
        writer.write(record);
    }
    return clean;
}

int run(const Options &o) {
    auto output =
        tool::open_output(o.to, o.output, {o.list_separator, o.bom, tool::split_list(o.fields)});
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    RecordWriter *writer = output.value()->writer.get();
    bool clean = true;
    for (const std::string &path : o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs) {
        std::ifstream in;
        if (path != "-" && (in.open(path, std::ios::binary), !in)) {
            tool::complain(kTool, path + ": cannot open file");
            clean = false;
            continue;
        }
        clean = convert(path == "-" ? std::cin : in, path, *writer) && clean;
    }
    if (auto finished = writer->finish(); !finished) {
        tool::complain(kTool, finished.error().describe());
        return tool::usage_or_input;
    }
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
        "bom", po::bool_switch(&o.bom), "CSV: begin with a UTF-8 byte order mark (for Excel)");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    if (o.to.empty())
        return tool::complain(kTool, "--to is required (see --help)"), tool::usage_or_input;
    return run(o);
}
