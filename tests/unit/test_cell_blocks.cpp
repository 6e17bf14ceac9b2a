// Recovering a table from text in block reading order: cells as runs of
// lines parted by blank lines, a row's cells in any order.
#include "support.hpp"

#include "inspex/layout/cell_blocks.hpp"
#include "inspex/model/text_view.hpp"

using namespace inspex;

namespace {

TableSpec spec() {
    TableSpec s;
    s.header_min = 4;
    s.end = test::re("^Totals$");
    s.columns = {{"ref", "ref", test::re("^\\d\\.\\d{1,2}$"), test::re("^Ref No$")},
                 {"text", "text", nullptr, test::re("^Text$")},
                 {"status", "status", test::re("^(?:Agreed|Rejected)$"),
                  test::re("^Agreed/ Rejected$"), true},
                 {"reply", "reply", nullptr, test::re("^Reply$")},
                 {"owner", "owner", test::re("^(?:Governor|Director)(?: (?:Governor|Director))*$"),
                  test::re("^Owner$")},
                 {"date", "date", test::re("^(?:May|June) 20\\d\\d(?: (?:May|June) 20\\d\\d)*$"),
                  test::re("^When$")}};
    s.has_heading = true;
    s.heading.column = 1;
    s.heading.pattern = test::re("^[A-Z][a-z ]+$");
    return s;
}

// A header whose status and reply labels share lines, as pdftotext writes them.
const char *kHeader = "Ref\nNo\n\nText\n\nAgreed/\nReply\nRejected\n\nOwner\n\nWhen\n\n";

// The rows of the view that hold text, blank lines left out.
std::vector<std::string> rows(const Document &doc) {
    std::vector<std::string> out;
    for (const std::string &line : test::view(doc))
        if (line.find_first_not_of('\t') != std::string::npos)
            out.push_back(line);
    return out;
}

} // namespace

TEST_CASE("cell blocks: a header of label blocks, two labels interleaved") {
    TableSpec s = spec();
    Document doc = text_document(std::string("Intro\n\n") + kHeader + "1.1\n\nWords here.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(test::view(doc)[2] == "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen");
    CHECK(rows(doc) ==
          std::vector<std::string>{"Intro", "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen",
                                   "1.1\t\t\t\t\t", "\tWords here.\t\t\t\t"});
}

TEST_CASE("cell blocks: a header line holding two labels' starts, the first's end below it") {
    // A larger font: "Ref" and "Text" on one line, "No" wrapped under "Ref";
    // "Agreed/" and "Reply" on one line, "Rejected" under "Agreed/".
    TableSpec s = spec();
    Document doc = text_document("Intro\n\nRef Text\nNo\n\nAgreed/ Reply\nRejected\n\nOwner\n\n"
                                 "When\n\n1.1\n\nWords here.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc)[1] == "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen");
}

TEST_CASE("cell blocks: short cells before a row's number are that row's") {
    TableSpec s = spec();
    Document doc =
        text_document(std::string(kHeader) +
                      "Rejected\n\nGovernor\n\nMay 2022\n\nSafety\n1.1\n\n"
                      "The first text goes over\ntwo lines.\n\n"
                      "We will not do this as part\nDirector\nof the plan, and say why.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc) == std::vector<std::string>{
                           "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen", "\tSafety\t\t\t\t",
                           "1.1\t\t\t\t\t",
                           "\tThe first text goes over two lines.\tRejected\t\tGovernor\tMay 2022",
                           "\t\t\tWe will not do this as part of the plan, and say why.\t\t",
                           "\t\t\t\tDirector\t"});
}

TEST_CASE("cell blocks: a status glued to a row's first line is cut from it") {
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\nThe text of the row is Agreed\nwritten on two lines.\n\n"
                                 "A reply.\n\nJune 2022\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc) == std::vector<std::string>{
                           "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen", "1.1\t\t\t\t\t",
                           "\tThe text of the row is written on two lines.\tAgreed\t\t\t",
                           "\t\t\tA reply.\t\t", "\t\t\t\t\tJune 2022"});
}

TEST_CASE("cell blocks: an owner glued to a reply's first line, the row having none, is its") {
    // Row 1.1 has no owner of its own; its reply's first line ends with one
    // that the document writes as a cell (row 1.2's).
    TableSpec s = spec();
    Document doc = text_document(
        std::string(kHeader) + "1.1\n\nThe text of the row.\n\nAgreed\n\nThe reply of the row "
                               "is now Governor\nwritten on two lines.\n\nJune 2022\n\n1.2\n\n"
                               "Other text.\n\nAgreed\n\nAnother reply.\n\nGovernor\n\nMay 2022\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    CHECK(std::find(r.begin(), r.end(),
                    "\t\t\tThe reply of the row is now written on two lines.\tGovernor\t") !=
          r.end());
}

