#include "inspex/catalog.hpp"
#include "inspex/track/names.hpp"
#include "inspex/track/overdue.hpp"
#include "inspex/track/rules.hpp"
#include "inspex/track/similarity.hpp"
#include "inspex/track/tracker.hpp"

#include "support.hpp"

#include <fstream>

using namespace inspex;
using namespace inspex::track;
using json = nlohmann::ordered_json;

namespace {

const Rules &rules() {
    static Rules r = [] {
        auto loaded = load_rules(test::source_path("grammars/track.toml"));
        REQUIRE(loaded.ok());
        return std::move(loaded.value());
    }();
    return r;
}

json date(const char *text, const char *iso) {
    return {{"text", text}, {"date", iso ? json(iso) : json()}, {"state", nullptr}};
}

json plan_document(const std::string &doc, const char *place, const char *start, const char *end) {
    return {{"kind", "document"},
            {"doc", doc},
            {"source", {{"file", doc + ".txt"}, {"lines", {1, 90}}}},
            {"grammar", "action-plan"},
            {"establishment", place},
            {"submitted", date("1 June 2022", "2022-06-01")},
            {"inspection", start ? json{{"text", "t"}, {"start", start}, {"end", end}} : json()}};
}

json recommendation(const std::string &doc, const char *ref, const char *concern_ref,
                    const char *text) {
    return {{"kind", "recommendation"},
            {"doc", doc},
            {"source", {{"file", doc + ".txt"}, {"lines", {10, 12}}}},
            {"ref", ref},
            {"concern_ref", concern_ref ? json(concern_ref) : json()},
            {"recommendation", text},
            {"report_ref", nullptr},
            {"status", "agreed"},
            {"owners", {"Governor"}},
            {"target_dates", {date("September 2022", "2022-09")}}};
}

json review_document(const std::string &doc, const char *place, const char *inspected,
                     const char *signed_on) {
    return {{"kind", "document"},
            {"doc", doc},
            {"source", {{"file", doc + ".txt"}, {"lines", {1, 400}}}},
            {"grammar", "irp-report"},
            {"establishment", place},
            {"published", date(signed_on, signed_on)},
            {"inspection", {{"text", "t"}, {"start", inspected}, {"end", inspected}}}};
}

json judgement(const std::string &doc, const char *ref, const char *area, const char *progress,
               const char *text = "Something unrelated entirely.") {
    return {{"kind", "judgement"},
            {"doc", doc},
            {"ref", ref},
            {"area", area},
            {"recommendation", text},
            {"progress", progress},
            {"summary_progress", progress}};
}

DocumentRecords docs(json document, std::vector<json> items) {
    return {std::move(document), std::move(items), {"x"}};
}

} // namespace

TEST_CASE("establishment names written differently give one key") {
    const auto &p = rules().name_prefixes;
    CHECK(establishment_key("HMP/YOI Chelmsford", p) == "chelmsford");
    CHECK(establishment_key("HMP Chelmsford", p) == "chelmsford");
    CHECK(establishment_key("CHELMSFORD", p) == "chelmsford");
    CHECK(establishment_key("HMP & YOI  Chelmsford ", p) == "chelmsford");
    CHECK(establishment_key("HM Prison and YOI Stoke Heath", p) == "stoke heath");
    CHECK(establishment_key("HMP Stoke Heath", p) != establishment_key("HMP Stafford", p));
    // A prefix is a whole word: "Hmpton" keeps its letters.
    CHECK(establishment_key("Hmpton", p) == "hmpton");
    CHECK(establishment_key("HMP", p).empty());
}

TEST_CASE("words drop stop words and endings") {
    Words w = words_of("Living Conditions, and the well-being of prisoners", rules());
    CHECK(w == Words{"living", "condit", "well", "being", "prisoner"});
    CHECK(words_of("condition", rules()) == words_of("conditions", rules()));
    CHECK(words_of("Prevention", rules()) == words_of("prevent", rules()));
    CHECK(words_of("Bus", rules()) == Words{"bus"}); // too short to lose its "s"
}

