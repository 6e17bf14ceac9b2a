// Recovering tables laid out in columns by position (pdftotext -layout text,
// PDF words): the header band, its wrapped labels, the rows below.
#include "support.hpp"

#include "inspex/layout/columns.hpp"
#include "inspex/model/text_view.hpp"

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

std::vector<std::string> view(const Document &doc) {
    std::vector<std::string> out;
    for (const Line &l : text_view(doc))
        out.push_back(l.text);
    return out;
}

} // namespace

TEST_CASE("columns: a label wrapped a paragraph gap below the header joins it") {
    Document doc = text_document("No.     Text             Function Responsible/   When\n"
                                 "\n"
                                 "                         Policy Lead\n"
                                 "1.1     First words      Governor                May 2022\n"
                                 "        more words\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = view(doc);
    CHECK(lines[0] == "No.\tText\tFunction Responsible/ Policy Lead\tWhen");
    CHECK(lines[3] == "1.1\tFirst words more words\tGovernor\tMay 2022");
}

TEST_CASE("columns: a first row's line under the header is not taken for a wrapped label") {
    Document doc = text_document("No.     Text             Function Responsible/   When\n"
                                 "\n"
                                 "                         Governor\n"
                                 "1.1     First words      Governor                May 2022\n");
    REQUIRE(recover_aligned_tables(doc, spec()) == 1);
    std::vector<std::string> lines = view(doc);
    CHECK(lines[0] == "No.\tText\tFunction Responsible/\tWhen");
    CHECK(lines[2] == "\t\tGovernor\t");
}
