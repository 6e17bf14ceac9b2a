#include "inspex/catalog.hpp"
#include "inspex/detect.hpp"

#include "support.hpp"

using namespace inspex;

namespace {

const std::vector<Grammar> &installed() {
    static std::vector<Grammar> all = [] {
        auto loaded = Catalog().load_all();
        REQUIRE(loaded.ok());
        return std::move(loaded.value());
    }();
    return all;
}

} // namespace

TEST_CASE("detect: every sample is given the grammar it was written for") {
    for (const char *name :
         {"action-plan-elmley-2022", "action-plan-stafford-2020", "action-plan-ashfield-2019",
          "un-action-plan-chelmsford-2021", "irp-report-chelmsford-2022"}) {
        CAPTURE(name);
        auto chosen =
            choose_grammar(installed(), test::read(std::string("samples/") + name + ".txt"), name);
        REQUIRE(chosen.ok());
        CHECK(std::string(name).rfind(chosen.value()->name + "-", 0) == 0);
    }
}

TEST_CASE("detect: a text that is none of them is refused with every candidate's score") {
    auto chosen = choose_grammar(installed(), test::read("README.md"), "README.md");
    REQUIRE_FALSE(chosen.ok());
    CHECK(chosen.error().file == "README.md");
    for (const Grammar &g : installed())
        CHECK(chosen.error().message.find(g.name + " ") != std::string::npos);
}

TEST_CASE("detect: scores are the share of weight found, best first") {
    auto scores = score_grammars(installed(), "1. Rec No\tRecommendation\nPartly Agreed\t3\n");
    REQUIRE(!scores.empty());
    CHECK(scores[0].grammar->name == "action-plan");
    CHECK(scores[0].score > 0.4);
    CHECK(scores[0].score < 1.0);
    CHECK(scores.back().score == 0.0);
}

TEST_CASE("catalog: shared pattern files are not listed as grammars") {
    for (const Grammar &g : installed())
        CHECK(g.name != "common");
    CHECK(installed().size() >= 2);
}