TEST_CASE("cell blocks: of two statuses glued, the one the document writes as a cell") {
    TableSpec s = spec();
    s.columns[2].fits = test::re("^(?:Partly )?(?:Agreed|Rejected)$");
    Document doc =
        text_document(std::string(kHeader) +
                      "1.1\n\nThe text of the row is Partly Agreed\nwritten on two lines.\n\n"
                      "A reply.\n\n1.2\n\nMore text.\n\nPartly Agreed\n\nA reply.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() >= 3);
    CHECK(r[2] == "\tThe text of the row is written on two lines.\tPartly Agreed\t\t\t");
}

TEST_CASE("cell blocks: a header repeated on a new page; text after it goes on") {
    TableSpec s = spec();
    Document doc =
        text_document(std::string(kHeader) + "1.1\n\nA text.\n\nAgreed\n\nA reply that\n\f" +
                      kHeader + "June 2022\n\ngoes on here.\n\n1.2\n\nNext.\n\nTotals\n");
    REQUIRE(recover_cell_blocks(doc, s) == 2);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() == 10);
    CHECK(r[4] == "\t\t\tA reply that\t\t");
    CHECK(r[5] == "\fRef No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen");
    CHECK(r[6] == "\t\t\tgoes on here.\t\t");
    CHECK(r[7] == "1.2\t\t\t\t\t");
    // The date after the new page's header waits for the page's first row,
    // and joins that row's first text.
    CHECK(r[8] == "\tNext.\t\t\t\tJune 2022");
    CHECK(r[9] == "Totals");
    CHECK(test::view(doc).back() == "Totals");
}

TEST_CASE("cell blocks: a repeated header's last labels with a reply run on below them") {
    // No blank line between the interleaved status and reply labels and the
    // text going on from the page before: the labels' lines are the header's.
    TableSpec s = spec();
    Document doc = text_document(
        std::string(kHeader) + "1.1\n\nA text.\n\nAgreed\n\nA reply that\n\f" +
        "Ref\nNo\n\nText\n\nAgreed/\nReply\nRejected\ngoes on here.\n\n1.2\n\nNext.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 2);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() == 9);
    // (the labels this page's header does not repeat are the columns' own)
    CHECK(r[5] == "\fRef No\tText\tAgreed/ Rejected\tReply\towner\tdate");
    CHECK(r[6] == "\t\t\tgoes on here.\t\t");
    CHECK(r[7] == "1.2\t\t\t\t\t");
}

TEST_CASE("cell blocks: a second status before the next number begins that row's cells") {
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\nFirst text.\n\nAgreed\n\nFirst reply.\n\n"
                                 "Rejected\n\nSecond reply.\n\nGovernor\n\n1.2\n\nSecond text.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc) == std::vector<std::string>{
                           "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen", "1.1\t\t\t\t\t",
                           "\tFirst text.\t\t\t\t", "\t\tAgreed\t\t\t", "\t\t\tFirst reply.\t\t",
                           "1.2\t\t\t\t\t", "\tSecond text.\tRejected\tSecond reply.\tGovernor\t"});
}

TEST_CASE("cell blocks: numbers written one after another, their rows' cells after them") {
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\n1.2\n\nFirst text.\n\nAgreed\n\nFirst reply.\n\n"
                                 "Rejected\n\nSecond text.\n\nSecond reply.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc) ==
          std::vector<std::string>{"Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen",
                                   "1.1\t\t\t\t\t", "\tFirst text.\t\t\t\t", "\t\tAgreed\t\t\t",
                                   "\t\t\tFirst reply.\t\t", "1.2\t\tRejected\t\t\t",
                                   "\tSecond text.\t\t\t\t", "\t\t\tSecond reply.\t\t"});
}

TEST_CASE(
    "cell blocks: a row's text right after its number is its own, though later rows' cells wait") {
    // Two rows' status, reply and owner come before their numbers (pdftotext
    // put the page's last rows' right-hand cells first); each number is then
    // followed by its own text.
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\nFirst text.\n\nAgreed\n\nFirst reply.\n\nGovernor\n\n"
                                 "Agreed\n\nSecond reply.\n\nDirector\n\n"
                                 "Rejected\n\nThird reply.\n\nGovernor\n\n"
                                 "1.2\n\nSecond text.\n\n1.3\n\nThird text.\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> got = rows(doc);
    REQUIRE(got.size() == 10);
    CHECK(got[6] == "1.2\t\t\t\t\t");
    CHECK(got[7] == "\tSecond text.\tAgreed\tSecond reply.\tDirector\t");
    CHECK(got[8] == "1.3\t\t\t\t\t");
    CHECK(got[9] == "\tThird text.\tRejected\tThird reply.\tGovernor\t");
}

