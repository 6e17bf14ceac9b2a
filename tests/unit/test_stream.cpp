#include "inspex/stream.hpp"

#include "support.hpp"

#include <algorithm>

using namespace inspex;

namespace {

// Numbers (N), dates (D), numbered actions (A), capitalised phrases (O), other text (T).
StreamSpec spec() {
    StreamSpec s;
    s.start = test::re("^Due$");
    s.classes = {{'N', test::re("^\\d+$")},
                 {'D', test::re("^(?:May|June) 20\\d\\d$")},
                 {'A', test::re("^[ivx]+\\) ")},
                 {'O', test::re("^[A-Z][a-z]+(?: [A-Z][a-z]+)*$")}};
    s.parts = {"action", "owner", "due"};
    s.rules = {{test::re("\\G(?<theme>[OT])(?=N)"), true},
               {test::re("\\G(?<number>N)(?<title>[OT])"), true},
               {test::re("\\G(?<action>[AT][ATO]*?)(?<owner>O+)(?<due>D)"), false}};
    return s;
}

} // namespace

TEST_CASE("stream: context rules set values that later items carry") {
    StreamSpec s = spec();
    auto r = StreamLayout(s).run(
        test::lines({"Header", "Due", "Safety Work", "\t1", "\tFirst Title", "i) do this.", "",
                     "Board", "May 2022", "ii) and that.", "Chair And", "Board", "June 2022"}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].context.at("theme") == "Safety Work");
    CHECK(r.items[0].context.at("number") == "1");
    CHECK(r.items[0].context.at("title") == "First Title");
    CHECK(r.items[0].parts[0].front().text == "i) do this.");
    CHECK(r.items[0].parts[2].front().line == 9);
    CHECK(r.items[0].first_line == 6);
    CHECK(r.items[0].last_line == 9);
    REQUIRE(r.items[1].parts[1].size() == 2); // an owner over two lines
    CHECK(r.items[1].parts[1][1].text == "Board");
    CHECK(r.warnings.empty());
}

TEST_CASE("stream: an action's text may run over many lines, owner-like ones included") {
    StreamSpec s = spec();
    auto r = StreamLayout(s).run(test::lines({"Due", "2", "Title", "Text starts here.",
                                              "Some Heading", "more text.", "Board", "May 2022"}));
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].parts[0].size() == 3);
    CHECK(r.items[0].context.at("number") == "2");
}

TEST_CASE("stream: a continuing rule adds its parts to the item before") {
    StreamSpec s = spec();
    // The action's second paragraph comes after its owner and date, as text
    // laid out by position writes a row: its first line holds all its cells.
    s.rules.insert(s.rules.begin() + 2,
                   StreamRule{test::re("\\G(?<action>T+)(?=A|$)"), false, true});
    auto r =
        StreamLayout(s).run(test::lines({"Due", "4", "Title", "i) do this.", "Board", "May 2022",
                                         "then this.", "ii) and that.", "Board", "June 2022"}));
    REQUIRE(r.items.size() == 2);
    REQUIRE(r.items[0].parts[0].size() == 2);
    CHECK(r.items[0].parts[0][1].text == "then this.");
    CHECK(r.items[0].last_line == 7);
    CHECK(r.items[1].parts[0].front().text == "ii) and that.");
    CHECK(r.warnings.empty());
}

TEST_CASE("stream: lines no rule explains become warnings, and the rest goes on") {
    StreamSpec s = spec();
    auto r = StreamLayout(s).run(
        test::lines({"Due", "May 2022", "3", "Title", "i) act.", "Board", "June 2022"}));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "unplaced-line");
    CHECK(r.warnings[0].first_line == 2);
    CHECK(r.items.size() == 1);
}

TEST_CASE("stream: without its start line nothing is read") {
    StreamSpec s = spec();
    auto r = StreamLayout(s).run(test::lines({"1", "Title", "i) act.", "Board", "May 2022"}));
    CHECK(r.items.empty());
    CHECK(r.start_line == 0);
}

TEST_CASE("stream: a split rule gives the cells a line runs together") {
    StreamSpec s = spec();
    s.split = {test::re("^(?<number>\\d+) (?<title>[A-Z][a-z]+) (?<action>[ivx]+\\) .*)$"),
               test::re("^(?<owner>[A-Z][a-z]+) (?<due>(?:May|June) 20\\d\\d)$")};
    auto r =
        StreamLayout(s).run(test::lines({"Due", "Safety", "1 Title i) do this.", "Board May 2022",
                                         "ii) and that.", "Chair June 2022"}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].context.at("number") == "1");
    CHECK(r.items[0].context.at("title") == "Title");
    CHECK(r.items[0].parts[0].front().text == "i) do this.");
    CHECK(r.items[0].parts[1].front().text == "Board");
    CHECK(r.items[0].parts[2].front().text == "May 2022");
    CHECK(r.items[1].parts[1].front().text == "Chair");
    // Without the rules the same lines give no item.
    s.split.clear();
    CHECK(StreamLayout(s)
              .run(test::lines({"Due", "Safety", "1 Title i) do this.", "Board May 2022"}))
              .items.empty());
}

TEST_CASE("stream: a group inside a split rule's cell is not a cell of its own") {
    StreamSpec s = spec();
    s.split = {test::re("^(?<owner>[A-Z][a-z]+) (?<due>(?<month>May|June) (?<year>20\\d\\d))$")};
    auto r = StreamLayout(s).run(test::lines({"Due", "1", "Title", "i) do this.", "Board May 2022",
                                              "ii) and that.", "Chair June 2022"}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].parts[1].front().text == "Board");
    REQUIRE(r.items[0].parts[2].size() == 1);
    CHECK(r.items[0].parts[2].front().text == "May 2022");
    CHECK(r.warnings.empty());
}

