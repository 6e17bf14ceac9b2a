// inspex-validate: holds records (JSON Lines from inspex-extract) against what
// their documents state about themselves and reports findings.
// Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage or
// input errors (unreadable file, a line that is not a JSON record).
#include "tool.hpp"

#include "inspex/catalog.hpp"
#include "inspex/records.hpp"
#include "inspex/validate.hpp"

#include <boost/program_options.hpp>
#include <cctype>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-validate";

struct Options {
    std::string format = "text", fail_on = "error", show = "info";
    std::vector<std::string> grammar_path, inputs;
    bool pass = false, quiet = false;
};

struct Run {
    Severity fail_on, show;
    bool json, pass, quiet;
    std::map<std::string, const Grammar *> grammars;
    bool failed = false, input_error = false;

    // A record of the wrong shape: an error finding at its line of the records.
    void malformed(const Error &e) {
        Finding f{Severity::error, "bad-record", e.message, "", e.file, "", e.line, e.line};
        report(f);
    }

    void report(const Finding &f) {
        failed = failed || f.severity >= fail_on;
        if (f.severity < show || quiet)
            return;
        (pass ? std::cerr : std::cout)
            << (json ? f.to_json().dump(-1, ' ', false,
                                        nlohmann::ordered_json::error_handler_t::replace)
                     : f.describe())
            << '\n';
    }

    void document(const DocumentRecords &d) {
        if (pass)
            for (const std::string &line : d.raw)
                std::cout << line << '\n';
        const auto &grammar = d.document.is_object() && d.document.contains("grammar")
                                  ? d.document["grammar"]
                                  : nlohmann::ordered_json();
        std::string name = grammar.is_string() ? grammar.get<std::string>() : "";
        auto g = grammars.find(name);
        for (const Finding &f :
             Validator(g == grammars.end() ? nullptr : g->second).check(d.document, d.items))
            report(f);
    }
};

// Records start with "{"; a document (text, or DOCX's "PK") does not.
bool looks_like_records(std::istream &in) {
    while (in && std::isspace(in.peek()))
        in.get();
    return !in || in.peek() == '{' || in.peek() == std::char_traits<char>::eof();
}

int run(const Options &o) {
    auto fail_on = parse_severity(o.fail_on), show = parse_severity(o.show);
    if (!fail_on || !show || (o.format != "text" && o.format != "json"))
        return tool::complain(kTool, !fail_on ? fail_on.error().message
                                     : !show  ? show.error().message
                                              : "--format is text or json"),
               tool::usage_or_input;
    auto grammars = tool::load_grammars(kTool, o.grammar_path);
    if (!grammars)
        return tool::complain(kTool, grammars.error().describe()), tool::usage_or_input;
    Run r{fail_on.value(), show.value(), o.format == "json", o.pass, o.quiet, {}};
    for (const Grammar &g : grammars.value())
        r.grammars[g.name] = &g;
    auto on_error = [&](const Error &e) {
        tool::complain(kTool, e.describe());
        r.input_error = true;
    };
    for (const std::string &path : o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs) {
        std::ifstream file;
        if (auto opened = tool::open_records(path, file); !opened) {
            on_error(opened.error());
            continue;
        }
        std::istream &in = path == "-" ? std::cin : file;
        if (!looks_like_records(in)) {
            on_error(Error("this is a document, not records: run \"inspex extract " +
                               (path == "-" ? std::string("FILE") : path) +
                               " | inspex validate\" (records are JSON Lines)",
                           path));
            continue;
        }
        read_documents(
            in, path, [&](const DocumentRecords &d) { r.document(d); }, on_error,
            [&](const Error &e) { r.malformed(e); });
    }
    if (!tool::stdout_written(kTool))
        return tool::usage_or_input;
    return r.input_error ? tool::usage_or_input : r.failed ? tool::findings : tool::ok;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options(
        "Usage: inspex-validate [options] [RECORDS.jsonl...]\n\n"
        "Checks records (standard input when no file is given) against their\n"
        "documents' own statements; prints file:line: severity: code: message.\n\n"
        "Options");
    options.add_options()("format", po::value(&o.format)->value_name("text|json"),
                          "text (default) or json (one finding per line)")(
        "fail-on", po::value(&o.fail_on)->value_name("SEVERITY"),
        "error (default), warning or info: findings at or above it exit 1")(
        "show", po::value(&o.show)->value_name("SEVERITY"),
        "least severity printed: info (default), warning or error")(
        "pass", po::bool_switch(&o.pass),
        "write the records unchanged to standard output, findings to standard error; the exit "
        "status still tells of findings (in a pipeline: set -o pipefail)")(
        "quiet,q", po::bool_switch(&o.quiet), "print no findings: the exit status tells")(
        "grammar-path", po::value(&o.grammar_path)->value_name("DIR"),
        "extra folder to look for grammars in (repeatable)");
    if (auto stop = tool::parse_command_line(
            kTool, argc, argv, options, o.inputs,
            "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error."))
        return *stop;
    return run(o);
}
