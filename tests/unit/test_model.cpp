// The document model's text view: lines, cells, merged cells, pages.
#include "support.hpp"

#include "inspex/model/text_view.hpp"

using namespace inspex;

namespace {

Cell cell(std::vector<std::string> paragraphs, std::size_t span = 1) {
    return Cell{std::move(paragraphs), span, false};
}

Cell continued() {
    return Cell{{}, 1, true};
}

std::vector<std::string> texts(const std::vector<Line> &lines) {
    std::vector<std::string> out;
    for (const Line &l : lines)
        out.push_back(l.text);
    return out;
}

} // namespace

TEST_CASE("model: a paragraph a line, a row a line with its cells separated by tabs") {
    Document doc;
    doc.blocks.push_back(Block::paragraph("Title"));
    doc.blocks.push_back(Block::paragraph("two\nlines"));
    doc.blocks.push_back(Block::table({Row{{cell({"1"}), cell({"a", "b"}), cell({"x\ty"})}}}));
    number_lines(doc);
    CHECK(texts(text_view(doc)) == std::vector<std::string>{"Title", "two", "lines",
                                                            "1\ta\x1E"
                                                            "b\tx y"});
    CHECK(doc.blocks[1].first_line == 2);
    CHECK(doc.blocks[1].last_line == 3);
    CHECK(doc.blocks[2].first_line == 4);
    CHECK(text_view(doc)[3].number == 4);
}

TEST_CASE("model: merged cells keep the grid's positions") {
    Document doc;
    doc.blocks.push_back(Block::table({
        Row{{cell({"heading"}, 3)}},
        Row{{cell({"1"}), cell({"text"}), cell({"Governor"})}},
        Row{{continued(), continued(), cell({"Director"})}},
    }));
    number_lines(doc);
    CHECK(texts(text_view(doc)) ==
          std::vector<std::string>{"heading\t\t", "1\ttext\tGovernor", "\t\tDirector"});
}

TEST_CASE("model: pages: the first line of each new page begins with a form feed") {
    Document doc;
    doc.pages = 2;
    doc.blocks.push_back(Block::paragraph("one", 1));
    doc.blocks.push_back(Block::paragraph("two", 2));
    doc.blocks.back().page_start = true;
    doc.blocks.push_back(Block::table({Row{{cell({"a"})}}, Row{{cell({"b"})}}}, 2));
    number_lines(doc);
    CHECK(texts(text_view(doc)) == std::vector<std::string>{"one", "\ftwo", "a", "b"});
    CHECK(line_pages(doc) == std::vector<std::size_t>{1, 2, 2, 2});
    CHECK(view_text(doc) == "one\n\ftwo\na\nb\n");
}

TEST_CASE("model: a document without pages has no page per line") {
    CHECK(line_pages(text_document("a\nb\n")).empty());
}

TEST_CASE("model: plain text: its view is its own lines, tab lines become table rows") {
    std::string text = "Title\r\n\n1\ta\tb\n2\tc\n\nend";
    Document doc = text_document(text);
    REQUIRE(doc.blocks.size() == 5);
    CHECK(doc.blocks[2].is_table());
    CHECK(doc.blocks[2].rows.size() == 2);
    CHECK(doc.blocks[2].first_line == 3);
    auto lines = text_view(doc);
    CHECK(texts(lines) == std::vector<std::string>{"Title", "", "1\ta\tb", "2\tc", "", "end"});
    CHECK(lines.back().number == 6);
    auto split = split_lines(text);
    REQUIRE(split.size() == lines.size());
    for (std::size_t i = 0; i < split.size(); ++i)
        CHECK(split[i].text == lines[i].text);
}

TEST_CASE("model: view_text is the text view's lines joined, whatever the blocks") {
    auto joined = [](const Document &doc) {
        std::string out;
        for (const Line &l : text_view(doc))
            out += l.text + '\n';
        return out;
    };
    Document doc;
    doc.pages = 3;
    doc.blocks.push_back(Block::paragraph("", 1));
    doc.blocks.push_back(Block::table({}, 1));
    doc.blocks.back().page_start = true; // a table of no rows: no line to mark
    doc.blocks.push_back(Block::paragraph("two\nlines\n", 2));
    doc.blocks.back().page_start = true;
    doc.blocks.push_back(Block::table(
        {Row{{cell({"1"}), cell({"a", "b\nc"}, 2)}}, Row{{continued(), cell({"x\ty"})}}}, 3));
    doc.blocks.back().page_start = true;
    number_lines(doc);
    CHECK(view_text(doc) == joined(doc));
    for (const char *sample :
         {"samples/action-plan-elmley-2022.txt", "samples/irp-report-chelmsford-2022.txt"}) {
        Document text = text_document(test::read(sample));
        CHECK(view_text(text) == joined(text));
    }
}

TEST_CASE("model: a text's lines give the document its text gives") {
    std::string text = "Title\n1\ta\tb\n2\tc\nend\n" + std::string(3, '\t') + "\n";
    Document from_text = text_document(text);
    Document from_lines = text_document(split_lines(text));
    CHECK(view_text(from_lines) == view_text(from_text));
    CHECK(from_lines.blocks.size() == from_text.blocks.size());
    CHECK(from_lines.paragraph_lines == from_text.paragraph_lines);
}
