// Recovering tables drawn with characters: pandoc's grid tables (`+---+`, `|`)
// and its simple and multiline tables ruled with dashes.
#include "support.hpp"

#include <algorithm>

#include "inspex/layout/grid_tables.hpp"
#include "inspex/model/text_view.hpp"

using namespace inspex;

namespace {

std::vector<std::string> recovered(const std::string &text, std::size_t tables = 1) {
    Document doc = text_document(text);
    CHECK(recover_grid_tables(doc) == tables);
    return test::view(doc);
}

} // namespace

TEST_CASE("grid: words cut in a narrow column are joined, wrapped words spaced") {
    CHECK(join_cell_lines({"Pa", "rtly", "Ag", "reed"}, 4) == "Partly Agreed");
    CHECK(join_cell_lines({"R", "espon", "sible", "Owner"}, 5) == "Responsible Owner");
    CHECK(join_cell_lines({"5", ".", "1", "0"}, 1) == "5.10");
    CHECK(join_cell_lines({"Dece", "mber", "2019"}, 4) == "December 2019");
    // Closing punctuation begins no word: "1. Rec. No." one character a line.
    CHECK(join_cell_lines({"1", ".", "R", "e", "c", ".", "N", "o", "."}, 1) == "1. Rec. No.");
    CHECK(join_cell_lines({"A", "ccep", "ted/", "Reje", "cted"}, 4) == "Accepted/ Rejected");
    CHECK(join_cell_lines({"Head of", "Healthcare"}, 10) == "Head of Healthcare");
    // A full-width word after a line of several words was wrapped, not cut.
    CHECK(join_cell_lines({"should have", "multidisciplinary"}, 17) ==
          "should have multidisciplinary");
}

TEST_CASE("grid: a row's lines become one row of cells on its first line") {
    std::vector<std::string> lines = recovered("Before\n"
                                               "+---+----------+------+\n"
                                               "| 1 | Text     | Ok   |\n"
                                               "| . |          |      |\n"
                                               "| N |          |      |\n"
                                               "| o |          |      |\n"
                                               "+===+==========+======+\n"
                                               "| 1 | A cell   | Ag   |\n"
                                               "| . | wrapped  | reed |\n"
                                               "| 1 | over     |      |\n"
                                               "|   | five     |      |\n"
                                               "|   | lines    |      |\n"
                                               "+---+----------+------+\n"
                                               "| 1 |          |      |\n"
                                               "| . |          |      |\n"
                                               "| 2 |          |      |\n"
                                               "+---+----------+------+\n"
                                               "After\n");
    REQUIRE(lines.size() == 18);
    CHECK(lines[0] == "Before");
    CHECK(lines[1].empty());
    CHECK(lines[2] == "1. No\tText\tOk");
    CHECK(lines[7] == "1.1\tA cell wrapped over five lines\tAgreed");
    CHECK(lines[8].empty());
    CHECK(lines[13] == "1.2\t\t");
    CHECK(lines[16].empty());
    CHECK(lines[17] == "After");
}

TEST_CASE("grid: a blank line inside a cell parts its paragraphs") {
    std::vector<std::string> lines = recovered("+-------+---------+\n"
                                               "| Owner | When    |\n"
                                               "|       |         |\n"
                                               "| Chief | May     |\n"
                                               "+-------+---------+\n");
    CHECK(lines[1] == "Owner\x1E"
                      "Chief\tWhen\x1E"
                      "May");
}

TEST_CASE("grid: columns counted in characters, not bytes") {
    std::vector<std::string> lines = recovered("+------+------+\n"
                                               "| a’b  | x    |\n"
                                               "+------+------+\n");
    CHECK(lines[1] == "a’b\tx");
}

TEST_CASE("grid: lines that break the grid's geometry are left as they are") {
    std::string text = "+---+---+\n| a | b  |\n+---+---+\n";
    std::vector<std::string> lines = recovered(text, 0);
    CHECK(lines[1] == "| a | b  |");
    CHECK(recovered("+--+\nno grid\n", 0)[0] == "+--+");
}

TEST_CASE("ruled: a multiline table's rows are parted by blank lines") {
    std::vector<std::string> lines = recovered("  ----------------------------\n"
                                               "  Term       Definition\n"
                                               "  ---------- -----------------\n"
                                               "  Agreed     All of it is\n"
                                               "             agreed.\n"
                                               "\n"
                                               "  Partly     Only part.\n"
                                               "  Agreed\n"
                                               "  ----------------------------\n"
                                               "Next\n");
    REQUIRE(lines.size() == 10);
    CHECK(lines[0].empty());
    CHECK(lines[1] == "Term\tDefinition");
    CHECK(lines[3] == "Agreed\tAll of it is agreed.");
    CHECK(lines[4].empty());
    CHECK(lines[6] == "Partly Agreed\tOnly part.");
    CHECK(lines[8].empty());
    CHECK(lines[9] == "Next");
}

TEST_CASE("ruled: a multiline table's header wrapped over six lines in a narrow column") {
    std::vector<std::string> lines = recovered("  ---------------------\n"
                                               "  No  3.       Text\n"
                                               "      Agreed/\n"
                                               "      Partly\n"
                                               "      Agreed/\n"
                                               "      Not\n"
                                               "      Agreed\n"
                                               "  --- -------- --------\n"
                                               "  1.1 Agreed   Words.\n"
                                               "  ---------------------\n");
    CHECK(lines[1] == "No\t3. Agreed/ Partly Agreed/ Not Agreed\tText");
    CHECK(std::find(lines.begin(), lines.end(), "1.1\tAgreed\tWords.") != lines.end());
}

TEST_CASE("ruled: a simple table has a row a line and ends at a blank line") {
    std::vector<std::string> lines = recovered("  Recommendations\n"
                                               "  --------------- -----\n"
                                               "  Agreed          20\n"
                                               "  Not Agreed      0\n"
                                               "\n"
                                               "Text after\n");
    CHECK(lines[0] == "Recommendations\t");
    CHECK(lines[2] == "Agreed\t20");
    CHECK(lines[3] == "Not Agreed\t0");
    CHECK(lines[5] == "Text after");
}

TEST_CASE("ruled: dashes that do not rule aligned columns are left as text") {
    std::vector<std::string> lines = recovered("  ----- -----\n"
                                               "  a longer text runs across\n"
                                               "\n",
                                               0);
    CHECK(lines[1] == "  a longer text runs across");
    CHECK(recovered("a -- b\n--- -- ---\n", 0)[1] == "--- -- ---");
}

TEST_CASE("regression grid-rule-below-a-tab-row: a row of tabs above a rule is no ruled table") {
    // The header search walked up to a line of tabs (a table row of the
    // model, not a line of text), which the alignment check then read through
    // a null pointer: a crash on a few bytes of text (fuzz_extract).
    std::vector<std::string> lines =
        recovered("x\ty\nCol A   Col B\n-----   -----\n1       2\n", 0);
    CHECK(lines == std::vector<std::string>{"x\ty", "Col A   Col B", "-----   -----", "1       2"});
}
