#include "inspex/catalog.hpp"
#include "inspex/records.hpp"
#include "inspex/validate.hpp"

#include "support.hpp"

#include <algorithm>
#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

const Grammar &plan_grammar() {
    static Grammar g = [] {
        auto loaded = Catalog().load("action-plan");
        REQUIRE(loaded.ok());
        return std::move(loaded.value());
    }();
    return g;
}

json document(long agreed, long partly, long total) {
    return {{"kind", "document"},
            {"doc", "d"},
            {"source", {{"file", "d.txt"}, {"lines", {1, 50}}}},
            {"grammar", "action-plan"},
            {"submitted", {{"text", "1 May 2022"}, {"date", "2022-05-01"}, {"state", nullptr}}},
            {"stated",
             {{"agreed", agreed}, {"partly_agreed", partly}, {"not_agreed", 0}, {"total", total}}},
            {"warnings", json::array()}};
}

json item(const std::string &ref, const std::string &status,
          const std::string &target = "2022-09") {
    return {{"kind", "recommendation"},
            {"doc", "d"},
            {"source", {{"file", "d.txt"}, {"lines", {10, 12}}}},
            {"ref", ref},
            {"recommendation", "Staff should do the right thing."},
            {"status", status},
            {"response", "This will be done within the next month."},
            {"target_dates", {{{"text", target}, {"date", target}, {"state", nullptr}}}},
            {"inferred", json::array()},
            {"warnings", json::array()}};
}

std::vector<std::string> codes(const std::vector<Finding> &findings,
                               Severity at_least = Severity::warning) {
    std::vector<std::string> out;
    for (const Finding &f : findings)
        if (f.severity >= at_least)
            out.push_back(f.code);
    return out;
}

} // namespace

TEST_CASE("validate: a consistent plan has no warning or error, and says its counts match") {
    Validator v(&plan_grammar());
    auto findings = v.check(document(2, 1, 3), {item("1.1", "agreed"), item("1.2", "partly_agreed"),
                                                item("1.3", "agreed")});
    CHECK(codes(findings).empty());
    REQUIRE(codes(findings, Severity::info) == std::vector<std::string>{"counts-match"});
}

TEST_CASE("validate: counts, totals, gaps, duplicates and order") {
    Validator v(&plan_grammar());
    auto findings = v.check(document(2, 1, 3), {item("1.1", "agreed"), item("1.3", "agreed"),
                                                item("1.3", "agreed"), item("1.2", "agreed")});
    auto got = codes(findings);
    for (const char *want :
         {"count-mismatch", "total-mismatch", "sequence-gap", "duplicate-ref", "out-of-order"})
        CHECK(std::count(got.begin(), got.end(), want) >= 1);
}

TEST_CASE("validate: shape: missing fields, unknown values, bad dates") {
    Validator v(&plan_grammar());
    json missing = item("1.1", "agreed");
    missing["response"] = nullptr;
    json unknown = item("1.2", "maybe");
    json bad_date = item("1.3", "agreed", "2022-13");
    auto got = codes(v.check(document(3, 0, 3), {missing, unknown, bad_date}));
    CHECK(std::count(got.begin(), got.end(), "missing-field") == 1);
    CHECK(std::count(got.begin(), got.end(), "not-in-vocabulary") == 1);
    CHECK(std::count(got.begin(), got.end(), "bad-date") == 1);
}

TEST_CASE("validate: dates are compared at the precision both give") {
    Validator v(&plan_grammar());
    auto same_month = v.check(document(1, 0, 1), {item("1.1", "agreed", "2022-05")});
    CHECK(codes(same_month).empty());
    auto before = v.check(document(1, 0, 1), {item("1.1", "agreed", "2022-04")});
    CHECK(codes(before) == std::vector<std::string>{"date-before-reference"});
    auto far = v.check(document(1, 0, 1), {item("1.1", "agreed", "2031-01")});
    CHECK(codes(far) == std::vector<std::string>{"date-far-away"});
}

TEST_CASE("validate: findings read as file:line: severity: code: ref: message") {
    Validator v(&plan_grammar());
    json shortish = item("1.1", "agreed");
    shortish["response"] = "Agreed.";
    auto findings = v.check(document(1, 0, 1), {shortish});
    REQUIRE(codes(findings) == std::vector<std::string>{"short-text"});
    const Finding &f = *std::find_if(findings.begin(), findings.end(),
                                     [](const Finding &x) { return x.code == "short-text"; });
    CHECK(f.describe().rfind("d.txt:10: warning: short-text: 1.1: response has 1 words", 0) == 0);
    CHECK(f.to_json()["lines"] == json({10, 12}));
}

TEST_CASE("validate: without a grammar only the records' own warnings are passed on") {
    json doc = document(1, 0, 1);
    doc["warnings"].push_back({{"code", "no-table"}, {"message", "m"}, {"lines", {1, 5}}});
    auto findings = Validator(nullptr).check(doc, {item("1.1", "agreed")});
    auto got = codes(findings);
    CHECK(std::count(got.begin(), got.end(), "no-table") == 1);
    CHECK(std::count(got.begin(), got.end(), "unknown-grammar") == 1);
}

TEST_CASE("records: JSON Lines are grouped by document; bad lines are named and skipped") {
    std::istringstream in("{\"kind\":\"document\",\"doc\":\"a\"}\n{\"kind\":\"x\",\"ref\":\"1\"}\n"
                          "oops\n\n{\"kind\":\"document\",\"doc\":\"b\"}\r\n");
    std::vector<std::string> docs;
    std::vector<std::string> errors;
    std::size_t bad = read_documents(
        in, "r.jsonl",
        [&](const DocumentRecords &d) {
            docs.push_back(d.document["doc"].get<std::string>() + ":" +
                           std::to_string(d.items.size()));
        },
        [&](const Error &e) { errors.push_back(e.describe()); });
    CHECK(bad == 1);
    CHECK(docs == std::vector<std::string>{"a:1", "b:0"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "r.jsonl:3: not a JSON record: oops");
}

TEST_CASE("validate: a document's deduced value is reported as such") {
    Validator v(&plan_grammar());
    json doc = document(1, 0, 1);
    doc["inspection"] = {
        {"text", "28 February to 11 March"}, {"start", "2022-02-28"}, {"end", "2022-03-11"}};
    doc["inferred"] = {"inspection"};
    auto findings = v.check(doc, {item("1.1", "agreed")});
    auto deduced = std::find_if(findings.begin(), findings.end(),
                                [](const Finding &f) { return f.code == "inferred-value"; });
    REQUIRE(deduced != findings.end());
    CHECK(deduced->message ==
          "inspection \"2022-02-28 to 2022-03-11\" was deduced, not read from the text");
    CHECK(codes(findings).empty());
}
