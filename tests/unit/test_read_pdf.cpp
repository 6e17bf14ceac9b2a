// The PDF reader: lines from word positions, pages, furniture left out, bad PDFs.
#include "support.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/read/pdf.hpp"

#include <cmath>
#include <fmt/format.h>

using namespace inspex;

namespace {

Document read_fixture(const std::string &path) {
    auto doc = read_pdf(test::read(path), path, {});
    REQUIRE(doc.ok());
    return std::move(doc.value());
}

const Block *line_starting(const Document &doc, std::string_view start, std::size_t from_page) {
    for (const Block &b : doc.blocks)
        if (b.page >= from_page && b.text.rfind(start, 0) == 0)
            return &b;
    return nullptr;
}

// A PDF written here: letter-size pages, each drawing `contents` (a content
// stream using /F1, Helvetica), `extra` added to each page's dictionary.
std::string tiny_pdf(const std::vector<std::string> &contents, const std::string &extra = "") {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>", "",
                                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string kids;
    for (const std::string &c : contents) {
        std::size_t n = objects.size() + 1;
        kids += fmt::format("{} 0 R ", n);
        objects.push_back(
            fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                        "/Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R{} >>",
                        n + 1, extra));
        objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}\nendstream", c.size(), c));
    }
    objects[1] = fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, contents.size());
    std::string out = "%PDF-1.4\n", xref;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        xref += fmt::format("{:010d} 00000 n \n", out.size());
        out += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
    }
    return out + fmt::format("xref\n0 {}\n0000000000 65535 f \n{}trailer\n<< /Size {} /Root 1 0 "
                             "R >>\nstartxref\n{}\n%%EOF\n",
                             objects.size() + 1, xref, objects.size() + 1, out.size());
}

// A line of text at (x, y), turned a quarter left when `turned` (upright on a /Rotate 90 page).
std::string text_at(double x, double y, const std::string &text, bool turned = false) {
    return fmt::format("BT /F1 12 Tf {} {} Tm ({}) Tj ET\n", turned ? "0 1 -1 0" : "1 0 0 1",
                       fmt::format("{} {}", x, y), text);
}

} // namespace

TEST_CASE("pdf: lines keep their words' positions, their page, and where a page starts") {
    Document doc = read_fixture("tests/fixtures/originals/action-plan-elmley-2022.pdf");
    CHECK(doc.format == "pdf");
    REQUIRE(doc.pages >= 3);
    const Block *title = line_starting(doc, "Action Plan: HMP Elmley", 1);
    REQUIRE(title);
    CHECK(title->page == 1);
    REQUIRE(title->words.size() == 4);
    CHECK(title->words[0].x0 < title->words[1].x0);
    std::vector<std::size_t> pages = line_pages(doc);
    REQUIRE(pages.size() == text_view(doc).size());
    CHECK(pages.back() == doc.pages);
    std::size_t starts = 0;
    for (const Block &b : doc.blocks)
        starts += b.page_start;
    CHECK(starts == doc.pages - 1);
}

TEST_CASE("pdf: a table over many pages: its header row on each page, words at the same x") {
    Document doc = read_fixture("tests/fixtures/originals/action-plan-elmley-2022.pdf");
    std::vector<const Block *> headers;
    for (const Block &b : doc.blocks)
        if (b.text.rfind("1. Rec 2. Recommendation", 0) == 0)
            headers.push_back(&b);
    REQUIRE(headers.size() >= 3); // the header row repeated is not taken for a running header
    CHECK(headers[0]->page < headers[1]->page);
    CHECK(headers[1]->page < headers[2]->page);
    REQUIRE(headers[0]->words.size() == headers[2]->words.size());
    for (std::size_t w = 0; w < headers[0]->words.size(); ++w)
        CHECK(std::abs(headers[0]->words[w].x0 - headers[2]->words[w].x0) < 0.5);
}

TEST_CASE("pdf: running headers, footers and page numbers are left out; gaps are blank lines") {
    Document doc = read_fixture("tests/fixtures/originals/irp-report-chelmsford-2022.pdf");
    std::size_t running = 0, blank = 0, numbers = 0;
    for (const Block &b : doc.blocks) {
        running += b.text.find("Independent review of progress at HMP Chelmsford") == 0;
        blank += b.text.empty();
        numbers += !b.text.empty() && b.text.find_first_not_of("0123456789") == std::string::npos;
    }
    CHECK(running == 0);
    CHECK(numbers == 0);
    CHECK(blank > 10);
    CHECK(line_starting(doc, "3.1 Levels of violence had reduced", 1));
}

// A one-page document: its foot line is left out only if it is a folio (one
// page cannot show a line recurring), whatever its length.
bool foot_left_out(const std::string &foot, double size = 12) {
    std::string body = text_at(72, 400, "A paragraph of the body.");
    std::string line = fmt::format("BT /F1 {} Tf 72 20 Td ({}) Tj ET\n", size, foot);
    auto doc = read_pdf(tiny_pdf({body + line}), "foot.pdf", {});
    REQUIRE(doc.ok());
    REQUIRE(line_starting(doc.value(), "A paragraph of the body.", 0));
    return !line_starting(doc.value(), foot.substr(0, 20), 0);
}

