// Regression tests of issue "Never lose data, never crash: the bad-input
// matrix", one per defect, named after it; the tool-level ones are the
// shell scripts in tests/regression/.
#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"
#include "inspex/extract.hpp"
#include "inspex/grammar.hpp"
#include "inspex/html.hpp"
#include "inspex/output_file.hpp"
#include "inspex/printable.hpp"
#include "inspex/read/reader.hpp"
#include "inspex/read/zip.hpp"
#include "inspex/record_shape.hpp"
#include "inspex/records.hpp"
#include "inspex/validate.hpp"
#include "inspex/write.hpp"
#include "support.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

std::string written(Format format, const std::vector<json> &records, WriteOptions o = {}) {
    std::ostringstream out;
    auto w = make_writer(format, out, std::move(o));
    for (const json &r : records)
        w->write(r);
    REQUIRE(w->finish().ok());
    return out.str();
}

std::string entry(const std::string &xlsx, const std::string &name) {
    auto text = read_zip_entry(xlsx, name, "t.xlsx", "XLSX", ReadLimits{});
    REQUIRE_MESSAGE(text.ok(), text.error().describe());
    return text.value();
}

// Letters that do not compress much (a zip of one repeated letter would pass
// the reader's compression-ratio limit).
std::string varied_text(std::size_t bytes) {
    std::string out;
    unsigned x = 12345;
    while (out.size() < bytes) {
        x = x * 1103515245 + 12345;
        out += static_cast<char>('a' + (x >> 16) % 26);
    }
    return out;
}

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

TEST_CASE("regression csv-formula-injection: cells a spreadsheet would run are neutralised") {
    std::vector<json> records = {json{{"kind", "item"},
                                      {"a", "=HYPERLINK(\"x\")"},
                                      {"b", "+1"},
                                      {"c", "-2 days"},
                                      {"d", "@SUM(A1)"},
                                      {"e", "\tx"},
                                      {"f", "plain"},
                                      {"n", -3}}};
    std::string csv = written(Format::csv, records);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2 days,'@SUM(A1),'\tx,plain,-3") !=
          std::string::npos);
    std::string tsv = written(Format::tsv, records);
    CHECK(tsv.find("'=HYPERLINK(\"x\")\t'+1\t'-2 days\t'@SUM(A1)\t' x\tplain\t-3") !=
          std::string::npos);
    WriteOptions raw;
    raw.keep_formulas = true;
    CHECK(written(Format::csv, records, raw).find("\"=HYPERLINK(\"\"x\"\")\",+1,-2 days") !=
          std::string::npos);
    CHECK(neutralise_formula("a=b") == "a=b");
    CHECK(neutralise_formula("") == "");
}

TEST_CASE("regression xlsx-row-limit: records past a sheet's rows go on in a continuation sheet") {
    std::vector<json> records;
    for (int i = 0; i < 5; ++i)
        records.push_back(json{{"kind", "item"}, {"ref", std::to_string(i)}});
    std::vector<std::string> warnings;
    WriteOptions o;
    o.xlsx_rows = 3; // a header and two records a sheet
    o.on_warning = [&](const std::string &w) { warnings.push_back(w); };
    std::string xlsx = written(Format::xlsx, records, o);
    std::string book = entry(xlsx, "xl/workbook.xml");
    CHECK(book.find("name=\"item\"") != std::string::npos);
    CHECK(book.find("name=\"item (2)\"") != std::string::npos);
    CHECK(book.find("name=\"item (3)\"") != std::string::npos);
    CHECK(entry(xlsx, "xl/worksheets/sheet3.xml").find("<c r=\"A2\"") != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("continued in sheets \"item (2)\"") != std::string::npos);
}

TEST_CASE("regression xlsx-cell-limit: a long cell is cut on a character boundary, with a "
          "warning") {
    // 32,766 bytes of letters then "é" (2 bytes): a cut at 32,767 bytes would
    // fall inside it and make the workbook invalid.
    std::string text = varied_text(32766) + "\xC3\xA9 and more";
    std::vector<std::string> warnings;
    WriteOptions o;
    o.on_warning = [&](const std::string &w) { warnings.push_back(w); };
    std::string xlsx = written(Format::xlsx, {json{{"kind", "item"}, {"text", text}}}, o);
    // Constant-memory mode writes strings inline, in the sheet.
    std::string sheet = entry(xlsx, "xl/worksheets/sheet2.xml");
    CHECK(sheet.find(text.substr(0, 32766) + "</t>") != std::string::npos);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("cut to 32766") != std::string::npos);
}

