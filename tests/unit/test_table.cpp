#include "inspex/table.hpp"

#include "support.hpp"

using namespace inspex;

namespace {

// A four-column table: number, text, a status word, a date.
TableSpec spec() {
    TableSpec s;
    s.start = test::re("^No\\t");
    s.end = test::re("^Totals");
    s.noise = test::re("^-$");
    s.columns = {{"ref", "ref", test::re("^(?:\\d{1,2}\\.\\d{1,3}|\\.\\d{1,3})$"), nullptr},
                 {"text", "text", nullptr, nullptr},
                 {"status", "status", test::re("^(?:Yes|No)$"), nullptr},
                 {"date", "date", test::re("^(?:(?:May|June) 20\\d\\d\\s*)+$"), nullptr}};
    s.key_column = 0;
    s.row_starts = {{1, test::re("^Item \\d")}};
    s.has_heading = true;
    s.heading.column = 1;
    s.heading.pattern = test::re("^[A-Z][a-z ]+$");
    s.heading.empty = {0, 2};
    s.heading.context = {test::re("^For (?<owner>.+)$"), test::re("^(?<section>.+)$")};
    return s;
}

std::vector<std::string> texts(const std::vector<Fragment> &fragments) {
    std::vector<std::string> out;
    for (const auto &f : fragments)
        out.push_back(f.text);
    return out;
}

} // namespace

TEST_CASE("table: rows start at a number; continuation lines join their columns") {
    TableSpec s = spec();
    auto t = TableLayout(s).run(
        test::lines({"intro", "No\tText\tOk\tWhen", "1.1\tFirst part\tYes\tMay 2022",
                     "\tsecond part\t\tJune 2022", "1.2\tOther\tNo\tMay 2022", "Totals"}));
    REQUIRE(t.items.size() == 2);
    CHECK(texts(t.items[0].parts[1]) == std::vector<std::string>{"First part", "second part"});
    CHECK(texts(t.items[0].parts[3]) == std::vector<std::string>{"May 2022", "June 2022"});
    CHECK(t.items[0].first_line == 3);
    CHECK(t.items[0].last_line == 4);
    CHECK(t.start_line == 2);
    CHECK(t.end_line == 6);
}

TEST_CASE("table: a short line's cells go to the columns their content fits") {
    TableSpec s = spec();
    TableLayout layout(s);
    // Status lost: number, text, date.
    CHECK(layout.place({"1.3", "Some text", "May 2022"}, {}) == std::vector<int>{0, 1, 3});
    // Number lost: text, status, date.
    CHECK(layout.place({"Item 4 text", "Yes", "May 2022"}, {}) == std::vector<int>{1, 2, 3});
    // A full line keeps its positions when they fit.
    CHECK(layout.place({"", "Yes", "", ""}, {}) == std::vector<int>{0, 1, 2, 3});
    // A cell that fits nowhere is left out (-1).
    auto garbage = layout.place({"", "text", "2001000.000", ""}, {});
    CHECK(garbage[1] == 1);
    CHECK(garbage[2] == -1);
}

TEST_CASE("table: on a tie, the previous line's placement wins") {
    TableSpec s = spec();
    TableLayout layout(s);
    std::vector<std::string> two{"", "words"};
    CHECK(layout.place(two, {}) == std::vector<int>{0, 1});
    s.columns[2].fits = nullptr; // a second free-text column makes the tie
    CHECK(layout.place(two, {1, 2}) == std::vector<int>{1, 2});
}

TEST_CASE("table: a lost row number still starts a row when the text says so") {
    TableSpec s = spec();
    auto t = TableLayout(s).run(
        test::lines({"No\tx", "1.1\tItem 1 text\tYes\tMay 2022", "Item 2 text\tNo\tJune 2022",
                     ".3\tItem 3\tYes\tMay 2022"}));
    REQUIRE(t.items.size() == 3);
    CHECK(t.items[1].parts[0].empty());
    CHECK(texts(t.items[2].parts[0]) == std::vector<std::string>{".3"});
}

TEST_CASE("table: headings set context and hand their other cells to the row above") {
    TableSpec s = spec();
    auto t =
        TableLayout(s).run(test::lines({"No\tx", "\tFor the board\t\t", "1.1\ta\tYes\tMay 2022",
                                        "\tDaily life\t\tJune 2022", "1.2\tb\tNo\tMay 2022"}));
    REQUIRE(t.items.size() == 2);
    CHECK(t.items[0].context.at("owner") == "the board");
    CHECK(t.items[0].context.count("section") == 0);
    CHECK(texts(t.items[0].parts[3]) == std::vector<std::string>{"May 2022", "June 2022"});
    CHECK(t.items[1].context.at("section") == "Daily life");
    CHECK(t.items[1].context.at("owner") == "the board");
}

TEST_CASE("table: a heading wrapped over two lines, the second beginning in small letters") {
    TableSpec s = spec();
    s.heading.runs_on = test::re("\\bto$");
    auto t =
        TableLayout(s).run(test::lines({"No\tx", "1.1\ta\tYes\tMay 2022", "\tItems directed to\t\t",
                                        "\tthe board\t\t", "1.2\tb\tNo\tMay 2022"}));
    REQUIRE(t.items.size() == 2);
    CHECK(t.items[1].context.at("section") == "Items directed to the board");
    CHECK(texts(t.items[0].parts[1]) == std::vector<std::string>{"a"});
}

