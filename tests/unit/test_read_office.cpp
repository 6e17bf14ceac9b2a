// The DOCX and ODT readers: paragraphs, lists, merged and nested cells,
// tracked changes, and bad archives, on documents zipped here by libarchive.
#include "support.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/read/office.hpp"

#include <archive.h>
#include <archive_entry.h>

using namespace inspex;

namespace {

// A zip archive of the given entries, made with libarchive's writer.
std::string zip(const std::vector<std::pair<std::string, std::string>> &entries) {
    std::vector<char> buffer(std::size_t{64} << 20);
    std::size_t used = 0;
    archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    REQUIRE(archive_write_open_memory(a, buffer.data(), buffer.size(), &used) == ARCHIVE_OK);
    for (const auto &[name, content] : entries) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_write_header(a, e);
        archive_write_data(a, content.data(), content.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return std::string(buffer.data(), used);
}

const char *kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string docx(const std::string &body) {
    return zip(
        {{"[Content_Types].xml", "<Types/>"},
         {"word/document.xml",
          std::string("<w:document ") + kW + "><w:body>" + body + "</w:body></w:document>"},
         {"word/header1.xml", std::string("<w:hdr ") + kW +
                                  "><w:p><w:r><w:t>Running header</w:t></w:r></w:p></w:hdr>"}});
}

std::string odt(const std::string &body) {
    return zip(
        {{"mimetype", "application/vnd.oasis.opendocument.text"},
         {"content.xml", "<office:document-content "
                         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"
                         "<office:body><office:text>" +
                             body + "</office:text></office:body></office:document-content>"}});
}

std::string p(const std::string &text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string tc(const std::string &props, const std::string &content) {
    return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + content + "</w:tc>";
}

std::vector<std::string> view_of(Result<Document> doc) {
    REQUIRE(doc.ok());
    return test::view(doc.value());
}

} // namespace

TEST_CASE("docx: paragraphs, breaks, tabs and list items; headers are other parts") {
    auto lines = view_of(read_docx(
        docx(p("Title") +
             "<w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:tab/><w:t>three</w:t></w:r></w:p>" +
             "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>an "
             "item</w:t></w:r></w:p>" +
             "<w:p/>"),
        "a.docx", {}));
    CHECK(lines == std::vector<std::string>{"Title", "one", "two\tthree", "an item.", ""});
}

TEST_CASE("docx: merged cells keep the grid; a nested table's text joins its cell") {
    std::string table =
        "<w:tbl><w:tr>" + tc("<w:gridSpan w:val=\"2\"/>", p("Heading")) + tc("", p("x")) +
        "</w:tr><w:tr>" + tc("<w:vMerge w:val=\"restart\"/>", p("7.1")) + tc("", p("a") + p("b")) +
        tc("", p("Governor")) + "</w:tr><w:tr>" + tc("<w:vMerge/>", p("")) +
        tc("",
           "<w:tbl><w:tr>" + tc("", p("inner one")) + tc("", p("inner two")) + "</w:tr></w:tbl>") +
        tc("", p("Director")) + "</w:tr></w:tbl>";
    auto lines = view_of(read_docx(docx(table), "t.docx", {}));
    CHECK(lines == std::vector<std::string>{"Heading\t\tx",
                                            "7.1\ta\x1E"
                                            "b\tGovernor",
                                            "\tinner one\x1Einner two\tDirector"});
}

TEST_CASE("docx: tracked changes are read as accepted; field codes and notes left out") {
    auto lines = view_of(read_docx(
        docx("<w:p><w:r><w:t>kept </w:t></w:r><w:ins><w:r><w:t>inserted</w:t></w:r></w:ins>"
             "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
             "<w:r><w:instrText> PAGE </w:instrText></w:r>"
             "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"),
        "c.docx", {}));
    CHECK(lines == std::vector<std::string>{"kept inserted"});
}

TEST_CASE("odt: paragraphs, spaces, lists; spanned, covered and repeated cells") {
    std::string body =
        "<text:h>Title</text:h><text:p>a<text:s text:c=\"3\"/>b<text:tab/>c<text:line-break/>d"
        "<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>first</text:p></text:list-item></text:list>"
        "<table:table><table:table-header-rows><table:table-row>"
        "<table:table-cell table:number-columns-spanned=\"2\"><text:p>Wide</text:p>"
        "</table:table-cell><table:covered-table-cell/><table:table-cell><text:p>x</text:p>"
        "</table:table-cell></table:table-row></table:table-header-rows>"
        "<table:table-row><table:table-cell table:number-rows-spanned=\"2\"><text:p>7.1</text:p>"
        "</table:table-cell><table:table-cell table:number-columns-repeated=\"2\"/>"
        "</table:table-row><table:table-row><table:covered-table-cell/>"
        "<table:table-cell><text:p>y</text:p></table:table-cell><table:table-cell "
        "table:number-columns-repeated=\"1024\"/></table:table-row></table:table>";
    auto lines = view_of(read_odt(odt(body), "o.odt", {}));
    CHECK(lines == std::vector<std::string>{"Title", "a   b\tc", "d", "first.", "Wide\t\tx",
                                            "7.1\t\t", "\ty\t"});
}

TEST_CASE("office: damaged archives, bombs and hostile XML are refused, never expanded") {
    auto damaged = read_docx(docx(p("x")).substr(0, 60), "cut.docx", {});
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().describe().rfind("cut.docx: ", 0) == 0);

    std::string zeros(std::size_t{50} << 20, '0');
    auto bomb = read_docx(zip({{"word/document.xml", zeros}}), "bomb.docx", {});
    REQUIRE_FALSE(bomb.ok());
    CHECK(bomb.error().message.find("expands beyond the limit") != std::string::npos);

    ReadLimits few;
    few.max_zip_entries = 2;
    auto many = read_docx(zip({{"a", "1"}, {"b", "2"}, {"c", "3"}, {"word/document.xml", "x"}}),
                          "many.docx", few);
    REQUIRE_FALSE(many.ok());
    CHECK(many.error().message.find("more than 2 zip entries") != std::string::npos);

    auto malformed = read_docx(zip({{"word/document.xml", "<w:document><w:body>"}}), "m.docx", {});
    REQUIRE_FALSE(malformed.ok());
    CHECK(malformed.error().message.rfind("malformed XML in word/document.xml", 0) == 0);

    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
                         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                         "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                         "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
    auto bomb_xml =
        read_docx(zip({{"word/document.xml", laughs + "<w:document " + kW + "><w:body>" + p("&d;") +
                                                 "</w:body></w:document>"}}),
                  "laughs.docx", {});
    if (bomb_xml.ok())
        CHECK(test::view(bomb_xml.value()).front().size() < 100); // not expanded

    std::string external = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
                           "\"file:///etc/passwd\">]><w:document " +
                           std::string(kW) + "><w:body>" + p("&x;") + "</w:body></w:document>";
    auto leaked = read_docx(zip({{"word/document.xml", external}}), "x.docx", {});
    if (leaked.ok())
        CHECK(test::view(leaked.value()).front().find("root:") == std::string::npos);

    auto no_body = read_odt(zip({{"content.xml", "<a/>"}}), "n.odt", {});
    REQUIRE_FALSE(no_body.ok());
    CHECK(no_body.error().message == "damaged ODT: its body is missing");
}

TEST_CASE("office: the reader is chosen by content") {
    auto doc = read_document(docx(p("hello")), "named-wrongly.txt");
    REQUIRE(doc.ok());
    CHECK(doc->format == "docx");
    auto text = read_document(odt("<text:p>hello</text:p>"), "named-wrongly.pdf");
    REQUIRE(text.ok());
    CHECK(text->format == "odt");
}