TEST_CASE(
    "cell blocks: a reply after the next row's text is the row before's, when that row has none") {
    // pdftotext wrote the page column by column: both rows' numbers and texts,
    // then the first row's reply, owner and date, then the second's.
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\nFirst text.\n\nAgreed\n\n1.2\n\nSecond text.\n\n"
                                 "First reply.\n\nGovernor\n\nMay 2022\n\n"
                                 "Second reply.\n\nDirector\n\nJune 2022\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    CHECK(rows(doc) == std::vector<std::string>{
                           "Ref No\tText\tAgreed/ Rejected\tReply\tOwner\tWhen", "1.1\t\t\t\t\t",
                           "\tFirst text.\t\t\t\t", "\t\tAgreed\tFirst reply.\tGovernor\tMay 2022",
                           "1.2\t\t\t\t\t", "\tSecond text.\t\t\t\t", "\t\t\tSecond reply.\t\t",
                           "\t\t\t\tDirector\t", "\t\t\t\t\tJune 2022"});
}

TEST_CASE("cell blocks: an owner after the next row's owner is the row before's, on one page") {
    TableSpec s = spec();
    const std::string first_row = "1.1\n\nFirst text.\n\nAgreed\n\nFirst reply.\n\nMay 2022\n\n";
    const std::string second_row = "1.2\n\nSecond text.\n\nAgreed\n\nSecond reply.\n\nDirector\n\n";
    Document doc =
        text_document(std::string(kHeader) + first_row + second_row + "Governor\n\nJune 2022\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() == 12);
    CHECK(r[5] == "\t\t\t\tGovernor\tMay 2022");
    CHECK(r[10] == "\t\t\t\tDirector\t");
    CHECK(r[11] == "\t\t\t\t\tJune 2022");

    // On the next page it is the current row's: pdftotext keeps a page's cells together.
    Document paged =
        text_document(std::string(kHeader) + first_row + second_row + "\fGovernor\n\nJune 2022\n");
    REQUIRE(recover_cell_blocks(paged, s) == 1);
    r = rows(paged);
    REQUIRE(r.size() == 13);
    CHECK(r[5] == "\t\t\t\t\tMay 2022");
    CHECK(r[11] == "\f\t\t\t\tGovernor\t");
}

TEST_CASE("cell blocks: an owner and date before the next row's reply are the row before's") {
    // The second row has no reply yet, so is not ready for an owner; the first
    // has its texts (its status, a short cell, may be glued and cut later).
    TableSpec s = spec();
    Document doc = text_document(std::string(kHeader) +
                                 "1.1\n\nFirst text.\n\nFirst reply.\n\n1.2\n\nSecond text.\n\n"
                                 "Agreed\n\nGovernor\n\nMay 2022\n\n"
                                 "Second reply.\n\nDirector\n\nJune 2022\n");
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() == 10);
    CHECK(r[3] == "\t\t\tFirst reply.\tGovernor\tMay 2022");
    CHECK(r[6] == "\t\tAgreed\t\t\t");
    CHECK(r[8] == "\t\t\t\tDirector\t");
    CHECK(r[9] == "\t\t\t\t\tJune 2022");
}

// Rows whose text and reply each wrap over three lines at their column's
// width (24 and 44 characters), so the widths the columns wrap at are learnt.
std::string wrapped_row(const std::string &ref, const std::string &reply_middle,
                        const std::string &owner) {
    return ref +
           "\n\nPrisoners should have a\nsafe place to live and\nwork face-to-face daily.\n\n" +
           "Agreed\n\nWe agree and will make sure that all of the\n" + reply_middle +
           "\nplan for the work they do every single day.\n\n" + owner + "May 2022\n\n";
}

