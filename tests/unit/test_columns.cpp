// Recovering tables laid out in columns by position (pdftotext -layout text,
// PDF words): the header band, its wrapped labels, the rows below.
#include "support.hpp"

#include "inspex/layout/columns.hpp"
#include "inspex/model/text_view.hpp"

#include <sstream>

using namespace inspex;

namespace {

TableSpec spec() {
    TableSpec s;
    s.header_min = 3;
    s.columns = {{"ref", "ref", test::re("^\\d\\.\\d{1,2}$"), test::re("^No\\.?$")},
                 {"text", "text", nullptr, test::re("^Text$")},
                 {"owner", "owner", nullptr,
                  test::re("^(?:Function\\s+Responsible.{0,30}|Policy\\s+Lead)$")},
                 {"date", "date", nullptr, test::re("^When$")}};
    return s;
}

// Aligned text as a PDF reader gives it: each line's words at their exact
// positions (6 points a character), not text laid out in character columns.
Document placed_document(const std::string &text) {
    Document doc;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        Block b = Block::paragraph(line);
        for (std::size_t i = 0; i < line.size();) {
            std::size_t end = line.find(' ', i);
            end = end == std::string::npos ? line.size() : end;
            if (end > i)
                b.words.push_back({line.substr(i, end - i), 6.0 * static_cast<double>(i),
                                   6.0 * static_cast<double>(end)});
            i = end + 1;
        }
        doc.blocks.push_back(std::move(b));
    }
    return doc;
}

} // namespace

TEST_CASE("columns: a label wrapped a paragraph gap below the header joins it") {
    Document doc = text_document("No.     Text             Function Responsible/   When\n"
                                 "\n"
                                 "                         Policy Lead\n"
                                 "1.1     First words      Governor                May 2022\n"
                                 "        more words\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[0] == "No.\tText\tFunction Responsible/ Policy Lead\tWhen");
    CHECK(lines[3] == "1.1\tFirst words more words\tGovernor\tMay 2022");
}

TEST_CASE("columns: a first row's line under the header is not taken for a wrapped label") {
    Document doc = text_document("No.     Text             Function Responsible/   When\n"
                                 "\n"
                                 "                         Governor\n"
                                 "1.1     First words      Governor                May 2022\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[0] == "No.\tText\tFunction Responsible/\tWhen");
    CHECK(lines[2] == "\t\tGovernor\t");
}

TEST_CASE("columns: in aligned text a free-text cell goes on until a sentence ends") {
    TableSpec s = spec();
    // "more" would have fitted on the line above by character count: a
    // proportional font measured otherwise. A line after a full stop begins
    // a new paragraph of the cell.
    Document doc = text_document("No.   Text                       Function Responsible/   When\n"
                                 "1.1   First words and                                  May 2022\n"
                                 "      more words.\n"
                                 "      Second paragraph.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"First words and more words."});
    REQUIRE(doc.blocks[3].is_table());
    CHECK(doc.blocks[3].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"Second paragraph."});
}

TEST_CASE("columns: a one-paragraph column's lines always join") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*$");
    Document shaped = text_document("No.   Text       Function Responsible/   When\n"
                                    "1.1   Words.     Head                    May 2022\n"
                                    "                 Governor\n");
    REQUIRE(recover_aligned_tables(shaped, s) == 1);
    CHECK(shaped.blocks[1].rows[0].cells[2].paragraphs == std::vector<std::string>{"Head"});
    s.columns[2].one_paragraph = true;
    Document joined = text_document("No.   Text       Function Responsible/   When\n"
                                    "1.1   Words.     Head                    May 2022\n"
                                    "                 Governor\n");
    REQUIRE(recover_aligned_tables(joined, s) == 1);
    CHECK(joined.blocks[1].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"Head Governor"});
}