TEST_CASE("regression xlsx-hostile-kind: any kind makes a valid, distinct sheet name") {
    std::vector<json> records;
    for (const char *kind : {"a/b", "Item", "item", "[x]:*?", "'quoted'", "History", "",
                             "a-very-long-kind-name-longer-than-thirty-one-characters"})
        records.push_back(json{{"kind", kind}, {"ref", "1"}});
    records.push_back(json{{"kind", 5}, {"ref", "2"}});
    std::string book = entry(written(Format::xlsx, records), "xl/workbook.xml");
    for (const char *name :
         {"name=\"a_b\"", "name=\"Item\"", "name=\"item ~2\"", "name=\"_x____\"", "name=\"quoted\"",
          "name=\"recordHistory\"", "name=\"record\"", "name=\"a-very-long-kind-name-longer-th\""})
        CHECK_MESSAGE(book.find(name) != std::string::npos, name);
}

TEST_CASE("regression deep-json-nesting: a line nested 100,000 deep is refused, not a crash") {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    ParsedRecord p = parse_record("{\"kind\":\"x\",\"a\":" + deep + "}");
    CHECK(p.problem == "nested deeper than 64 levels");
    CHECK(p.record.is_null());
    CHECK(parse_record("{\"kind\":\"x\",\"a\":[[[1]]]}").problem.empty());
    CHECK(parse_record("[1]").problem == "a JSON array, not an object");
    CHECK(parse_record("nope").problem == "not JSON");
}

TEST_CASE("regression bad-record-shape: wrong field types are named, not thrown") {
    CHECK(shape_problem(json::parse(R"({"kind":5})")) == "\"kind\" is a number, not a string");
    CHECK(shape_problem(json::parse(R"({"doc":"x"})")) == "no \"kind\"");
    CHECK(shape_problem(json::parse(R"({"kind":"x","inferred":[1]})")) ==
          "\"inferred\" is an array, not a list of strings");
    CHECK(shape_problem(json::parse(R"({"kind":"x","warnings":[1]})")) ==
          "\"warnings[]\" is a number, not an object");
    CHECK(shape_problem(json::parse(R"({"kind":"x","source":{"lines":[1]}})")) ==
          "\"source.lines\" is an array, not a pair of line numbers");
    CHECK(shape_problem(json::parse(R"({"kind":"document","grammar":{}})")) ==
          "\"grammar\" is an object, not a string");
    CHECK_FALSE(shape_problem(json::parse(R"({"kind":"x","ref":null,"source":null})")));
}

TEST_CASE("regression validate-without-document-record: items alone are validated, no abort") {
    std::istringstream in(
        R"({"kind":"recommendation","ref":"1","source":{"file":"p.txt","lines":[3,4]}}
{"kind":"recommendation","ref":"1","inferred":[1]}
{"kind":"recommendation","ref":"2","warnings":[{"code":5,"lines":"x"}]}
)");
    std::vector<std::string> malformed;
    std::size_t documents = 0;
    read_documents(
        in, "r.jsonl",
        [&](const DocumentRecords &d) {
            ++documents;
            auto findings = Validator(nullptr).check(d.document, d.items);
            REQUIRE(findings.size() == 1);
            CHECK(findings[0].code == "no-document-record");
            CHECK(findings[0].first_line == 3);
        },
        [](const Error &) { FAIL("not a parse error"); },
        [&](const Error &e) { malformed.push_back(e.describe()); });
    CHECK(documents == 1);
    REQUIRE(malformed.size() == 2);
    CHECK(malformed[0] ==
          "r.jsonl:2: not a record of the expected shape: \"inferred\" is an array, not a list "
          "of strings");
    // Whatever slips past the shape check is a finding, not an exception.
    json document = json::parse(R"({"kind":"document","doc":"d","stated":{"agreed":1.5e300}})");
    std::vector<json> items = {json::parse(R"({"kind":"x","source":{"lines":["a","b"]}})")};
    CHECK_NOTHROW((void)Validator(nullptr).check(document, items));
}

TEST_CASE("regression finding-without-doc: records naming no document are not said to be "
          "\"null\"'s") {
    json item = {{"kind", "recommendation"}, {"ref", "1"}};
    auto findings = Validator(nullptr).check(json(nullptr), {item});
    REQUIRE_FALSE(findings.empty());
    CHECK(findings[0].describe().rfind("(no doc, no source.file): error: no-document-record: ",
                                       0) == 0);
    CHECK(findings[0].to_json()["doc"].is_null());
}

