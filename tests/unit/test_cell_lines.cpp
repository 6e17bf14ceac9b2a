// Recovering a table written one cell paragraph a line, rows not marked.
#include "support.hpp"

#include "inspex/layout/cell_lines.hpp"
#include "inspex/model/text_view.hpp"

using namespace inspex;

namespace {

TableSpec spec() {
    TableSpec s;
    s.header_min = 3;
    s.end = test::re("^Totals$");
    s.columns = {{"ref", "ref", test::re("^\\d\\.\\d{1,2}$"), test::re("^No$")},
                 {"text", "text", nullptr, test::re("^Text$")},
                 {"status", "status", test::re("^(?:Yes|No)$"), test::re("^Ok$")},
                 {"reply", "reply", nullptr, test::re("^Reply$")},
                 {"date", "date", test::re("^(?:May|June) 20\\d\\d$"), test::re("^When$")}};
    s.has_heading = true;
    s.heading.column = 1;
    s.heading.pattern = test::re("^[A-Z][a-z ]+$");
    return s;
}

// The table with an owner column ("Who") before the date, its values
// capitalised words.
TableSpec spec_with_owners() {
    TableSpec s = spec();
    s.columns.insert(s.columns.begin() + 4,
                     {"who", "who", test::re("^[A-Z]\\w*(?: [A-Z]\\w*)*$"), test::re("^Who$")});
    return s;
}

} // namespace

TEST_CASE("cell lines: each line goes to the column it fits, in the header's order") {
    TableSpec s = spec();
    Document doc = text_document("Intro\nNo\nText\nOk\nReply\nWhen\nDaily life\n1.1\nFirst "
                                 "part\nsecond part\nYes\nWe will.\nAnd more.\nMay 2022\nJune "
                                 "2022\n1.2\nOther\nNo\nNot now.\nMay 2022\nTotals\n");
    CHECK(recover_cell_lines(doc, s) == 1);
    CHECK(test::view(doc) ==
          std::vector<std::string>{"Intro", "No\tText\tOk\tReply\tWhen", "", "", "", "",
                                   "\tDaily life\t\t\t", "1.1\t\t\t\t",
                                   // Lines wrapped at a page's width: a
                                   // cell's lines are one paragraph.
                                   "\tFirst part second part\t\t\t", "", "\t\tYes\t\t",
                                   "\t\t\tWe will. And more.\t", "", "\t\t\t\tMay 2022 June 2022",
                                   "", "1.2\t\t\t\t", "\tOther\t\t\t", "\t\tNo\t\t",
                                   "\t\t\tNot now.\t", "\t\t\t\tMay 2022", "Totals"});
}

TEST_CASE("cell lines: a paragraph a line keeps a shaped cell's lines apart") {
    TableSpec s = spec();
    Document doc =
        text_document("No\nText\nOk\nReply\nWhen\n1.1\nA\nYes\nB\nMay 2022\nJune 2022\n");
    doc.paragraph_lines = true;
    REQUIRE(recover_cell_lines(doc, s) == 1);
    CHECK(test::view(doc)[9] == "\t\t\t\tMay 2022");
    CHECK(test::view(doc)[10] == "\t\t\t\tJune 2022");
}

