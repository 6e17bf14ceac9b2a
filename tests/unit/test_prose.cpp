#include "inspex/prose.hpp"

#include "support.hpp"

using namespace inspex;

namespace {

ProseSpec spec() {
    ProseSpec s;
    s.start = test::re("^Findings$");
    s.end = test::re("^Summary$");
    s.starts = {test::re("^\\d\\.\\d+\\s"), test::re("^Concern:")};
    s.key = test::re("^(?<key>\\d\\.\\d+)\\s+");
    s.page_start = test::re("^ \\S");
    s.classes = {{'C', test::re("^Concern:")}, {'P', test::re("^\\d\\.\\d+\\s")}};
    s.join_hyphenated = test::re("^\\p{L}+-(?:ment|tion)\\b");
    s.parts = {"concern", "findings"};
    s.rules = {{test::re("\\G(?<area>H)"), true},
               {test::re("\\G(?<concern>C)(?<findings>P+)"), false}};
    return s;
}

} // namespace

TEST_CASE("prose: a paragraph runs over a page break and a blank line") {
    ProseSpec s = spec();
    auto r = ProseLayout(s).run(
        test::lines({"Findings", "Safety", "", "Concern: things were", "bad.", "",
                     "3.1 Violence had fallen by a", " quarter over the year, which", "",
                     "was welcome.", " 3.2 Second paragraph.", "Summary"}));
    REQUIRE(r.items.size() == 1);
    const Item &item = r.items[0];
    CHECK(item.context.at("area") == "Safety");
    REQUIRE(item.parts[1].size() == 2);
    CHECK(item.parts[1][0].key == "3.1");
    CHECK(item.parts[1][0].text ==
          "Violence had fallen by a quarter over the year, which was welcome.");
    CHECK(item.parts[1][1].text == "Second paragraph.");
    CHECK(item.parts[0][0].text == "Concern: things were bad.");
    CHECK(item.first_line == 4);
    CHECK(item.last_line == 11);
}

TEST_CASE("prose: line-break hyphens are kept in compounds and joined in split words") {
    ProseSpec s = spec();
    ProseLayout layout(s);
    std::string compound = "The inter-";
    layout.join_line(compound, "departmental team");
    CHECK(compound == "The inter-departmental team");
    std::string split = "The manage-";
    layout.join_line(split, "ment team");
    CHECK(split == "The management team");
    std::string dash = "A pause -";
    layout.join_line(dash, "then more");
    CHECK(dash == "A pause - then more");
}

TEST_CASE("prose: a caption inside a paragraph is kept out of its text") {
    ProseSpec s = spec();
    auto r = ProseLayout(s).run(
        test::lines({"Findings", "Concern: c.", "3.1 Cells had been painted and", "",
                     "C wing showers during the inspection", "", "the showers refurbished.", "",
                     "Servery", "", "3.2 Next.", "Summary"}));
    REQUIRE(r.items.size() == 1);
    REQUIRE(r.items[0].parts[1].size() == 2);
    CHECK(r.items[0].parts[1][0].text == "Cells had been painted and the showers refurbished.");
    CHECK(r.items[0].context.count("area") == 0); // "Servery" stands before a paragraph: a caption
}

TEST_CASE("prose: a short line after a finished sentence is a heading") {
    ProseSpec s = spec();
    auto r =
        ProseLayout(s).run(test::lines({"Findings", "First area", "Concern: a.", "3.1 One.",
                                        " Second area", "", "Concern: b.", "3.2 Two.", "Summary"}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].context.at("area") == "First area");
    CHECK(r.items[1].context.at("area") == "Second area");
}

TEST_CASE("prose: running headers and page numbers are skipped without breaking the text") {
    ProseSpec s = spec();
    s.skip = test::re("^(?:\\s*\\d+\\s*|HMP Example: review)$");
    auto r = ProseLayout(s).run(
        test::lines({"Findings", "Concern: c.", "3.1 The text ran", "12", "HMP Example: review",
                     " on to the next page.", "Summary"}));
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].parts[1][0].text == "The text ran on to the next page.");
}

TEST_CASE("prose: headings set on their own line without gaps around them") {
    ProseSpec s = spec();
    auto r = ProseLayout(s).run(test::lines({"Findings", "Intro text that ends here.", "Safety",
                                             "Concern: things were bad.", "3.1 Violence had",
                                             "fallen.", "Living conditions", "Concern: cells were",
                                             "cold.", "3.2 Better.", "Summary"}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].context.at("area") == "Safety");
    CHECK(r.items[0].parts[1][0].text == "Violence had fallen.");
    CHECK(r.items[1].context.at("area") == "Living conditions");
}

TEST_CASE("prose: with paragraph lines, each line is a paragraph of its own") {
    ProseSpec s = spec();
    // A heading after a paragraph that does not end with a full stop.
    auto lines = test::lines(
        {"Findings", "Our findings in short, which the rest of this section sets out at length",
         "Safety", "Concern: things were bad.", "3.1 Violence had fallen.", "Summary"});
    auto joined = ProseLayout(s).run(lines);
    auto apart = ProseLayout(s).run(lines, true);
    REQUIRE(apart.items.size() == 1);
    CHECK(apart.items[0].context.at("area") == "Safety");
    REQUIRE(joined.items.size() == 1);
    CHECK(joined.items[0].context.at("area") != "Safety"); // run on into the line before
}