TEST_CASE("pdf: a folio at the foot is left out in each of its forms; other lines stay") {
    for (const char *folio : {"12", "- 12 -", "Page 3", "page 3 of 14", "3 of 14", "3/14", "[ 7 ]"})
        CHECK_MESSAGE(foot_left_out(folio), folio);
    for (const char *text : {"12345", "Page 3 of", "3 of 12345", "Section 2", "Annex A"})
        CHECK_MESSAGE(!foot_left_out(text), text);
    // 200,000 dashes in a tiny font: read in one pass (a recursive regex
    // overflowed the stack here).
    CHECK(!foot_left_out(std::string(200000, '-'), 0.01));
}

TEST_CASE("pdf: damaged, locked, scanned and over-long PDFs are refused with a reason") {
    std::string good = test::read("tests/fixtures/originals/irp-report-chelmsford-2022.pdf");
    auto cut = read_pdf(good.substr(0, 400), "cut.pdf", {});
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().describe() == "cut.pdf: damaged PDF: cannot be opened");
    auto garbage = read_pdf("%PDF-1.7\n\x01\x02 not a pdf at all", "garbage.pdf", {});
    REQUIRE_FALSE(garbage.ok());
    CHECK(garbage.error().message == "damaged PDF: cannot be opened");
    auto locked = read_pdf(test::read("tests/fixtures/pdf/locked.pdf"), "locked.pdf", {});
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().message == "password-protected PDF: remove the password and try again");
    auto scanned = read_pdf(test::read("tests/fixtures/pdf/no-text.pdf"), "scan.pdf", {});
    REQUIRE_FALSE(scanned.ok());
    CHECK(scanned.error().message == "scanned: no text to read; run OCR first");
    ReadLimits one_page;
    one_page.max_pages = 1;
    auto long_pdf = read_pdf(good, "long.pdf", one_page);
    REQUIRE_FALSE(long_pdf.ok());
    CHECK(long_pdf.error().message.find("more than the limit of 1") != std::string::npos);
}

TEST_CASE("pdf: a page with nothing on it still begins a page") {
    std::string pdf =
        tiny_pdf({text_at(72, 700, "First page"), "", text_at(72, 700, "Third page")});
    auto doc = read_pdf(pdf, "blank.pdf", {});
    REQUIRE(doc.ok());
    CHECK(doc->pages == 3);
    std::vector<Line> view = text_view(*doc);
    REQUIRE(view.size() == 3);
    CHECK(view[0].text == "First page");
    CHECK(view[1].text == std::string(1, kPageBreak)); // page 2: empty
    CHECK(view[2].text == std::string(1, kPageBreak) + "Third page");
    CHECK(line_pages(*doc) == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("pdf: on a page turned a quarter (/Rotate 90) the bands are measured upright") {
    // Upright, the page is 792 wide and 612 high; "Page N" sits 577 points down:
    // in the bottom tenth of 612, though not of 792.
    std::vector<std::string> pages;
    for (int n : {1, 2})
        pages.push_back(text_at(30, 72, "Running title", true) +
                        text_at(100, 72, "Body line one", true) +
                        text_at(580, 72, fmt::format("Page {}", n), true));
    auto doc = read_pdf(tiny_pdf(pages, " /Rotate 90"), "turned.pdf", {});
    REQUIRE(doc.ok());
    std::vector<std::string> texts;
    for (const Block &b : doc->blocks)
        texts.push_back(b.text);
    CHECK(texts == std::vector<std::string>{"Body line one", "Body line one"});
    CHECK(doc->blocks[1].page_start);
}

TEST_CASE("pdf: a paragraph gap (1.5 line spacings) is a blank line; a wider row pitch is not") {
    std::string page;
    double y = 700;
    for (const char *line : {"one a", "one b", "one c", "", "two a", "two b", "-", "three"}) {
        y -= std::string_view(line).empty() ? 6.5 : std::string_view(line) == "-" ? 2.6 : 13;
        if (std::string_view(line).size() > 1)
            page += text_at(72, y, line);
    }
    auto doc = read_pdf(tiny_pdf({page}), "gaps.pdf", {});
    REQUIRE(doc.ok());
    std::vector<std::string> texts;
    for (const Block &b : doc->blocks)
        texts.push_back(b.text);
    CHECK(texts ==
          std::vector<std::string>{"one a", "one b", "one c", "", "two a", "two b", "three"});
}

TEST_CASE("pdf: paragraphs set 1.5 line spacings apart, as pdftotext -layout parts them") {
    Document doc = read_fixture("tests/fixtures/originals/irp-report-chelmsford-2022.pdf");
    const Block *next = line_starting(doc, "1.10 Overall, this was a positive", 1);
    REQUIRE(next);
    CHECK(next[-1].text.empty());
    CHECK(next[-2].text.rfind("most appropriate learning and work", 0) == 0);
}
