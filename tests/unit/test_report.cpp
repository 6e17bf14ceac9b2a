#include "inspex/report/charts.hpp"
#include "inspex/report/escape.hpp"
#include "inspex/report/report.hpp"
#include "inspex/track/rules.hpp"

#include "support.hpp"

#include <sstream>

using namespace inspex;
using namespace inspex::report;

TEST_CASE("escape: the characters that end text or an attribute") {
    CHECK(escape("<b>Tom & Jerry's \"cat\"</b>") ==
          "&lt;b&gt;Tom &amp; Jerry&#39;s &quot;cat&quot;&lt;/b&gt;");
    CHECK(escape("plain £ text") == "plain £ text");
}

TEST_CASE("anchor: different texts, different ids, all safe in an href") {
    CHECK(anchor("irp-report-2022") == "irp-report-2022");
    CHECK(anchor("a b") == "a_20b");
    CHECK(anchor("a_b") == "a_5fb");
    CHECK(anchor("a b") != anchor("a_20b"));
    CHECK(anchor("\"><x") == "_22_3e_3cx");
}

TEST_CASE("shortened: after a word, never inside a character") {
    CHECK(shortened("short", 10) == "short");
    CHECK(shortened("Security: Mandatory Drugs Tests will recommence", 20) ==
          "Security: Mandatory…");
    // "££££": two bytes each; a cut at 3 bytes keeps one whole character.
    CHECK(shortened("££££", 3) == "£…");
}

TEST_CASE("charts: marks escaped, linked, one per date") {
    TimelineRow row{{"1 <x>", "#123456", "tip \"q\"", "#r-1", true}, {"2021-10", "2022-01"}, ""};
    std::string svg = timeline_svg({row}, {{"2022-08", "review"}}, "title & more");
    CHECK(svg.find("<svg") == 0);
    CHECK(svg.find("1 &lt;x&gt;") != std::string::npos);
    CHECK(svg.find("title &amp; more") != std::string::npos);
    CHECK(svg.find("<a href=\"#r-1\"><title>tip &quot;q&quot;</title>") != std::string::npos);
    std::size_t dots = 0;
    for (std::size_t at = svg.find("class=\"dot alert\""); at != std::string::npos;
         at = svg.find("class=\"dot alert\"", at + 1))
        ++dots;
    CHECK(dots == 2);
    CHECK(timeline_svg({}, {}, "empty").empty());
    std::string bars = bars_svg({{"Area", {{"1.33", "#abcdef", "tip", "#r"}}}}, "bars");
    CHECK(bars.find(">1.33</text>") != std::string::npos);
}

TEST_CASE("report: one page, nothing remote, a section per establishment") {
    auto rules = track::load_rules(test::source_path("grammars/track.toml"));
    REQUIRE(rules.ok());
    Archive a;
    DocumentRecords d;
    d.document = {{"kind", "document"}, {"doc", "p"}, {"establishment", "HMP Elmley"}};
    a.documents.push_back(d);
    d.document["doc"] = "q";
    d.document["establishment"] = "ELMLEY";
    a.documents.push_back(d);
    std::ostringstream out;
    write_report(out, a, rules.value());
    std::string html = out.str();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none';") !=
          std::string::npos);
    std::size_t section = html.find("<section class=\"place\" id=\"place-elmley\">");
    CHECK(section != std::string::npos);
    CHECK(html.find("<section class=\"place\"", section + 1) == std::string::npos);
}