TEST_CASE("cell lines: a heading between rows becomes a heading row") {
    TableSpec s = spec();
    Document doc = text_document("No\nText\nOk\nReply\nWhen\n1.1\nA\nYes\nB\nMay 2022\nNext "
                                 "part\n1.2\nC\nNo\nD\nMay 2022\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    CHECK(test::view(doc)[10] == "\tNext part\t\t\t");
    CHECK(test::view(doc)[11] == "1.2\t\t\t\t");
}

TEST_CASE("cell lines: a header in another order keeps the text's order of columns") {
    TableSpec s = spec();
    Document doc = text_document("When\nNo\nText\n\nMay 2022\n1.1\nWords\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    CHECK(test::view(doc)[0] == "When\tNo\tText");
    // The date precedes the row's number in this order: it begins no row and is
    // given to the date column of the row before (here none: left in place).
    CHECK(test::view(doc)[5] == "\t1.1\t");
    CHECK(test::view(doc)[6] == "\t\tWords");
}

TEST_CASE("cell lines: fewer labels than header_min, or tab-separated text, is left alone") {
    TableSpec s = spec();
    Document doc = text_document("No\nText\n1.1\nA\n");
    CHECK(recover_cell_lines(doc, s) == 0);
    CHECK(test::view(doc) == std::vector<std::string>{"No", "Text", "1.1", "A"});
    Document tabbed = text_document("No\tText\tOk\n1.1\tA\tYes\n");
    CHECK(recover_cell_lines(tabbed, s) == 0);
}

TEST_CASE("cell lines: a header whose labels share lines, and short cells glued to the next") {
    TableSpec s = spec();
    // As pdftotext -raw writes a table: the header run over two lines, a row's
    // number and status on the line of the cell after them.
    Document doc = text_document("No Text\nOk Reply When\n1.1 First part\nsecond part\nYes We "
                                 "will.\nAnd more.\nMay 2022\n1.2 Other\nNo Not now.\nJune "
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    CHECK(test::view(doc) == std::vector<std::string>{"No\tText\tOk\tReply\tWhen", "",
                                                      // The lines after a glued cell go on in it.
                                                      "1.1\tFirst part second part\t\t\t", "",
                                                      "\t\tYes\tWe will. And more.\t", "",
                                                      "\t\t\t\tMay 2022", "1.2\tOther\t\t\t",
                                                      "\t\tNo\tNot now.\t", "\t\t\t\tJune 2022",
                                                      "Totals"});
}

TEST_CASE("cell lines: a header run onto one line; a line that only looks glued stays whole") {
    TableSpec s = spec();
    Document doc = text_document("No Text Ok Reply When\n1.1\nNo more than this.\nYes\nMay 2022\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[0] == "No\tText\tOk\tReply\tWhen");
    CHECK(lines[1] == "1.1\t\t\t\t");
    // "No" fits the status column, but the row has its text yet to come: the
    // line is the text, not a status glued to a reply.
    CHECK(lines[2] == "\tNo more than this.\t\t\t");
    CHECK(lines[3] == "\t\tYes\t\t");
}

TEST_CASE("cell lines: words that name no column are no header") {
    TableSpec s = spec();
    Document doc = text_document("No Text Something\nElse Entirely\n1.1\nA\n");
    CHECK(recover_cell_lines(doc, s) == 0);
}

TEST_CASE("cell lines: wrapped text goes to the column whose width it fits, headings between "
          "rows stay headings") {
    TableSpec s = spec();
    Document doc = text_document("No\nText\nOk\nReply\nWhen\n"
                                 "1.1\nShort words of the\nfirst row text.\nYes\n"
                                 "A reply that is written much wider\nthan the text column.\n"
                                 "May 2022\n"
                                 "1.2\nThe second row has\ntext that goes on\nYes\n"
                                 "Its reply starts here and goes on\n"
                                 "No\nText\nOk\nReply\nWhen\n"
                                 "Goes on over page\nhere.\n"
                                 "and the reply goes on over the page\nto its end.\n"
                                 "May 2022\n"
                                 "1.3\nA third row.\nYes\nAll done.\nDaily life\n"
                                 "1.4\nLast.\nYes\nDone.\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    auto has = [&](const std::string &line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    // The page's first lines fit the text column's width (one that could be
    // a heading goes on from the row above); the next is too wide for it.
    CHECK(has("\tGoes on over page here.\t\t\t"));
    CHECK(has("\t\t\tand the reply goes on over the page to its end.\t"));
    // After a cell ending its sentence, a heading above the next row.
    CHECK(has("\t\t\tAll done.\t"));
    CHECK(has("\tDaily life\t\t\t"));
}

TEST_CASE("cell lines: a header band names as many columns as it can") {
    TableSpec s = spec();
    // A label loose enough to take the words after it ("Responsible ...").
    s.columns[3].header = test::re("^Reply\\b.{0,30}$");
    Document doc = text_document("No Text Ok\nReply\nWhen\nwords left over.\n1.1 First\nYes "
                                 "Fine.\nMay 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines.front() == "No\tText\tOk\tReply\tWhen");
}

TEST_CASE("cell lines: a short cell wrapped over two lines is one cell") {
    TableSpec s = spec();
    Document doc = text_document("No\nText\nOk\nReply\nWhen\n1.1\nSome text.\nYes\nA reply.\nMay\n"
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tMay 2022") != lines.end());
}

TEST_CASE("cell lines: a heading never begins inside a sentence of wrapped text") {
    TableSpec s = spec();
    s.columns.insert(s.columns.begin() + 4,
                     {"who", "who", test::re("^[A-Z]\\w*(?:,? [A-Z]\\w*)*$"), test::re("^Who$")});
    s.heading.pattern = test::re("^[A-Z][\\w ,]+$");
    // "Forms, NOMIS" could be an owner or a heading, but the line above goes on.
    Document doc = text_document("No\nText\nOk\nReply\nWho\nWhen\n1.1\nSome text.\nYes\nA reply "
                                 "on data (from\nForms, NOMIS\nrecords and more).\nGovernor\nMay "
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tForms, NOMIS\t\t\t\t") == lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\tForms, NOMIS records and more).\t\t") !=
          lines.end());
}

TEST_CASE("cell lines: in wrapped text, headings are between rows, never inside one") {
    TableSpec s = spec_with_owners();
    // "An aside" inside the row's text is the cell's own paragraph; "Security",
    // shaped like an owner, follows a row ended by its owner and date.
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 The first part.\nAn aside\nThe "
                                 "rest.\nYes Fine.\nGovernor May 2022\nSecurity\n1.2 Other.\nYes "
                                 "Done.\nGovernor June 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    REQUIRE(doc.blocks[2].is_table());
    CHECK(doc.blocks[2].rows[0].cells[1].paragraphs ==
          std::vector<std::string>{"The first part.", "An aside The rest."});
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tSecurity\t\t\t\t") != lines.end());
}

TEST_CASE("cell lines: a value wrapped over two lines whose second line fits alone is one") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^(?:Partly )?Yes$");
    Document doc = text_document("No\nText\nOk\nReply\nWhen\n1.1\nSome text.\nPartly\nYes\nA "
                                 "reply.\nMay 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\tPartly Yes\t\t") != lines.end());
}

TEST_CASE("cell lines: a heading wrapped over two lines between rows, its end like an owner") {
    TableSpec s = spec_with_owners();
    s.heading.pattern = test::re("^[A-Z][\\w ]+$");
    s.heading.runs_on = test::re("\\bthe$");
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 First.\nYes Fine.\nIt is "
                                 "done.\nReplies to the\nGovernor\n1.2 Other.\nYes Done.\nGovernor "
                                 "June 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tReplies to the\t\t\t\t") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\tGovernor\t\t\t\t") != lines.end());
}

TEST_CASE("cell lines: a line holding a row's cells side by side is cut into them") {
    TableSpec s = spec();
    // pdftotext -raw at a page's foot: a row's first lines on one line.
    Document doc = text_document("No Text Ok\nReply When\n1.1 First words.\nYes A reply.\nMay "
                                 "2022\n1.2 Some row text Yes Its reply begins here June "
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(),
                    "1.2\tSome row text\tYes\tIts reply begins here\tJune 2022") != lines.end());
}

TEST_CASE("cell lines: after a page break a line beginning a small letter goes on from the "
          "unfinished cell") {
    TableSpec s = spec();
    Document doc = text_document("No Text Ok\nReply When\n1.1 Row text. (2.43)\nYes The reply is "
                                 "not\nNo Text Ok\nReply When\nfinished here.\nMay 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    // (The row's text ended with its reference in brackets: finished.)
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\tfinished here.\t") != lines.end());
}

TEST_CASE("cell lines: after a page break, a small letter goes on from the cell still unfinished, "
          "not from one the line above ended") {
    // Both the text and the reply go on after the page's header: the text
    // ends first ("... here. (2.43)"); "finished here." is the reply's.
    TableSpec s = spec();
    Document doc =
        text_document("No Text Ok\nReply When\n1.1 Row text that goes\nYes The reply is "
                      "not\nNo Text Ok\nReply When\non here. (2.43)\nfinished here.\nMay "
                      "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\ton here. (2.43)\t\t\t") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\tfinished here.\t") != lines.end());
}

TEST_CASE("cell lines: after a page break, a line may end one unfinished cell and go on in the "
          "next") {
    // The text's end and its reference, then the reply's next words, on one line.
    TableSpec s = spec();
    Document doc = text_document("No Text Ok\nReply When\n1.1 Row text that goes\nYes The reply is "
                                 "not\nNo Text Ok\nReply When\non here. (2.43) finished here.\nMay "
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\ton here. (2.43)\t\tfinished here.\t") !=
          lines.end());
    // With the row's text finished before the page break, the line is the reply's.
    doc = text_document("No Text Ok\nReply When\n1.1 Row text. (2.40)\nYes The reply is "
                        "not\nNo Text Ok\nReply When\non here. (2.43) finished here.\nMay "
                        "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\ton here. (2.43) finished here.\t") !=
          lines.end());
}

TEST_CASE("cell lines: a bracket closing inside a sentence leaves the cell unfinished") {
    // The text ends "(2.43)" after its sentence; the reply "(OMiC)" inside
    // one: after the page break the reply goes on.
    TableSpec s = spec();
    Document doc = text_document("No Text Ok\nReply When\n1.1 Row text. (2.43)\nYes The reply in "
                                 "Custody (OMiC)\nNo Text Ok\nReply When\nwill go on here.\nMay "
                                 "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\twill go on here.\t") != lines.end());
}

TEST_CASE("cell lines: a short cell glued to the first line of a wrapped value") {
    // At a larger font the date wraps, its first line glued to the owner:
    // "Governor May" / "2022".
    TableSpec s = spec();
    s.columns.insert(s.columns.begin() + 4,
                     {"owner", "owner", test::re("^Governor$"), test::re("^Who$")});
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 First part\nYes We will.\n"
                                 "Governor May\n2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tGovernor\tMay 2022") != lines.end());
}