TEST_CASE("regression control-characters-escaped: text for a terminal cannot forge a line") {
    CHECK(printable("a\nb\x1b[31mc\rd\te\x7f") == "a\\nb\\x1b[31mc\\rd\\te\\x7f");
    CHECK(printable("caf\xC3\xA9 \xC2\x85 \xE2\x80\xA8!") == "caf\xC3\xA9 \\u0085 \\u2028!");
    Finding f{Severity::error, "x", "forged\nfile.txt:1: error: fake", "d", "f.txt", "", 3, 3};
    CHECK(f.describe() == "f.txt:3: error: x: forged\\nfile.txt:1: error: fake");
}

TEST_CASE("regression regex-limit-warning: a match limit hit is recorded with its rule") {
    PatternLibrary lib;
    lib.set_limits({100, 100});
    auto re = lib.compile("^(a+)+$", {"g.toml", 7});
    REQUIRE(re.ok());
    (void)take_limit_hits();
    CHECK_FALSE(re.value()->matches(std::string(40, 'a') + "b"));
    CHECK(re.value()->limit_hit());
    auto hits = take_limit_hits();
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rule.file == "g.toml");
    CHECK(hits[0].rule.line == 7);
    CHECK(take_limit_hits().empty());
}

TEST_CASE("regression write-error-named: a failed write is an error naming the file") {
    if (!std::filesystem::exists("/dev/full"))
        return;
    auto out = OutputFile::open("/dev/full");
    REQUIRE(out.ok());
    out.value()->stream() << std::string(1 << 16, 'x');
    auto done = out.value()->commit();
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().describe() == "/dev/full: cannot write: No space left on device");
}

TEST_CASE("regression atomic-output: the previous content stays until commit") {
    auto dir = std::filesystem::temp_directory_path() / "inspex-atomic-test";
    std::filesystem::create_directories(dir);
    std::string path = (dir / "out.txt").string();
    std::ofstream(path) << "previous";
    {
        auto out = OutputFile::open(path);
        REQUIRE(out.ok());
        out.value()->stream() << "new";
        CHECK(read_file(path) == "previous");
    } // never committed: an error happened
    CHECK(read_file(path) == "previous");
    auto out = OutputFile::open(path);
    REQUIRE(out.ok());
    out.value()->stream() << "new";
    REQUIRE(out.value()->commit().ok());
    CHECK(read_file(path) == "new");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1); // no temporary left
    std::filesystem::create_symlink("out.txt", dir / "link.txt");
    auto through = OutputFile::open((dir / "link.txt").string());
    REQUIRE(through.ok());
    through.value()->stream() << "via the link";
    REQUIRE(through.value()->commit().ok());
    CHECK(std::filesystem::is_symlink(dir / "link.txt")); // the link kept, its target written
    CHECK(read_file(path) == "via the link");
    CHECK(names_an_input(dir.string() + "/./out.txt", {"-", path}));
    CHECK_FALSE(names_an_input(dir.string() + "/other.txt", {path}));
    std::filesystem::remove_all(dir);
}

TEST_CASE("regression html-lists-nested-200-deep: a cell's text is kept at any depth the parser "
          "allows") {
    std::string deep;
    for (int i = 0; i < 200; ++i)
        deep += "<ul><li>";
    deep += "deep words here";
    for (int i = 0; i < 200; ++i)
        deep += "</li></ul>";
    CHECK(html_fragment_to_text(deep).find("deep words here") != std::string::npos);
}