TEST_CASE("cell blocks: an owner glued to a reply's line beyond its column's width") {
    TableSpec s = spec();
    const std::string middle = "prisoners have a safe place to live in and a";
    Document doc = text_document(std::string(kHeader) + wrapped_row("1.1", middle, "Governor\n\n") +
                                 wrapped_row("1.2", middle, "Governor\n\n") +
                                 wrapped_row("1.3", middle + " Director", ""));
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    REQUIRE(r.size() >= 3);
    CHECK(std::count(r.begin(), r.end(), "\t\t\t\tDirector\t") == 1);
    CHECK(std::none_of(r.begin(), r.end(), [](const std::string &row) {
        return row.find("a Director") != std::string::npos;
    }));
}

TEST_CASE("cell blocks: a hyphen dropped where two lines were joined is put back") {
    TableSpec s = spec();
    const std::string middle = "prisoners have a safe place to live in and a";
    Document doc = text_document(
        std::string(kHeader) + wrapped_row("1.1", middle, "Governor\n\n") +
        wrapped_row("1.2", middle, "Governor\n\n") +
        wrapped_row("1.3", "weeks and a plan for the staff on the face-toface work on the wings",
                    "Governor\n\n"));
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    CHECK(std::count_if(r.begin(), r.end(), [](const std::string &row) {
              return row.find("staff on the face-to-face work") != std::string::npos;
          }) == 1);
}

TEST_CASE("cell blocks: a line of two joined does not take a text to the wider column") {
    TableSpec s = spec();
    const std::string middle = "prisoners have a safe place to live in and a";
    std::string joined = "1.4\n\nPrisoners should have a\nsafe place to live and wellbeing support "
                         "from staff\nwho meet them daily.\n\nAgreed\n\nA reply.\n";
    Document doc = text_document(std::string(kHeader) + wrapped_row("1.1", middle, "Governor\n\n") +
                                 wrapped_row("1.2", middle, "Governor\n\n") +
                                 wrapped_row("1.3", middle, "Governor\n\n") + joined);
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    CHECK(
        std::count(r.begin(), r.end(),
                   "\tPrisoners should have a safe place to live and wellbeing support from staff "
                   "who meet them daily.\t\t\t\t") == 1);
}

TEST_CASE("cell blocks: a text as wide as the narrower column wraps at goes by its order") {
    TableSpec s = spec();
    // Six rows whose replies wrap at 44 characters, their texts too short to tell.
    std::string rows_before;
    for (char n = '1'; n <= '6'; ++n)
        rows_before += std::string("1.") + n +
                       "\n\nPrisoners should have a\nsafe place.\n\nAgreed\n\n"
                       "We agree and will make sure that all of the\nprisoners have a safe "
                       "place to live in and a\nplan.\n\nGovernor\n\n";
    // A reply that wraps at the narrower width (24): the row's second text.
    std::string narrow_reply = "1.7\n\nPrisoners should have a\nsafe place.\n\nAgreed\n\n"
                               "We will do this and we\nwill say how we do it by\nthe end of the "
                               "year.\n\nGovernor\n";
    Document doc = text_document(std::string(kHeader) + rows_before + narrow_reply);
    REQUIRE(recover_cell_blocks(doc, s) == 1);
    std::vector<std::string> r = rows(doc);
    CHECK(std::count(
              r.begin(), r.end(),
              "\t\t\tWe will do this and we will say how we do it by the end of the year.\t\t") ==
          1);
}

TEST_CASE("cell blocks: two lines going on after a page break go by their first line's width") {
    TableSpec s = spec();
    const std::string middle = "prisoners have a safe place to live in and a";
    // Row 1.4's text goes on after the page's header: its first line is as
    // wide as the text column wraps at, not the reply's.
    std::string broken =
        "1.4\n\nPrisoners should have a\n\nAgreed\n\nWe agree and will say so.\n\f" +
        std::string(kHeader) + "safe place to live and\nwork every day.\n\n1.5\n";
    Document doc = text_document(std::string(kHeader) + wrapped_row("1.1", middle, "Governor\n\n") +
                                 wrapped_row("1.2", middle, "Governor\n\n") +
                                 wrapped_row("1.3", middle, "Governor\n\n") + broken);
    REQUIRE(recover_cell_blocks(doc, s) == 2);
    std::vector<std::string> r = rows(doc);
    CHECK(std::count(r.begin(), r.end(), "\tsafe place to live and work every day.\t\t\t\t") == 1);
}

TEST_CASE("cell blocks: no header of label blocks, nothing changed") {
    TableSpec s = spec();
    Document doc = text_document("Ref No\nText\nSome words.\n\n1.1\n");
    CHECK(recover_cell_blocks(doc, s) == 0);
    CHECK(test::view(doc) == std::vector<std::string>{"Ref No", "Text", "Some words.", "", "1.1"});
}
