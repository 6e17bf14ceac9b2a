// inspex-convert: turns records (JSON Lines, as inspex-extract writes them)
// into CSV, TSV, a JSON array, JSON Lines, an XLSX workbook or a SQLite archive.
// Exit codes: 0 ok; 2 usage error, an unreadable input, a line that is not a
// JSON record (the others are still converted), an output not written.
#include "tool.hpp"

#include "inspex/catalog.hpp"
#include "inspex/record_shape.hpp"
#include "inspex/records.hpp"
#include "inspex/write.hpp"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-convert";

struct Options {
    tool::OutputFlags out;
    std::vector<std::string> inputs, grammar_path;
    bool quiet = false;
};

// Feeds every record of one input to the writer; false when a line was bad.
bool convert(std::istream &in, const std::string &name, RecordWriter &writer,
             std::size_t &written) {
    bool clean = true;
    std::size_t number = 0;
    std::string line;
    for (bool too_long = false; read_record_line(in, line, too_long);) {
        ++number;
        if (too_long) {
            tool::complain(kTool, Error(line_too_long_message(), name, number).describe());
            return false;
        }
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
        ++written;
    }
    if (in.bad()) {
        tool::complain(kTool, Error(kReadErrorMessage, name, number + 1).describe());
        return false;
    }
    return clean;
}

int run(const Options &o) {
    const std::vector<std::string> inputs =
        o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
    auto grammars = tool::load_grammars(kTool, o.grammar_path);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    auto options = tool::output_options(o.out, grammars.value());
    if (!options)
        return tool::complain(kTool, options.error().describe()), tool::usage_or_input;
    if (auto schema = tool::write_schema(o.out, options.value(), inputs); !schema)
        return tool::complain(kTool, schema.error().describe()), tool::usage_or_input;
    auto output =
        tool::open_output(kTool, o.out.to, o.out.output, std::move(options.value()), inputs);
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    RecordWriter *writer = output.value()->writer.get();
    bool clean = true;
    std::size_t written = 0;
    for (const std::string &path : inputs) {
        std::ifstream in;
        if (auto opened = tool::open_records(path, in); !opened) {
            tool::complain(kTool, opened.error().describe());
            clean = false;
            continue;
        }
        clean = convert(path == "-" ? std::cin : in, path, *writer, written) && clean;
    }
    // Nothing could be read: the output file keeps what it held (an empty
    // table in its place would lose it for nothing).
    if (!clean && written == 0) {
        if (!o.out.output.empty())
            tool::complain(kTool, o.out.output + ": left as it was: no input gave a record");
        return tool::usage_or_input;
    }
    if (auto finished = writer->finish(); !finished) {
        tool::complain(kTool, finished.error().describe());
        return tool::usage_or_input;
    }
    if (auto committed = output.value()->commit(); !committed)
        return tool::complain(kTool, committed.error().describe()), tool::usage_or_input;
    if (!o.quiet && !writer->summary().empty())
        tool::complain(kTool, o.out.output + ": " + writer->summary());
    return clean ? tool::ok : tool::usage_or_input;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    o.out.to.clear();
    po::options_description options(
        "Usage: inspex-convert --to FORMAT [options] [RECORDS.jsonl...]\n\n"
        "Converts records (standard input when no file is given) to another format.\n"
        "Tables (CSV, TSV, XLSX) have fixed columns per record kind, taken from the\n"
        "grammars; a SQLite archive (-o FILE) is appended to by later runs.\n\n"
        "Options");
    tool::add_output_options(options, o.out);
    options.add_options()("grammar-path", po::value(&o.grammar_path)->value_name("DIR"),
                          "extra folder to look for grammars in (repeatable)")(
        "quiet,q", po::bool_switch(&o.quiet), "say nothing on standard error but errors");
    if (auto stop = tool::parse_command_line(kTool, argc, argv, options, o.inputs,
                                             "Exit status: 0 ok, 2 usage or input error."))
        return *stop;
    if (o.out.to.empty())
        return tool::complain(kTool, "--to is required (see --help)"), tool::usage_or_input;
    return run(o);
}