TEST_CASE("columns: a short value wrapped over two lines is one, a line of the next column "
          "between them") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*(?: and [A-Z]\\w*)?$");
    s.columns[3].fits = test::re("^(?:May|June) 2022$");
    Document doc = text_document("No.   Text       Function Responsible/   When\n"
                                 "1.1   Words.     Chief Executive         May 2022\n"
                                 "                 and Governor\n"
                                 "                 Chief Executive\n"
                                 "                                         June 2022\n"
                                 "                 and Governor\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"Chief Executive and Governor"});
    REQUIRE(doc.blocks[3].is_table());
    CHECK(doc.blocks[3].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"Chief Executive and Governor"});
}

TEST_CASE("columns: a value whose first line alone is unfinished takes its second") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?:/[A-Z]\\w*)*$");
    Document doc = text_document("No.   Text       Function Responsible/   When\n"
                                 "1.1   Words.     Governor/               May 2022\n"
                                 "                 Oxleas\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs == std::vector<std::string>{"Governor/Oxleas"});
}

TEST_CASE("columns: on a row's first line a value may sit further left of its label") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^Governor$");
    // "Governor" begins 11 characters left of its label: taken on the row's
    // first line, where its column is empty.
    Document doc =
        text_document("No.   Text                      Function Responsible/   When\n"
                      "1.1   Leaders should Governor                           May 2022\n"
                      "      lead the work.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "1.1\tLeaders should lead the work.\tGovernor\tMay 2022");
}

TEST_CASE("columns: a value the column already had is taken near where the column began above") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*$");
    // The second line's last word begins 11 characters left of the label but
    // 6 left of the owner above it: taken when the column had it, clear of
    // other words, before; never a sentence's last capitalised word.
    auto second_line = [&](const std::string &last_word) {
        Document doc =
            text_document("No.   Text                      Function Responsible/   When\n"
                          "1.1   Leaders should act.  Director                    May 2022\n"
                          "      Then the works " +
                          last_word + "\n");
        REQUIRE(recover_aligned_tables(doc, s) == 1);
        return test::view(doc)[2];
    };
    CHECK(second_line("Director") == "\tThen the works\tDirector\t");
    CHECK(second_line("Security") == "\tThen the works Security\t\t");
}

TEST_CASE("columns: an unfinished value squeezed on a row's first line takes the next line's") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?:/[A-Z]\\w*)*$");
    // "Governor/" fits no owner alone; with "Weston", in the owner column on
    // the line below, it does.
    Document doc =
        text_document("No.   Text                      Function Responsible/   When\n"
                      "1.1   A new process in place Governor/                  May 2022\n"
                      "      to include it.            Weston\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"A new process in place to include it."});
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs == std::vector<std::string>{"Governor/Weston"});
}

TEST_CASE("columns: a tail that makes with the column's text a value it already had joins it") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*$");
    // "CEO Care" squeezed before "UK", which sits in the owner column: the
    // column had "CEO Care UK" clear of its neighbours on the first row.
    Document doc =
        text_document("No.   Text                      Function Responsible/   When\n"
                      "1.1   Words.                    CEO Care UK             May 2022\n"
                      "1.2   More words at the CEO Care UK                     May 2022\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    CHECK(test::view(doc)[2] == "1.2\tMore words at the\tCEO Care UK\tMay 2022");
}

TEST_CASE("columns: in a PDF a line going on gives the column a squeezed tail it already had") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*$");
    // Positions are exact: under the owner "Governor", a line's last word
    // left of the owner column is the owner's only if the column had it.
    auto second_line = [&](const std::string &line) {
        Document doc =
            placed_document("No.   Text                      Function Responsible/   When\n"
                            "1.1   Staff will act            Governor                May 2022\n" +
                            line + "\n");
        REQUIRE(recover_aligned_tables(doc, s) == 1);
        return test::view(doc)[2];
    };
    CHECK(second_line("      and the rest of it Governor") == "\tand the rest of it\tGovernor\t");
    CHECK(second_line("      on all the wards, Unit") == "\ton all the wards, Unit\t\t");
}