TEST_CASE("cell lines: a date cut by a page break is no heading; one before a row's number is") {
    TableSpec s = spec();
    Document doc = text_document(
        "No Text Ok\nReply When\n1.1 First row text.\nYes The reply.\nMay 2022\nJune\n"
        "No Text Ok\nReply When\nand goes on.\n1.2 Other\nNo Not now.\nJune "
        "2022\nSafety\nNo Text Ok\nReply When\n1.3 Third\nYes Done.\nMay "
        "2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 3);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tJune\t\t\t") == lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\tSafety\t\t\t") != lines.end());
}

TEST_CASE("cell lines: a paragraph a line: empty lines are empty cells, past the last a sub-row") {
    // Row 1.1 in two sub-rows: the number, text and status merged down, so
    // three empty lines before the second reply; row 1.2 has no status.
    TableSpec s = spec();
    Document doc = text_document("No\nText\nOk\nReply\nWhen\n1.1\nThe text.\nYes\nFirst reply.\n"
                                 "May 2022\n\n\n\nSecond reply.\nJune 2022\n1.2\nOther text.\n\n"
                                 "Its reply.\nMay 2022\n");
    doc.paragraph_lines = true;
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(lines[13] == "\t\t\tSecond reply.\t");
    CHECK(lines[14] == "\t\t\t\tJune 2022");
    CHECK(lines[18] == "\t\t\tIts reply.\t");
}

