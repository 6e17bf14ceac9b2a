#include "inspex/catalog.hpp"
#include "inspex/grammar.hpp"

#include "support.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace inspex;

namespace {

// Writes a grammar file into a fresh temporary folder and loads it.
Result<Grammar> load_text(const std::string &text, Compile when = Compile::at_load) {
    static const test::TempDir dir("grammar-test");
    auto path = dir.path() / "g.toml";
    std::ofstream(path) << text;
    return load_grammar(path.string(), {}, {}, when);
}

const char *kMinimal = R"([grammar]
name = "mini"
record = "item"
order = ["ref"]
[table]
columns = [{ name = "ref" }]
[fields.ref]
part = "ref"
)";

} // namespace

TEST_CASE("grammar: the action-plan grammar loads with its includes") {
    auto g = load_grammar(test::source_path("grammars/action-plan.toml"));
    REQUIRE(g.ok());
    CHECK(g->name == "action-plan");
    CHECK(g->table.columns.size() == 6);
    CHECK(g->patterns.has("DATE_ITEM")); // from common.toml
    CHECK(g->vocabularies.at("status").lookup("Partly Agreed") == "partly_agreed");
    CHECK(g->vocabularies.at("status").lookup("garbled").empty());
    REQUIRE(g->document.stated.size() == 4);
    CHECK(g->document.stated[0].path == "agreed"); // file order, not sorted
}

TEST_CASE("grammar: a minimal grammar loads") {
    auto g = load_text(kMinimal);
    REQUIRE(g.ok());
    CHECK(g->record_kind == "item");
}

TEST_CASE("grammar: a file rewritten in the same process is read again, not its first text") {
    std::string first = kMinimal, second = kMinimal;
    second.replace(second.find("mini"), 4, "mina"); // the same size, other text
    auto a = load_text(first);
    auto b = load_text(second);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->name == "mini");
    CHECK(b->name == "mina");
}

TEST_CASE("grammar: a detect rule of several patterns is found where any of them is") {
    std::string text = kMinimal;
    text += "[detect]\npatterns = [[['(?m)^Alpha', 'Beta\\b'], 2], ['Gamma', 2]]\n";
    auto g = load_text(text);
    REQUIRE(g.ok());
    REQUIRE(g->detect.size() == 2);
    CHECK(g->detect[0].patterns.size() == 2);
    CHECK(g->detect[0].weight == 2);
    CHECK(g->detect[0].found_in("x\nAlpha"));
    CHECK(g->detect[0].found_in("x Beta y"));
    CHECK_FALSE(g->detect[0].found_in("x Alpha Betax"));
    for (const char *bad : {"[[[], 1]]", "[[[1], 1]]", "[['a', 'b']]"}) {
        CAPTURE(bad);
        auto refused = load_text(kMinimal + std::string("[detect]\npatterns = ") + bad + "\n");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().line == 10);
    }
}

TEST_CASE("grammar: errors name the file and the line") {
    auto syntax = load_text("[grammar]\nname = \"x\"\nbroken = \n");
    REQUIRE_FALSE(syntax.ok());
    CHECK(syntax.error().line == 3);
    CHECK(syntax.error().file.find("g.toml") != std::string::npos);

    std::string bad_regex = kMinimal;
    bad_regex +=
        "[patterns]\nBAD = '(unclosed'\n[table.heading]\ncolumn = \"ref\"\npattern = '%{BAD}'\n";
    auto regex = load_text(bad_regex);
    REQUIRE_FALSE(regex.ok());
    CHECK(regex.error().line == 13);
    CHECK(regex.error().message.find("bad pattern") == 0);

    // Loaded to choose among grammars: the bad pattern is found when the
    // grammar is to be used, with the same file and line; detection's own
    // patterns are compiled at load.
    auto later = load_text(bad_regex, Compile::when_used);
    REQUIRE(later.ok());
    auto ready = later->patterns.ready();
    REQUIRE_FALSE(ready.ok());
    CHECK(ready.error().line == 13);
    CHECK(ready.error().message.find("bad pattern") == 0);
    CHECK_FALSE(later->patterns.ready().ok()); // and again, for every document
    std::string bad_detect = kMinimal;
    bad_detect += "[detect]\npatterns = [['(unclosed', 1.0]]\n";
    REQUIRE_FALSE(load_text(bad_detect, Compile::when_used).ok());
    auto good = load_text(kMinimal, Compile::when_used);
    REQUIRE(good.ok());
    CHECK(good->patterns.ready().ok());

    std::string unknown_column = kMinimal;
    unknown_column += "[fields.other]\npart = \"nope\"\n";
    auto column = load_text(unknown_column);
    REQUIRE_FALSE(column.ok());
    CHECK(column.error().describe().find("g.toml:10: no part named \"nope\" in the layout") !=
          std::string::npos);

    std::string typo = kMinimal;
    typo += "[fields.other]\ncolum = \"ref\"\n";
    auto unknown_key = load_text(typo);
    REQUIRE_FALSE(unknown_key.ok());
    CHECK(unknown_key.error().describe().find(
              "g.toml:10: unknown key \"colum\" in [fields.other]") != std::string::npos);

    auto missing_field = load_text(std::string(kMinimal).replace(
        std::string(kMinimal).find("[fields.ref]"), 12, "[fields.rf]"));
    REQUIRE_FALSE(missing_field.ok());
    CHECK(missing_field.error().message.find("\"ref\" is in [grammar] order") != std::string::npos);
}

TEST_CASE("grammar: a missing file is an error, not a crash") {
    auto g = load_grammar("/no/such/grammar.toml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.error().describe() == "/no/such/grammar.toml: grammar file not found");
}

TEST_CASE("catalog: names are looked up in the grammar folders, extra folders first") {
    Catalog catalog;
    auto g = catalog.load("action-plan");
    REQUIRE(g.ok());
    CHECK(g->name == "action-plan");
    auto missing = catalog.load("no-such-grammar");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("no grammar named \"no-such-grammar\"") == 0);
}

TEST_CASE("grammar: a stream rule sets context values or continues an item, not both") {
    auto both = load_text("[grammar]\nname = \"s\"\nrecord = \"item\"\norder = [\"text\"]\n"
                          "[stream]\nclasses = [['N', '^\\d+$']]\nparts = [\"text\"]\n"
                          "rules = [{ context = true, continues = true, pattern = '\\G(?<text>N)' "
                          "}]\n[fields.text]\npart = \"text\"\n");
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().describe().find("g.toml:8: a rule sets context values or continues an "
                                       "item, not both") != std::string::npos);
}