TEST_CASE("columns: words after a value, near the next column, begin its text") {
    TableSpec s;
    s.header_min = 3;
    s.columns = {{"ref", "ref", test::re("^\\d\\.\\d{1,2}$"), test::re("^No\\.?$")},
                 {"status", "status", test::re("^(?:Partly )?Agreed$"), test::re("^Status$")},
                 {"reply", "reply", nullptr, test::re("^Reply$")}};
    Document doc = text_document("No.   Status          Reply\n"
                                 "1.1   Partly Agreed This reply\n"
                                 "                      goes on.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "1.1\tPartly Agreed\tThis reply goes on.");
}

TEST_CASE("columns: words before a value, near its column's edge, end the text before it") {
    TableSpec s;
    s.header_min = 3;
    s.columns = {{"ref", "ref", test::re("^\\d\\.\\d{1,2}$"), test::re("^No\\.?$")},
                 {"text", "text", nullptr, test::re("^Text$")},
                 {"status", "status", test::re("^(?:Partly )?Agreed$"), test::re("^Status$")},
                 {"reply", "reply", nullptr, test::re("^Reply$")}};
    Document doc = text_document("No.   Text            Status     Reply\n"
                                 "1.1   Staff must act or Agreed     Fine.\n"
                                 "      alone.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "1.1\tStaff must act or alone.\tAgreed\tFine.");
}

TEST_CASE("columns: a page break splits a row's cell, and ends a heading") {
    // A row's text goes on below the header repeated on the next page; a
    // heading alone at a page's foot does not take the next page's first line.
    Document doc = text_document("No.   Text             Function Responsible/   When\n"
                                 "1.1   The row goes\n"
                                 "\fNo.   Text             Function Responsible/   When\n"
                                 "      on here.\n"
                                 "\n"
                                 "      Section Heading\n"
                                 "\fNo.   Text             Function Responsible/   When\n"
                                 "\n"
                                 "      Directed to staff\n"
                                 "\n"
                                 "1.2   Second row.\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = test::view(doc);
    std::vector<std::string> rows;
    for (const std::string &l : lines)
        if (l.find_first_not_of('\t') != std::string::npos && l.find("No.") == std::string::npos)
            rows.push_back(l);
    CHECK(rows == std::vector<std::string>{"1.1\tThe row goes on here.\t\t",
                                           "\tSection Heading\t\t", "\tDirected to staff\t\t",
                                           "1.2\tSecond row.\t\t"});
}

TEST_CASE("columns: a value wrapped over two lines and squeezed on both is its column's") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^(?:Partly )?Agreed$");
    s.columns[2].one_paragraph = true;
    // "Partly" fits the column only with "Agreed", the line below's last word.
    Document status = text_document("No.   Text                 Function Responsible/   When\n"
                                    "1.1   Staff should Partly                          May 2022\n"
                                    "      do the works Agreed\n");
    REQUIRE(recover_aligned_tables(status, s) == 1);
    CHECK(test::view(status)[1] == "1.1\tStaff should do the works\tPartly Agreed\tMay 2022");

    s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*$");
    s.columns[3].fits = test::re("^(?:May|December) 2022$");
    // "2022" fits the date column only after "December", its text above.
    Document date = text_document("No.   Text                 Function Responsible/   When\n"
                                  "1.1   Staff should act.    Governor         December\n"
                                  "                           Head             2022\n");
    REQUIRE(recover_aligned_tables(date, s) == 1);
    REQUIRE(date.blocks[1].is_table());
    CHECK(date.blocks[1].rows[0].cells[3].paragraphs == std::vector<std::string>{"December 2022"});
}

TEST_CASE("columns: a value's second line squeezed left of its column's edge, alone, is its") {
    TableSpec s = spec();
    s.columns[2].header = test::re("^Owner$");
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: (?:and|[A-Z]\\w*))*$");
    s.columns[3].fits = test::re("^(?:May|September) 2019$");
    // "2019" set nearer the date's edge than the owner's, "Commissioners"
    // squeezed left of the owner's edge on the same line (pdftotext -layout
    // at a large type size): the date's "September 2019", the owner's
    // "NHS England Commissioners and Head".
    Document doc = text_document("No.   Text                           Owner         When\n"
                                 "1.1   Staff should act on this,      NHS England September\n"
                                 "      report it and tell them. Commissioners 2019\n"
                                 "                                     and Head\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    CHECK(test::view(doc)[1] == "1.1\tStaff should act on this, report it and tell "
                                "them.\tNHS England Commissioners and Head\tSeptember 2019");
}

TEST_CASE("columns: a one-paragraph value squeezed against the column before is its own") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^(?:Partly )?Agreed$");
    s.columns[2].one_paragraph = true;
    Document doc = text_document("No.   Text                 Function Responsible/   When\n"
                                 "1.1   The first words of Partly Agreed            May 2022\n"
                                 "      the row's text.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"The first words of the row's text."});
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs == std::vector<std::string>{"Partly Agreed"});
}

