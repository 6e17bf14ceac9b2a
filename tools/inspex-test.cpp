// inspex-test: runs grammars' examples (examples/NAME/ beside NAME.toml: an
// input beside X.expected.jsonl) and prints a field diff for each mismatch.
// Exit codes: 0 every example passed; 1 an example gave other records; 2
// usage error, unknown or broken grammar, missing or bad example files.
#include "tool.hpp"

#include "inspex/author/examples.hpp"
#include "inspex/catalog.hpp"

#include <boost/program_options.hpp>

namespace po = boost::program_options;
using namespace inspex;

namespace {

const char *kTool = "inspex-test";

struct Options {
    std::vector<std::string> grammar_path, grammars;
    std::string only;
    bool quiet = false;
};

struct Tally {
    std::size_t passed = 0, failed = 0, errors = 0;
};

// Runs one grammar's examples; prints "ok" lines (unless quiet) and diffs.
void test_grammar(const Grammar &g, const Options &o, Tally &t) {
    auto examples = author::find_examples(author::examples_folder(g.file));
    if (!examples) {
        tool::complain(kTool, examples.error().describe());
        ++t.errors;
        return;
    }
    for (const author::Example &e : examples.value()) {
        if (!o.only.empty() && e.name.find(o.only) == std::string::npos)
            continue;
        auto result = author::run_example(g, e);
        if (!result) {
            tool::complain(kTool, result.error().describe());
            ++t.errors;
        } else if (result->passed()) {
            ++t.passed;
            if (!o.quiet)
                tool::put(stdout, fmt::format("ok   {}/{} ({} record{})\n", g.name, e.name,
                                              result->records, result->records == 1 ? "" : "s"));
        } else {
            ++t.failed;
            std::size_t n = result->differences.size();
            tool::put(stdout, fmt::format("FAIL {}/{}: {} difference{} from {}\n", g.name, e.name,
                                          n, n == 1 ? "" : "s", e.expected));
            for (const author::Difference &d : result->differences)
                tool::put(stdout,
                          fmt::format("  {}\n", printable(author::describe(d, e.expected))));
        }
    }
}

int run(const Options &o) {
    Tally t;
    std::vector<Grammar> chosen;
    if (o.grammars.empty()) {
        std::vector<Error> broken;
        auto all = Catalog(o.grammar_path).load_all({}, &broken);
        if (!all)
            return tool::complain(kTool, all.error().describe()), tool::usage_or_input;
        chosen = std::move(all.value());
        for (const Error &e : broken)
            tool::complain(kTool, e.describe());
        t.errors += broken.size();
    }
    for (const std::string &name : o.grammars) {
        auto g = Catalog(o.grammar_path).load(name);
        if (!g)
            return tool::complain(kTool, g.error().describe()), tool::usage_or_input;
        chosen.push_back(std::move(g.value()));
    }
    for (const Grammar &g : chosen)
        test_grammar(g, o, t);
    if (!o.quiet || t.failed || t.errors)
        tool::put(stdout, fmt::format("{} grammar{}: {} example{} passed, {} failed, {} error{}\n",
                                      chosen.size(), chosen.size() == 1 ? "" : "s", t.passed,
                                      t.passed == 1 ? "" : "s", t.failed, t.errors,
                                      t.errors == 1 ? "" : "s"));
    if (!tool::stdout_written(kTool) || t.errors)
        return tool::usage_or_input;
    return t.failed ? tool::findings : tool::ok;
}

} // namespace

int main(int argc, char **argv) {
    Options o;
    po::options_description options(
        "Usage: inspex-test [options] [GRAMMAR|FILE.toml...]\n\n"
        "Runs the examples of the grammars named (default: every grammar on the\n"
        "grammar search path): for DIR/NAME.toml, each input X in\n"
        "DIR/examples/NAME/ is extracted and its records compared with\n"
        "X.expected.jsonl, field by field, and so is each ```example block of a\n"
        "X.examples.md there (input, a \".\" line, records; \"\u2192\" for a tab). A\n"
        "difference is printed as FILE:LINE: RECORD: FIELD: expected VALUE, got VALUE.\n\n"
        "Options");
    options.add_options()("grammar-path", po::value(&o.grammar_path)->value_name("DIR"),
                          "extra folder to look for grammars in (repeatable)")(
        "example,e", po::value(&o.only)->value_name("TEXT"),
        "only the examples whose name contains TEXT")("quiet,q", po::bool_switch(&o.quiet),
                                                      "print only failures and errors");
    if (auto stop = tool::parse_command_line(
            kTool, argc, argv, options, o.grammars,
            "Exit status: 0 every example passed, 1 an example failed, 2 usage error,\n"
            "unknown or broken grammar, missing or bad example files."))
        return *stop;
    return run(o);
}