TEST_CASE("cell lines: after a row's last column, a sentence begins the row's next sub-row") {
    // pdftotext -raw of a row in two sub-rows: the second reply after the
    // first date, then its own date.
    TableSpec s = spec();
    Document doc = text_document("No Text Ok\nReply When\n1.1 First row text.\nYes The first "
                                 "reply.\nMay 2022\nThe second reply.\nJune 2022\n1.2 Other\nNo "
                                 "Not now.\nJune 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\tThe second reply.\t") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tJune 2022") != lines.end());
}

TEST_CASE("cell lines: a heading cut by a page's header is ended by the line after it") {
    TableSpec s = spec();
    s.heading.runs_on = test::re("\\bto$");
    Document doc =
        text_document("No Text Ok\nReply When\n1.1 First row text.\nYes Done.\nMay "
                      "2022\nRows directed to\nNo Text Ok\nReply When\nthe governor\n1.2 "
                      "Other\nNo Not now.\nJune 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tRows directed to the governor\t\t\t") !=
          lines.end());
}

TEST_CASE("cell lines: a heading between rows wrapped before a small word is all heading") {
    TableSpec s = spec();
    s.heading.runs_on = test::re("\\bto$");
    Document doc = text_document("No Text Ok\nReply When\n1.1 First row text.\nYes Done.\nMay "
                                 "2022\nRows directed to\nthe governor\n1.2 Other\nNo Not "
                                 "now.\nJune 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tRows directed to\t\t\t") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\tthe governor\t\t\t") != lines.end());
}

