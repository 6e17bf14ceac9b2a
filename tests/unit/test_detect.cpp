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

TEST_CASE("detect: a header alone is given its family, in each year's template") {
    struct Case {
        const char *text, *grammar;
    };
    for (const Case &c : std::initializer_list<Case>{
             {"HM Prison & Probation Service\nAction Plan: HMP Stafford\nAction Plan Submitted: 29 "
              "July 2020\nA Response to the HMIP Inspection\nReport Published: 12th May "
              "2020\nINTRODUCTION\n",
              "action-plan"},
             {"Action Plan HMP Elmley Action Plan Submitted 29th June 2022 A Response to the HMIP "
              "Inspection 28th February to 11th March 2022 Report Published 21st June 2022\n",
              "action-plan"},
             {"ACTION PLAN: HMCIP REPORT ON HMP Elmley\nTIMETABLE\nDATE\nSTATUS OF THIS "
              "RETURN\nFull unannounced inspection\n28th February to 11th March 2022\nReport "
              "published\n21st June 2022\nAction Plan Submitted\n29th June 2022\n",
              "action-plan"},
             {"Action Plan:\nHMP Ashfield\nA Response to HMIP Inspection:\nA Report on an "
              "unannounced inspection of HMP Ashfield\nReport Published:\n30th July 2019\n",
              "action-plan"},
             {"Report on an independent review of progress at HMYOI Wetherby by HM Chief "
              "Inspector of Prisons (22 October – 6 November 2024)\n",
              "irp-report"},
             {"HMP Chelmsford Urgent Notification Action Plan\n", "un-action-plan"},
             {"Urgent Notification Action Plan: HMP Bedford\n", "un-action-plan"}}) {
        CAPTURE(std::string(c.text));
        auto chosen = choose_grammar(installed(), c.text, "header.txt");
        REQUIRE(chosen.ok());
        CHECK(chosen.value()->name == c.grammar);
    }
}

TEST_CASE("detect: a header's patterns count only where no grammar's body fits") {
    // An action plan that names an urgent notification's plan in a line of its
    // own is still an action plan: its body says so.
    std::string text = "Action Plan: HMP Stafford\n1. Rec No\tRecommendation\nPartly Agreed\t3\n"
                       "Urgent Notification Action Plan: see the annex\n";
    auto chosen = choose_grammar(installed(), text, "plan.txt");
    REQUIRE(chosen.ok());
    CHECK(chosen.value()->name == "action-plan");
}