TEST_CASE("similarity by overlap and by dice") {
    Words health = words_of("Health", rules());
    Words area = words_of("Health, well-being and social care", rules());
    CHECK(similarity(health, area, Measure::overlap) == doctest::Approx(1.0));
    CHECK(similarity(health, area, Measure::dice) == doctest::Approx(2.0 / 6));
    Words staff = words_of("Staff Culture", rules());
    CHECK(similarity(staff, words_of("Staff prisoner relationships", rules()), Measure::overlap) ==
          doctest::Approx(0.5));
    CHECK(similarity(staff, Words{}, Measure::overlap) == 0);
}

TEST_CASE("a period is before another only when it ends before the other begins") {
    CHECK(period_before("2021-10", "2022-08"));
    CHECK(period_before("2022-07-31", "2022-08"));
    CHECK_FALSE(period_before("2022-08", "2022-08-15"));
    CHECK_FALSE(period_before("2022-08-15", "2022-08"));
    CHECK_FALSE(period_before("2022-09", "2022-08"));
}

TEST_CASE("overdue per the spec") {
    const auto &bad = rules().overdue_progress;
    json reviewed = date("August 2022", "2022-08");
    json due = json::array({date("October 2021", "2021-10"), date("Completed", nullptr)});
    CHECK(overdue(due, reviewed, "insufficient", bad) == true);
    CHECK(overdue(due, reviewed, "no_meaningful", bad) == true);
    CHECK(overdue(due, reviewed, "reasonable", bad) == false);
    json later = json::array({date("October 2021", "2021-10"), date("Dec 2022", "2022-12")});
    CHECK(overdue(later, reviewed, "insufficient", bad) == false);
    CHECK(overdue(json::array({date("August 2022", "2022-08")}), reviewed, "insufficient", bad) ==
          false);
    CHECK(overdue(json::array({date("Completed", nullptr)}), reviewed, "insufficient", bad)
              .is_null());
    CHECK(overdue(due, date("undated", nullptr), "insufficient", bad).is_null());
}

TEST_CASE("a promise joins the judgement citing the same paragraph of the same inspection") {
    Tracker t(rules());
    t.add(docs(plan_document("plan", "HMP Elmley", "2022-02-28", "2022-03-11"),
               {recommendation("plan", "7.1", "1.42", "Violence should be investigated."),
                recommendation("plan", "7.2", "1.43", "Cameras should be switched on."),
                recommendation("plan", "7.3", "1.44", "Nothing follows this up.")}));
    t.add(docs(review_document("review", "ELMLEY", "2022-03", "2023-05"),
               {judgement("review", "1.43", "Use of force", "good"),
                judgement("review", "1.42", "Safety", "insufficient")}));
    auto links = t.links();
    REQUIRE(links.size() == 3);
    CHECK(links[0]["followup"]["ref"] == "1.42");
    CHECK(links[0]["match"]["by"] == "ref");
    CHECK(links[0]["overdue"] == true);
    CHECK(links[0]["establishment"] == "HMP Elmley");
    CHECK(links[1]["followup"]["ref"] == "1.43");
    CHECK(links[1]["overdue"] == false);
    CHECK(links[2]["followup"].is_null());
    CHECK(links[2]["match"].is_null());
    CHECK(links[2]["overdue"].is_null());
    CHECK(t.notes().empty());
}

TEST_CASE("a review of another inspection, or signed before the plan, is not joined") {
    Tracker t(rules());
    t.add(docs(plan_document("plan", "HMP Elmley", "2022-02-28", "2022-03-11"),
               {recommendation("plan", "7.1", "1.42", "Violence should be investigated.")}));
    t.add(docs(review_document("old", "HMP Elmley", "2019-05", "2020-01"),
               {judgement("old", "1.42", "Safety", "good")}));
    t.add(docs(review_document("early", "HMP Elmley", "2022-03", "2022-05"),
               {judgement("early", "1.42", "Safety", "good")}));
    t.add(docs(review_document("elsewhere", "HMP Stafford", "2022-03", "2023-01"),
               {judgement("elsewhere", "1.42", "Safety", "good")}));
    auto links = t.links();
    REQUIRE(links.size() == 1);
    CHECK(links[0]["followup"].is_null());
}

