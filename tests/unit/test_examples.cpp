#include "inspex/author/examples.hpp"
#include "inspex/catalog.hpp"

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace inspex;
using json = nlohmann::ordered_json;

TEST_CASE("examples: a field that differs is named by its path, with both values") {
    std::vector<json> expected = {json::parse(R"({"kind":"document","doc":"a"})"),
                                  json::parse(R"({"kind":"recommendation","ref":"7.1",
                                      "status":"agreed","target_dates":[{"date":"2022-09"}]})")};
    std::vector<json> actual = expected;
    actual[1]["status"] = "partly_agreed";
    actual[1]["target_dates"][0]["date"] = nullptr;
    auto d = author::diff_records(expected, actual, {1, 2});
    REQUIRE(d.size() == 2);
    CHECK(d[0].path == ".status");
    CHECK(d[0].label == "recommendation 7.1");
    CHECK(
        author::describe(d[0], "x.expected.jsonl") ==
        R"(x.expected.jsonl:2: recommendation 7.1: .status: expected "agreed", got "partly_agreed")");
    CHECK(d[1].path == ".target_dates[0].date");
    CHECK(author::describe(d[1], "x") ==
          R"(x:2: recommendation 7.1: .target_dates[0].date: expected "2022-09", got null)");
}

TEST_CASE("examples: absent is not null, and records missing or extra are named") {
    std::vector<json> expected = {json::parse(R"({"kind":"action","ref":"1.i","due":null})")};
    std::vector<json> actual = {json::parse(R"({"kind":"action","ref":"1.i"})"),
                                json::parse(R"({"kind":"action","ref":"1.ii"})")};
    auto d = author::diff_records(expected, actual, {3});
    REQUIRE(d.size() == 2);
    CHECK(author::describe(d[0], "e") == "e:3: action 1.i: .due: expected null, got (absent)");
    CHECK(author::describe(d[1], "e") == "e: record 2: action 1.ii: extracted, not expected");
    auto missing = author::diff_records(actual, expected, {4, 5});
    CHECK(author::describe(missing.back(), "e") == "e:5: action 1.ii: expected, not extracted");
    CHECK(author::diff_records(expected, expected).empty());
}

TEST_CASE("examples: the folder beside a grammar, and its files paired by name") {
    CHECK(author::examples_folder("/g/action-plan.toml") == "/g/examples/action-plan");
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("inspex-examples-" + std::to_string(getpid()));
    fs::remove_all(dir);
    CHECK_FALSE(author::find_examples(dir.string()).ok());
    fs::create_directories(dir);
    CHECK(author::find_examples(dir.string()).error().message.find("no examples") == 0);
    std::ofstream(dir / "a.txt") << "x";
    std::ofstream(dir / "a.expected.jsonl") << "{}\n";
    std::ofstream(dir / ".hidden.txt") << "x";
    auto one = author::find_examples(dir.string());
    REQUIRE(one.ok());
    CHECK(one->size() == 1);
    CHECK(one->front().name == "a");
    std::ofstream(dir / "b.docx") << "x";
    auto orphan = author::find_examples(dir.string());
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().file == (dir / "b.docx").string());
    CHECK(orphan.error().message == "an input without its expected records (b.expected.jsonl)");
    fs::remove_all(dir);
}

TEST_CASE("examples: every built-in grammar's examples pass; a bad line is an error at its line") {
    auto grammars = Catalog({test::source_path("grammars")}).load_all();
    REQUIRE(grammars.ok());
    REQUIRE(grammars->size() >= 3);
    for (const Grammar &g : grammars.value()) {
        auto examples = author::find_examples(author::examples_folder(g.file));
        REQUIRE_MESSAGE(examples.ok(), g.name);
        for (const author::Example &e : examples.value()) {
            auto result = author::run_example(g, e);
            REQUIRE(result.ok());
            CHECK_MESSAGE(result->passed(), g.name << "/" << e.name);
            CHECK(result->records >= 1);
        }
    }
    namespace fs = std::filesystem;
    fs::path bad =
        fs::temp_directory_path() / ("inspex-bad-" + std::to_string(getpid()) + ".jsonl");
    std::ofstream(bad) << "{\"kind\":\"document\"}\n\n[1]\n";
    author::Example e{
        "bad", test::source_path("samples/action-plan-elmley-2022.txt"), bad.string(), {}, 0, {}};
    auto result = author::run_example(grammars->front(), e);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().describe() ==
          bad.string() + ":3: a JSON array, not a record (a JSON object)");
    fs::remove(bad);
}

TEST_CASE("examples: cmark-style examples in one file, and their errors at their lines") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("inspex-md-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::path file = dir / "cases.examples.md";
    std::ofstream(file) << "# Cases\n\n```example\na\u2192b\n.\n{\"kind\":\"document\"}\n```\n"
                           "text\n```` example\nx\n.\n````\n";
    auto examples = author::read_examples_file(file.string());
    REQUIRE(examples.ok());
    REQUIRE(examples->size() == 2);
    CHECK(examples->at(0).name == "cases#1");
    CHECK(examples->at(0).text == "a\tb\n");
    CHECK(examples->at(0).text_line == 4);
    REQUIRE(examples->at(0).records.size() == 1);
    CHECK(examples->at(0).records[0].first == 6);
    CHECK(examples->at(1).name == "cases#2");
    CHECK(examples->at(1).records.empty());
    auto found = author::find_examples(dir.string());
    REQUIRE(found.ok());
    CHECK(found->size() == 2);
    std::ofstream(file) << "```example\ninput\n.\n";
    auto open = author::read_examples_file(file.string());
    REQUIRE_FALSE(open.ok());
    CHECK(open.error().describe() == file.string() + ":1: example not closed (a line ``` ends it)");
    std::ofstream(file) << "\n```example\ninput\n```\n";
    CHECK(author::read_examples_file(file.string()).error().describe() ==
          file.string() + ":2: example without its \".\" line between the input and the records");
    std::ofstream(file) << "no examples\n";
    CHECK(author::find_examples(dir.string()).error().message ==
          "no example in this file (a block fenced ```example)");
    fs::remove_all(dir);
}