TEST_CASE("regression regex-limit-warning: a limit hit during extraction is a document warning "
          "naming the rule and the line") {
    auto g = Catalog().load("action-plan", MatchLimits{30, 30}); // limits no pattern can live with
    REQUIRE(g.ok());
    std::string bytes = test::read("samples/action-plan-elmley-2022.txt");
    auto result = extract(g.value(), {"elmley.txt", "elmley", bytes});
    REQUIRE(result.ok());
    const json &warnings = result->records.front()["warnings"];
    auto hit = std::find_if(warnings.begin(), warnings.end(),
                            [](const json &w) { return w["code"] == "match-limit"; });
    REQUIRE(hit != warnings.end());
    CHECK((*hit)["message"].get<std::string>().find(".toml:") != std::string::npos);
    CHECK((*hit)["message"].get<std::string>().find("stopped at its match limit") !=
          std::string::npos);
    // The line of the text it ran over: one of the document's.
    std::size_t line = (*hit)["lines"][0].get<std::size_t>();
    CHECK(line > 0);
    CHECK(line <= static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
    CHECK(take_limit_hits().empty()); // taken by the extraction, none left for the next
}

TEST_CASE("regression input-size-limit: an input is refused at the limit, not read whole") {
    // A device that never ends, and a regular file longer than the limit
    // (refused by its size, before it is read).
    auto endless = read_input("/dev/zero", 1000);
    REQUIRE(!endless);
    CHECK(endless.error().message == "file too large: more than 1000 bytes (the limit is 1000)");
    auto dir = std::filesystem::temp_directory_path() / "inspex-limit-test";
    std::filesystem::create_directories(dir);
    std::string path = (dir / "limit.txt").string();
    std::ofstream(path) << std::string(2000, 'a');
    auto large = read_input(path, 1000);
    REQUIRE(!large);
    CHECK(large.error().message == "file too large: 2000 bytes (the limit is 1000)");
    auto exact = read_input(path, 2000);
    REQUIRE(exact);
    CHECK(exact.value().size() == 2000);
    std::filesystem::remove_all(dir);
}

TEST_CASE("regression record-line-limit: a line longer than the limit ends the input, not held") {
    std::istringstream in("{\"kind\":\"document\"}\n" + std::string(100000, '\0') + "\nlast");
    std::string line;
    bool too_long = false;
    REQUIRE(read_record_line(in, line, too_long, 50000));
    CHECK(!too_long);
    CHECK(line == "{\"kind\":\"document\"}");
    REQUIRE(read_record_line(in, line, too_long, 50000));
    CHECK(too_long);
    CHECK(line.size() <= 50000);
    // An endless line (a device) is left at the limit, not read for ever.
    std::ifstream zero("/dev/zero", std::ios::binary);
    REQUIRE(read_record_line(zero, line, too_long, 50000));
    CHECK(too_long);
    // Lines of exactly a reading chunk's length and around it, and empty ones.
    for (std::size_t n : {16383u, 16384u, 16385u, 40000u}) {
        std::istringstream exact(std::string(n, 'x') + "\n\n" + std::string(n, 'y'));
        REQUIRE(read_record_line(exact, line, too_long, 50000));
        CHECK(line == std::string(n, 'x'));
        REQUIRE(read_record_line(exact, line, too_long, 50000));
        CHECK(line.empty());
        REQUIRE(read_record_line(exact, line, too_long, 50000));
        CHECK(line == std::string(n, 'y'));
        CHECK(!read_record_line(exact, line, too_long, 50000));
    }
}

TEST_CASE("regression regex-limit-warning: a limit hit while choosing a grammar is said in the "
          "error, and never as a later input's") {
    // Two grammars whose one detection pattern backtracks past its limit on
    // a line of "a"s ending in "b": neither is found, and the error says why.
    auto dir = std::filesystem::temp_directory_path() / "inspex-limit-choose-test";
    std::filesystem::create_directories(dir);
    std::vector<Grammar> grammars;
    for (const char *name : {"one", "two"}) {
        std::string file = (dir / (std::string(name) + ".toml")).string();
        std::ofstream(file) << "[grammar]\nname = \"" << name
                            << "\"\nrecord = \"item\"\norder = [\"ref\"]\n"
                               "[table]\ncolumns = [{ name = \"ref\" }]\n"
                               "[fields.ref]\npart = \"ref\"\n"
                               "[detect]\npatterns = [['(?m)^(a+)+$', 1]]\n";
        auto g = load_grammar(file, MatchLimits{1000, 1000});
        REQUIRE(g.ok());
        grammars.push_back(std::move(g.value()));
    }
    std::string path = (dir / "input.txt").string();
    std::ofstream(path) << std::string(40, 'a') << "b\n";
    auto prepared = prepare_input(grammars, path);
    REQUIRE(!prepared);
    CHECK(prepared.error().message.find("one.toml:") != std::string::npos);
    CHECK(prepared.error().message.find("stopped at its match limit while choosing") !=
          std::string::npos);
    CHECK(take_limit_hits().empty()); // said, none left for the next input
    std::filesystem::remove_all(dir);
}