TEST_CASE("columns: a cell begun a little left of its label, after a gutter, is that column's") {
    // The label is centred over its column; the cell's text begins at the
    // column's left edge, four characters before it.
    Document doc =
        text_document("No.   Text                          Function Responsible/   When\n"
                      "1.1   Words of the text         Governor and Head           May 2022\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    CHECK(test::view(doc)[1] == "1.1\tWords of the text\tGovernor and Head\tMay 2022");
}

TEST_CASE("columns: a cell squeezed against the column before begins where its next line does") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*,?$");
    s.columns[2].one_paragraph = true;
    // "Chief" lies left of the label, one space after the text; the cell's
    // next line shows where the column begins.
    Document doc = text_document("No.   Text                      Function Responsible/   When\n"
                                 "1.1   The words of the text Chief Executive,           May 2022\n"
                                 "      go on here.           Governor\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"Chief Executive, Governor"});
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"The words of the text go on here."});
}

TEST_CASE("columns: a word of its own shape is not pulled into a cell that holds text") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*$");
    s.columns[2].one_paragraph = true;
    // "Clinical" would make an owner, but so does the cell without it.
    Document doc =
        text_document("No.   Text                     Function Responsible/   When\n"
                      "1.1   The words of the Clinical NHSE                     May 2022\n"
                      "      group go on.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs == std::vector<std::string>{"NHSE"});
}

TEST_CASE("columns: an owner squeezed over two lines: its first words pulled, the next line "
          "begins where it began") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z]\\w*(?: (?:[A-Z]\\w*|and|of))*$");
    s.columns[2].one_paragraph = true;
    // "and Head of" is no owner alone: "Governor" before it completes it. On the
    // next line "Prison" begins where "Governor" began.
    Document doc =
        text_document("No.   Text                           Function Responsible/   When\n"
                      "1.1   The words of these texts Governor and Head of         May 2022\n"
                      "      go on with all of them, Prison Safety Team\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"Governor and Head of Prison Safety Team"});
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"The words of these texts go on with all of them,"});
}

TEST_CASE("columns: labels set one space apart in a full header are cut into their columns") {
    // Owner and date labels one space apart, the owner's wrapped below, and a
    // number label whose second word sits on the line below.
    Document doc = text_document("1. Rec 2. Text           Function Responsible/ When\n"
                                 "No.                      Policy Lead\n"
                                 "1.1    First words       Governor              May 2022\n");
    TableSpec s = spec();
    s.columns[0].header = test::re("^(?:\\d\\.\\s*)?Rec\\s+No\\.?$");
    s.columns[1].header = test::re("^(?:\\d\\.\\s*)?Text$");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[0] == "1. Rec No.\t2. Text\tFunction Responsible/ Policy Lead\tWhen");
    CHECK(lines[2] == "1.1\tFirst words\tGovernor\tMay 2022");
}

