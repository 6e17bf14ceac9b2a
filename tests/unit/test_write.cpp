#include "inspex/write.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

std::vector<json> records() {
    return {
        json::parse(R"({"kind":"document","doc":"d","grammar":"g"})"),
        json::parse(R"({"kind":"item","doc":"d","source":{"file":"d.txt","lines":[3,5]},"ref":"1.1",
                "text":"a, \"quoted\"\nline","owners":["A","B"],
                "dates":[{"text":"May 2022","date":"2022-05","state":null},{"text":"Completed","date":null,"state":"completed"}],
                "inferred":[],"warnings":[]})"),
        json::parse(R"({"kind":"item","doc":"d","ref":null,"owners":[],"extra":1})")};
}

WriteOptions options(std::string separator, bool bom, std::vector<std::string> fields) {
    WriteOptions o;
    o.list_separator = std::move(separator);
    o.bom = bom;
    o.fields = std::move(fields);
    return o;
}

std::string write(Format f, WriteOptions o = {}) {
    std::ostringstream out;
    auto w = make_writer(f, out, o);
    for (const auto &r : records())
        w->write(r);
    REQUIRE(w->finish().ok());
    return out.str();
}

} // namespace

TEST_CASE("write: JSON Lines, one record per line, UTF-8 kept") {
    std::string out = write(Format::jsonl);
    CHECK(std::count(out.begin(), out.end(), '\n') == 3);
    CHECK(json::parse(out.substr(0, out.find('\n')))["grammar"] == "g");
}

TEST_CASE("write: JSON array parses back to the same records") {
    auto parsed = json::parse(write(Format::json));
    REQUIRE(parsed.is_array());
    CHECK(parsed.size() == 3);
    CHECK(parsed[1]["owners"][1] == "B");
    std::ostringstream empty;
    REQUIRE(make_writer(Format::json, empty)->finish().ok());
    CHECK(empty.str() == "[]\n");
}

TEST_CASE("write: CSV is RFC 4180 with flattened, joined fields") {
    std::string out = write(Format::csv, options(" | ", false, {}));
    std::string header = out.substr(0, out.find("\r\n"));
    CHECK(header == "kind,doc,source_file,source_lines,ref,text,owners,dates,dates_date,dates_"
                    "state,inferred,warnings,extra");
    CHECK(
        out.find(
            "\"a, \"\"quoted\"\"\nline\",A | B,May 2022 | Completed,2022-05 | , | completed,,,") !=
        std::string::npos);
    CHECK(out.find("document") == std::string::npos); // item records only
    CHECK(out.substr(out.size() - 2) == "\r\n");
}

TEST_CASE("write: CSV options: separator and BOM") {
    std::string out = write(Format::csv, options(";", true, {}));
    CHECK(out.rfind("\xEF\xBB\xBF"
                    "kind,",
                    0) == 0);
    CHECK(out.find(",A;B,") != std::string::npos);
}

TEST_CASE("write: formats by name") {
    CHECK(parse_format("csv").value() == Format::csv);
    CHECK_FALSE(parse_format("xml").ok());
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a\"b") == "\"a\"\"b\"");
}

TEST_CASE("write: TSV keeps values on one line, without quoting") {
    std::string out = write(Format::tsv, options(" | ", false, {}));
    CHECK(out.find("a, \"quoted\" line\tA | B") != std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
}

TEST_CASE("write: chosen fields, in the order asked") {
    std::string csv = write(Format::csv, options(" | ", false, {"ref", "owners", "nope"}));
    CHECK(csv.substr(0, csv.find("\r\n")) == "ref,owners,nope");
    CHECK(csv.find("1.1,A | B,\r\n") != std::string::npos);
    std::string jsonl = write(Format::jsonl, options(" | ", false, {"ref", "kind"}));
    CHECK(jsonl.substr(0, jsonl.find('\n')) == R"({"kind":"document"})");
    CHECK(jsonl.find(R"({"ref":"1.1","kind":"item"})") != std::string::npos);
}

TEST_CASE("write: XLSX is a zip workbook with a sheet per kind") {
    std::string out = write(Format::xlsx);
    REQUIRE(out.size() > 1000);
    CHECK(out.substr(0, 2) == "PK");
    CHECK(out.find("xl/worksheets/sheet2.xml") != std::string::npos); // document and item sheets
}