TEST_CASE("table: unplaceable cells and text before the first row become warnings") {
    TableSpec s = spec();
    auto t = TableLayout(s).run(test::lines({"No\tx", "\tstray text\t\t", "1.1\ta\tYes\tMay 2022",
                                             "\tb\tgarbage\tJune 2022", "-\tc\t\t"}));
    REQUIRE(t.items.size() == 1);
    REQUIRE(t.warnings.size() == 1);
    CHECK(t.warnings[0].first_line == 2);
    REQUIRE(t.items[0].warnings.size() == 1);
    CHECK(t.items[0].warnings[0].code == "unplaced-cell");
    CHECK(t.items[0].warnings[0].message.find("garbage") != std::string::npos);
    CHECK(texts(t.items[0].parts[1]) == std::vector<std::string>{"a", "b", "c"}); // "-" is noise
}

TEST_CASE("table: no header line means no rows") {
    TableSpec s = spec();
    auto t = TableLayout(s).run(test::lines({"1.1\ta\tYes\tMay 2022"}));
    CHECK(t.items.empty());
    CHECK(t.start_line == 0);
}

namespace {

// The same table named by its header labels rather than a start line.
TableSpec labelled() {
    TableSpec s = spec();
    s.start = nullptr;
    s.header_min = 3;
    const char *headers[] = {"^(?:No|Ref)$", "^Text$", "^(?:Ok|Agreed)$", "^When$"};
    for (std::size_t c = 0; c < s.columns.size(); ++c)
        s.columns[c].header = test::re(headers[c]);
    return s;
}

} // namespace

TEST_CASE("table: a header naming the columns in another order gives them in the grammar's") {
    TableSpec s = labelled();
    auto t = TableLayout(s).run(test::lines(
        {"No\tthing", "When\tRef\tAgreed\tText", "May 2022\t1.1\tYes\tFirst", "\t\t\tmore"}));
    CHECK(t.start_line == 2);
    REQUIRE(t.items.size() == 1);
    CHECK(texts(t.items[0].parts[0]) == std::vector<std::string>{"1.1"});
    CHECK(texts(t.items[0].parts[1]) == std::vector<std::string>{"First", "more"});
    CHECK(texts(t.items[0].parts[2]) == std::vector<std::string>{"Yes"});
    CHECK(texts(t.items[0].parts[3]) == std::vector<std::string>{"May 2022"});
}

TEST_CASE("table: a header repeated on a new page is skipped, not read as a row") {
    TableSpec s = labelled();
    auto t = TableLayout(s).run(test::lines(
        {"No\tText\tOk\tWhen", "1.1\ta\tYes\tMay 2022", "No\tText\tOk\tWhen", "\tb\t\tJune 2022"}));
    REQUIRE(t.items.size() == 1);
    CHECK(texts(t.items[0].parts[1]) == std::vector<std::string>{"a", "b"});
    CHECK(t.items[0].warnings.empty());
}

TEST_CASE("table: fewer header labels than header_min is not a header") {
    TableSpec s = labelled();
    auto t = TableLayout(s).run(test::lines({"No\tText\tother\tthing", "1.1\ta\tYes\tMay 2022"}));
    CHECK(t.items.empty());
    CHECK(t.start_line == 0);
}

TEST_CASE("table: a heading merged across the row sits alone in its first cell") {
    TableSpec s = labelled();
    auto t = TableLayout(s).run(test::lines({"No\tText\tOk\tWhen", "Daily life\t\t\t",
                                             "1.1\ta\tYes\tMay 2022", "1.2\tb\tNo\tMay 2022"}));
    REQUIRE(t.items.size() == 2);
    CHECK(t.items[0].context.at("section") == "Daily life");
    CHECK(t.items[0].warnings.empty());
}

TEST_CASE("table: a trace says what became of each line, and the rows are the same") {
    TableSpec s = spec();
    std::vector<Line> lines =
        test::lines({"intro", "No\tText\tOk\tWhen", "\tFor the director\t\t",
                     "1.1\tFirst\tYes\tMay 2022", "", "\tmore\tMaybe\t", "Totals", "after"});
    std::vector<TraceEntry> trace;
    TraceSink sink = [&](const TraceEntry &e) { trace.push_back(e); };
    auto traced = TableLayout(s).run(lines, &sink);
    auto plain = TableLayout(s).run(lines);
    REQUIRE(traced.items.size() == plain.items.size());
    CHECK(texts(traced.items[0].parts[1]) == texts(plain.items[0].parts[1]));
    REQUIRE(trace.size() == 8);
    CHECK(trace[0].line == 1);
    CHECK(trace[0].cls == "outside");
    CHECK(trace[0].left_out == "before the table's header");
    CHECK(trace[1].cls == "header");
    CHECK(trace[2].cls == "heading");
    CHECK(trace[2].taken_by.find("context owner = \"the director\" (rule at test:0)") == 0);
    CHECK(trace[3].cls == "row");
    CHECK(trace[3].taken_by == "column ref, text, status, date");
    CHECK(trace[4].cls == "blank");
    CHECK(trace[5].cls == "continuation");
    CHECK(trace[5].taken_by == "column text");
    CHECK(trace[5].left_out == "cell \"Maybe\" fits no column (its position is column \"status\")");
    CHECK(trace[6].cls == "end");
    CHECK(trace[7].left_out == "after the table's end");
}

TEST_CASE("table: whether a table ends is read on past blank lines, not from each of them") {
    TableSpec s = spec();
    // A long cell leaves blank lines below its first (a cell is one line of the
    // model): asking at every line must not read the whole blank run each time.
    std::vector<std::string> lines(20000, "");
    lines.front() = "5.1\ttext";
    lines.back() = "Totals";
    std::size_t reads = 0;
    auto line = [&](std::size_t k) -> std::string_view {
        ++reads;
        return lines[k];
    };
    std::size_t ends = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        ends += ends_table(s, line, i, lines.size()) ? 1 : 0;
    CHECK(ends == 1); // at "Totals", not at the blank lines before it
    CHECK(reads < 4 * lines.size());
}