TEST_CASE("columns: a label naming a column whole is not cut where its parts name two") {
    // "Function Responsible/ Policy Lead": both parts name the owner column.
    Document doc = text_document("No.  Text       Function Responsible/ Policy Lead   When\n"
                                 "1.1  First      Governor                            May 2022\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[0] == "No.\tText\tFunction Responsible/ Policy Lead\tWhen");
}

TEST_CASE("columns: words that make the next column's text begin a row go to it") {
    // "i)" squeezed against the title's column with one space.
    TableSpec s = spec();
    s.columns[1].header = test::re("^Title$");
    s.columns.insert(s.columns.begin() + 2, {"text", "text", nullptr, test::re("^Text$")});
    s.columns[3].header = test::re("^Who$");
    s.columns[3].fits = test::re("^Governor$");
    s.key_column = 0;
    s.row_starts = {{2, test::re("^[ivx]+\\)\\s")}};
    Document doc = text_document("No.  Title        Text                    Who        When\n"
                                 "1.1  A Title i) The action's words.       Governor   May 2022\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    REQUIRE(doc.blocks[1].is_table());
    CHECK(doc.blocks[1].rows[0].cells[1].paragraphs == std::vector<std::string>{"A Title"});
    CHECK(doc.blocks[1].rows[0].cells[2].paragraphs ==
          std::vector<std::string>{"i) The action's words."});
}

TEST_CASE("columns: a one-value column's whole value takes no word from a line going on") {
    // "Force" ends the text's line one space from the owner column, under a
    // whole owner: it stays in the text.
    TableSpec s = spec();
    s.columns[2].fits = test::re("^[A-Z][a-z]+(?: [A-Z][a-z]+)*$");
    s.columns[2].one_paragraph = true;
    Document doc = text_document("No.   Text                 Function Responsible/   When\n"
                                 "1.1   A new Band 4 Use of  Governor                May 2022\n"
                                 "      Co-ordinator of Force\n"
                                 "      will be appointed.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] ==
          "1.1\tA new Band 4 Use of Co-ordinator of Force will be appointed.\tGovernor\tMay 2022");
}

TEST_CASE("columns: a merged cell's unfinished text goes on in the next row's line") {
    // A theme merged down over two rows, its last word beside the second.
    TableSpec s;
    s.header_min = 3;
    s.columns = {{"theme", "theme", nullptr, test::re("^Theme$")},
                 {"no", "no", test::re("^\\d$"), test::re("^No$")},
                 {"text", "text", nullptr, test::re("^Text$")}};
    s.key_column = 1;
    s.columns[0].goes_on_below = test::re("\\band$");
    Document doc = text_document("Theme         No   Text\n"
                                 "Reducing      1    First action.\n"
                                 "Reoffending and\n"
                                 "Resettlement  2    Second action.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "Reducing Reoffending and Resettlement\t1\tFirst action.");
    CHECK(lines[3] == "\t2\tSecond action.");
}

TEST_CASE(
    "columns: a value wrapped after its slash joins without a space, a spaced slash keeps it") {
    TableSpec s = spec();
    s.columns[2].one_paragraph = true;
    Document doc = text_document("No.   Text                 Function Responsible/   When\n"
                                 "1.1   Rotas /              Governor/               May 2022\n"
                                 "      shift patterns.      Prison Group Director\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "1.1\tRotas / shift patterns.\tGovernor/Prison Group Director\tMay 2022");
}

TEST_CASE("columns: a word beginning with a small letter does not begin a value") {
    // "not" ends the text's line one space from "Agreed": the text's word.
    TableSpec s = spec();
    s.columns[2].fits = test::re("(?i)^(?:(?:Partly|Not) )?Agreed$");
    s.columns[2].one_paragraph = true;
    Document doc = text_document("No.   Text                 Function Responsible/   When\n"
                                 "1.1   Prisoners did not  Agreed                  May 2022\n"
                                 "      receive it.\n");
    REQUIRE(recover_aligned_tables(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[1] == "1.1\tPrisoners did not receive it.\tAgreed\tMay 2022");
}