TEST_CASE("two judgements citing the paragraph: the later review, with a warning") {
    Tracker t(rules());
    t.add(docs(plan_document("plan", "HMP Elmley", "2022-02-28", "2022-03-11"),
               {recommendation("plan", "7.1", "1.42", "Violence should be investigated.")}));
    t.add(docs(review_document("first", "HMP Elmley", "2022-03", "2022-09"),
               {judgement("first", "1.42", "Safety", "insufficient")}));
    t.add(docs(review_document("second", "HMP Elmley", "2022-03", "2023-02"),
               {judgement("second", "1.42", "Safety", "good")}));
    auto links = t.links();
    REQUIRE(links.size() == 1);
    CHECK(links[0]["followup"]["doc"] == "second");
    REQUIRE(links[0]["warnings"].size() == 1);
    CHECK(links[0]["warnings"][0]["code"] == "ambiguous-match");
    CHECK(links[0]["warnings"][0]["message"].get<std::string>().find("first 1.42") !=
          std::string::npos);
    CHECK(links[0]["warnings"][0]["lines"] == json::array({10, 12}));
}

TEST_CASE("without refs, wording joins above the threshold; unstated inspection is noted") {
    Tracker t(rules());
    json action = {{"kind", "action"},
                   {"doc", "un"},
                   {"ref", "15.i"},
                   {"title", "Health"},
                   {"text", "Clinics."},
                   {"owner", "NHSE"},
                   {"due", date("October 2021", "2021-10")}};
    json faith = action;
    faith["ref"] = "16";
    faith["title"] = "Equality, Diversity and Faith";
    t.add(docs(plan_document("un", "HMP Chelmsford", nullptr, nullptr), {action, faith}));
    t.add(docs(review_document("irp", "HMP/YOI Chelmsford", "2021-08", "2022-08"),
               {judgement("irp", "1.38", "Health, well-being and social care", "insufficient"),
                judgement("irp", "1.37", "Living conditions", "good")}));
    auto links = t.links();
    REQUIRE(links.size() == 2);
    CHECK(links[0]["followup"]["ref"] == "1.38");
    CHECK(links[0]["match"]["by"] == "text");
    CHECK(links[0]["match"]["score"] == 1.0);
    CHECK(links[0]["promise"]["text"] == "Health: Clinics.");
    CHECK(links[0]["promise"]["owners"] == json::array({"NHSE"}));
    CHECK(links[0]["promise"]["status"].is_null());
    CHECK(links[0]["overdue"] == true);
    CHECK(links[1]["followup"].is_null());
    REQUIRE(t.notes().size() == 1);
    CHECK(t.notes()[0].code == "inspection-unstated");
    CHECK(t.notes()[0].describe().rfind("un.txt:1: inspection-unstated: un does not state", 0) ==
          0);
}

TEST_CASE("wording close to two judgements is joined to the best with a warning") {
    Tracker t(rules());
    json action = {{"kind", "action"},
                   {"doc", "un"},
                   {"ref", "1"},
                   {"title", "Security"},
                   {"text", "Tests."},
                   {"owner", "Governor"},
                   {"due", date("October 2021", "2021-10")}};
    t.add(docs(plan_document("un", "HMP Chelmsford", nullptr, nullptr), {action}));
    t.add(docs(review_document("irp", "HMP Chelmsford", "2021-08", "2022-08"),
               {judgement("irp", "1.34", "Security", "good"),
                judgement("irp", "1.41", "Security and safety", "insufficient")}));
    auto links = t.links();
    REQUIRE(links.size() == 1);
    CHECK(links[0]["followup"]["ref"] == "1.34");
    REQUIRE(links[0]["warnings"].size() == 1);
    CHECK(links[0]["warnings"][0]["message"] ==
          "joined to irp 1.34 (score 1.00); also close in wording: irp 1.41 (score 1.00)");
}

TEST_CASE("a broken rules file is an error with its line") {
    test::TempDir dir("track-broken");
    std::string path = (dir.path() / "rules.toml").string();
    std::ofstream(path) << "[track]\nthreshold = 7\nmargin = 0.1\n";
    auto r = load_rules(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().describe() == path + ":2: threshold must be a number from 0 to 1");
}

TEST_CASE("records without their document record are named, not tracked") {
    Tracker t(rules());
    t.add(docs(nullptr, {recommendation("plan", "7.1", "1.42", "Violence.")}));
    CHECK(t.links().empty());
    REQUIRE(t.notes().size() == 1);
    CHECK(t.notes()[0].describe() ==
          "plan.txt:10: no-document: records without their document record (its establishment "
          "and dates) are not tracked");
}