TEST_CASE("stream: skipped lines are left out (a header repeated on a new page)") {
    StreamSpec s = spec();
    s.skip = test::re("^No Priority Due$");
    auto r = StreamLayout(s).run(test::lines(
        {"Due", "1", "Title", "i) do this.", "No Priority Due", "more.", "Board", "May 2022"}));
    REQUIRE(r.items.size() == 1);
    REQUIRE(r.items[0].parts[0].size() == 2);
    CHECK(r.items[0].parts[0][1].text == "more.");
    CHECK(r.warnings.empty());
}

TEST_CASE("stream: a split at a page's foot cuts only a line the page's header follows") {
    StreamSpec s = spec();
    s.skip = test::re("^No Priority Due$");
    s.split_at_foot = {
        test::re("^(?<action>[ivx]+\\) .*?[a-z])\\s+(?<owner>[A-Z][a-z]+)\\s+(?<due>May 2022)$")};
    // The row's first line of each cell side by side, the rest after the header.
    auto lines = test::lines({"Due", "1", "Title", "i) review the Board May 2022",
                              "No Priority Due", "and more.", "ii) act.", "Chair", "June 2022"});
    auto r = StreamLayout(s).run(lines);
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].parts[0].front().text == "i) review the");
    CHECK(r.items[0].parts[1].front().text == "Board");
    CHECK(r.items[0].parts[2].front().text == "May 2022");
    // The same line inside a page is one cell: text, not a row's cells.
    lines[4].text = "then";
    r = StreamLayout(s).run(lines);
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].parts[0].front().text == "i) review the Board May 2022");
}

TEST_CASE("stream: of the cuts of a page's last line, the one whose cells are lines elsewhere") {
    StreamSpec s = spec();
    s.skip = test::re("^No Priority Due$");
    s.split_at_foot = {test::re("^(?<action>[ivx]+\\) .*?[a-z])\\s+(?<owner>[A-Z][a-z]+(?: "
                                "[A-Z][a-z]+)*)\\s+(?<due>May 2022)$")};
    auto lines = test::lines({"Due", "1", "Title", "i) act.", "Board", "May 2022",
                              "ii) review the Safety Board May 2022", "No Priority Due",
                              "and more.", "iii) act.", "Chair", "June 2022"});
    auto r = StreamLayout(s).run(lines);
    REQUIRE(r.items.size() == 3);
    // "Board" is a line of its own above: the owner is it, not "Safety Board".
    CHECK(r.items[1].parts[0].front().text == "ii) review the Safety");
    CHECK(r.items[1].parts[1].front().text == "Board");
    // Without such a line the shortest action is taken.
    lines[4].text = "Chair";
    r = StreamLayout(s).run(lines);
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[1].parts[1].front().text == "Safety Board");
}

TEST_CASE("stream: a rule's first_line pattern must match the first line it takes") {
    StreamSpec s = spec();
    // Text after an item's date goes on with its action only where it goes on
    // inside a sentence (a small letter).
    StreamRule going_on{test::re("\\G(?<action>T+)(?=A|$)"), false, true};
    going_on.first_line = test::re("^\\p{Ll}");
    s.rules.insert(s.rules.begin() + 2, going_on);
    auto r = StreamLayout(s).run(test::lines(
        {"Due", "4", "Title", "i) do this", "Board", "May 2022", "and this.", "ii) act.", "Chair",
         "June 2022", "Then this.", "iii) act.", "Chair", "June 2022"}));
    REQUIRE(r.items.size() == 3);
    REQUIRE(r.items[0].parts[0].size() == 2);
    CHECK(r.items[0].parts[0][1].text == "and this.");
    // "Then this." begins a sentence: the continuing rule does not take it,
    // and the item rule takes it with the action after it.
    CHECK(r.items[1].parts[0].size() == 1);
    CHECK(r.items[2].parts[0].front().text == "Then this.");
}

TEST_CASE("stream: a trace gives each line its class, the rule and part that took it, or why not") {
    StreamSpec s = spec();
    std::vector<TraceEntry> trace;
    TraceSink sink = [&](const TraceEntry &e) { trace.push_back(e); };
    auto lines = test::lines(
        {"Header", "Due", "3", "Title", "i) act.", "", "Board", "May 2022", "June 2022"});
    auto r = StreamLayout(s).run(lines, &sink);
    std::stable_sort(trace.begin(), trace.end(),
                     [](const TraceEntry &a, const TraceEntry &b) { return a.line < b.line; });
    REQUIRE(r.items.size() == 1);
    CHECK(r.items.size() == StreamLayout(s).run(lines).items.size());
    REQUIRE(trace.size() == 9);
    CHECK(trace[0].cls == "outside");
    CHECK(trace[1].left_out == "before the start (the start line or above)");
    CHECK(trace[2].line == 3);
    CHECK(trace[2].cls == "class N (test:0)");
    CHECK(trace[2].taken_by == "context rule at test:0, value number");
    CHECK(trace[4].taken_by == "rule at test:0, part action");
    CHECK(trace[5].cls == "blank");
    CHECK(trace[6].taken_by == "rule at test:0, part owner");
    CHECK(trace[8].line == 9);
    CHECK(trace[8].taken_by.empty());
    CHECK(trace[8].left_out == "no rule matched");
}
