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
    tool::OutputFlags out;
    std::string grammar, trace;
    bool tracing = false;
    std::vector<std::string> grammar_path, inputs, globs;
    bool quiet = false, follow = false;
    int jobs = 0; // checked: 0 or more (tool.hpp)
};

po::options_description describe(Options &o) {
    po::options_description d(
        "Usage: inspex-extract [-g GRAMMAR] [options] [INPUT...]\n\n"
        "Reads documents and writes one record per item, after a document record\n"
        "per input. INPUT is a file (text, DOCX, ODT, HTML or PDF, told apart by\n"
        "content), a folder (its *.txt *.docx *.odt *.html *.htm *.pdf, any case,\n"
        "hidden ones and symbolic links left out), or - for standard input (the\n"
        "default). Without -g each document is read with the grammar it fits best.\n\n"
        "Options");
    d.add_options()("grammar,g", po::value(&o.grammar)->value_name("NAME|FILE"),
                    "grammar name (see inspex grammars) or path to a .toml file")(
        "grammar-path", po::value(&o.grammar_path)->value_name("DIR"),
        "extra folder to look for grammars in (repeatable)")(
        "glob", po::value(&o.globs)->value_name("PATTERN"),
        "in folders, only files matching this shell pattern; !PATTERN leaves out (repeatable)")(
        "follow,L", po::bool_switch(&o.follow),
        "follow symbolic links inside folders")("jobs,j", po::value(&o.jobs)->value_name("N"),
                                                "documents read at once (default: one per core)")(
        "quiet,q", po::bool_switch(&o.quiet),
        "no warnings, progress or summary on standard error; only errors")(
        "trace", po::bool_switch(&o.tracing),
        "for grammar authors: say on standard error, for each line, its class, the rule "
        "or column that took it, or why it was left out")(
        "trace-to", po::value(&o.trace)->value_name("FILE"), "--trace, written to FILE");
    tool::add_output_options(d, o.out);
    return d;
}

// "plan.txt:41: trace: row: column ref, status; left out: cell "Aug" fits no column: "7.4 ..."".
std::string trace_line(const std::string &path, const TraceEntry &e) {
    std::string lines =
        e.last_line > e.line ? fmt::format("{}-{}", e.line, e.last_line) : std::to_string(e.line);
    std::string what = e.taken_by;
    if (!e.left_out.empty())
        what += (what.empty() ? "" : "; ") + std::string("left out: ") + e.left_out;
    return fmt::format("{}:{}: trace: {}: {}{}", path, lines, e.cls, what,
                       e.text.empty() ? "" : ": \"" + e.text + "\"");
}

// Diagnostics, a progress line on a terminal and the summary, on standard error.
struct Messages {
    bool quiet, progress;
    bool shown = false;

    void say(const std::string &message) {
        clear();
        tool::complain(kTool, message);
    }
    void step(std::size_t done, std::size_t total) {
        if (!progress)
            return;
        tool::put(stderr, fmt::format("\r{}: [{}/{}] {}%", kTool, done, total, done * 100 / total));
        shown = true;
    }
    void clear() {
        if (shown)
            tool::put(stderr, fmt::format("\r\033[K"));
        shown = false;
    }
};

int run(const Options &o) {
    auto grammars = tool::load_grammars(kTool, o.grammar_path, o.grammar, Compile::when_used);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    if (grammars->empty())
        return tool::complain(kTool, "no grammars installed (see --grammar-path)"),
               tool::usage_or_input;
    Messages m{o.quiet, !o.quiet && isatty(STDERR_FILENO) != 0};
    std::size_t skipped = 0;
    auto paths = expand_inputs(o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs,
                               [&](const Error &e) {
                                   m.say(e.describe());
                                   ++skipped;
                               },
                               {o.follow, o.globs});
    if (!paths)
        return tool::complain(kTool, paths.error().describe()), tool::usage_or_input;
    auto write_options = tool::output_options(o.out, grammars.value(), true);
    if (!write_options)
        return tool::complain(kTool, write_options.error().describe()), tool::usage_or_input;
    if (auto schema = tool::write_schema(o.out, write_options.value(), paths.value()); !schema)
        return tool::complain(kTool, schema.error().describe()), tool::usage_or_input;
    auto output = tool::open_output(kTool, o.out.to, o.out.output, std::move(write_options.value()),
                                    paths.value());
    if (!output)
        return tool::complain(kTool, output.error().describe()), tool::usage_or_input;
    RecordWriter *writer = output.value()->writer.get();
    BatchOptions options{
        static_cast<unsigned>(o.jobs), [&](const Error &e) { m.say(e.describe()); }, nullptr,
        [&](std::size_t done, std::size_t total) { m.step(done, total); }, nullptr};
    if (!o.quiet)
        options.on_warning = [&](const std::string &path, const nlohmann::ordered_json &w) {
            std::size_t line = w["lines"][0].get<std::size_t>(); // 0: not of one line
            std::string where = line ? fmt::format("{}:{}", path, line) : path;
            m.say(fmt::format("{}: {}: {}", where, w["code"].get<std::string>(),
                              w["message"].get<std::string>()));
        };
    std::ofstream trace_file;
    if (!o.trace.empty()) {
        if (names_an_input(o.trace, paths.value()))
            return tool::complain(kTool, o.trace + ": is also an input: choose another trace file"),
                   tool::usage_or_input;
        trace_file.open(o.trace, std::ios::binary);
        if (!trace_file)
            return tool::complain(kTool, o.trace + ": cannot write the trace"),
                   tool::usage_or_input;
    }
    if (o.tracing || !o.trace.empty())
        options.on_trace = [&](const std::string &path, const TraceEntry &e) {
            if (trace_file.is_open())
                trace_file << printable(trace_line(path, e)) << '\n';
            else
                m.say(trace_line(path, e));
        };
    BatchReport report = extract_batch(grammars.value(), paths.value(), *writer, options);
    if (report.output_failed) // said by on_error; the file there before is kept
        return tool::usage_or_input;
    if (auto written = output.value()->commit(); !written)
        return tool::complain(kTool, written.error().describe()), tool::usage_or_input;
    if (trace_file.is_open() && !trace_file.flush())
        return tool::complain(kTool, o.trace + ": cannot write the trace"), tool::usage_or_input;
    m.clear();
    if (!o.quiet && paths->size() > 1)
        tool::complain(kTool, fmt::format("{} documents read, {} items, {} warnings; {} failed",
                                          report.documents, report.records - report.documents,
                                          report.warnings, report.input_errors + skipped));
    if (!o.quiet && !writer->summary().empty())
        tool::complain(kTool, o.out.output + ": " + writer->summary());
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