TEST_CASE("cell lines: after a page break, a row dated before it ends at a heading, not an owner") {
    // pdftotext -raw: row 1.1 had its owner and date before the page's header,
    // its reply goes on after it; "Safety" is then the next rows' heading.
    // A line holding an owner and a date is never a heading.
    TableSpec s = spec_with_owners();
    s.heading.pattern = test::re("^[A-Z][\\w ]+$");
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 First.\nYes It is\nGovernor "
                                 "May 2022\nNo Text Ok\nReply Who When\ndone.\nSafety\n1.2 "
                                 "Other.\nYes Its reply.\nGovernor May 2022\nNo Text Ok\nReply "
                                 "Who When\nThe second reply.\nGovernor June 2022\n1.3 "
                                 "Last.\nYes Done.\nGovernor June 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 3);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\tSafety\t\t\t\t") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tSafety\t") == lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\tGovernor June 2022\t\t\t\t") == lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tGovernor\tJune 2022") != lines.end());
}

TEST_CASE("cell lines: cutting a row's cells side by side, owners the document writes alone win") {
    // "Prisoner Director" and "Director" could both end the reply as an owner;
    // the document writes "Director" as a line of its own elsewhere.
    TableSpec s = spec_with_owners();
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 First words.\nYes A reply.\n"
                                 "Director\nMay 2022\n1.2 Some row text Yes Its reply tells the "
                                 "Prisoner Director June 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 1);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(),
                    "1.2\tSome row text\tYes\tIts reply tells the Prisoner\tDirector\tJune 2022") !=
          lines.end());
}

TEST_CASE(
    "cell lines: a row's cells side by side before a page's header may end in a value's start") {
    // pdftotext -raw at a page's foot: the date's month ends the line, its
    // year comes after the next page's header.
    TableSpec s = spec();
    Document doc = text_document("No Text Ok\nReply When\n1.1 First words.\nYes A reply.\nMay "
                                 "2022\n1.2 Some row text Yes Its reply begins here June\nNo "
                                 "Text Ok\nReply When\n2022\n1.3 Last.\nNo Done.\nMay 2022\n"
                                 "Totals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(),
                    "1.2\tSome row text\tYes\tIts reply begins here\tJune") != lines.end());
}

TEST_CASE("cell lines: an owner and a date's start before a page's header are two cells") {
    TableSpec s = spec_with_owners();
    Document doc = text_document("No Text Ok\nReply Who When\n1.1 First.\nYes A reply that\ngoes "
                                 "on.\nGovernor June\nNo Text Ok\nReply Who When\n2022\n1.2 "
                                 "Other.\nYes Done.\nDirector May 2022\nTotals\n");
    REQUIRE(recover_cell_lines(doc, s) == 2);
    std::vector<std::string> lines = test::view(doc);
    CHECK(std::find(lines.begin(), lines.end(), "\t\t\t\tGovernor\tJune") != lines.end());
}
