#include "inspex/model/text_view.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

// A cell's text on one line: paragraphs and line breaks become block breaks,
// and a tab inside the text a space, so that only cell boundaries are tabs.
std::string cell_text(const Cell &cell) {
    std::string out;
    if (cell.continued)
        return out;
    for (const std::string &p : cell.paragraphs) {
        if (!out.empty())
            out += kBlockBreak;
        std::size_t from = out.size();
        out += p;
        for (std::size_t i = from; i < out.size(); ++i)
            if (out[i] == '\n')
                out[i] = kBlockBreak;
            else if (out[i] == kCellSeparator)
                out[i] = ' ';
    }
    return out;
}

std::string row_text(const Row &row) {
    std::string out;
    bool first = true;
    for (const Cell &cell : row.cells) {
        if (!first)
            out += kCellSeparator;
        first = false;
        out += cell_text(cell);
        out.append(cell.span > 1 ? cell.span - 1 : 0, kCellSeparator);
    }
    return out;
}

std::size_t line_count(const Block &b) {
    if (b.is_table())
        return b.rows.size();
    return 1 + static_cast<std::size_t>(std::count(b.text.begin(), b.text.end(), '\n'));
}

} // namespace

void number_lines(Document &doc) {
    std::size_t next = 1;
    for (Block &b : doc.blocks) {
        std::size_t n = line_count(b);
        b.first_line = next;
        b.last_line = n ? next + n - 1 : next;
        next += n;
    }
}

std::vector<Line> text_view(const Document &doc) {
    std::vector<Line> lines;
    std::size_t number = 1;
    for (const Block &b : doc.blocks) {
        std::size_t first = lines.size();
        if (b.is_table()) {
            for (const Row &row : b.rows)
                lines.push_back({number++, row_text(row)});
        } else {
            std::size_t start = 0;
            for (std::size_t nl; (nl = b.text.find('\n', start)) != std::string::npos;
                 start = nl + 1)
                lines.push_back({number++, b.text.substr(start, nl - start)});
            lines.push_back({number++, b.text.substr(start)});
        }
        if (b.page_start && lines.size() > first)
            lines[first].text.insert(lines[first].text.begin(), kPageBreak);
    }
    return lines;
}

std::string view_text(const Document &doc) {
    // Written straight into one string, as text_view's lines would be joined:
    // a large document's lines and their joined copy are never held together.
    std::string text;
    for (const Block &b : doc.blocks) {
        if (b.page_start && (!b.is_table() || !b.rows.empty()))
            text += kPageBreak; // on the block's first line
        if (!b.is_table()) {
            text += b.text;
            text += '\n';
            continue;
        }
        for (const Row &row : b.rows) {
            text += row_text(row);
            text += '\n';
        }
    }
    return text;
}

std::vector<std::size_t> line_pages(const Document &doc) {
    std::vector<std::size_t> pages;
    if (doc.pages == 0)
        return pages;
    for (const Block &b : doc.blocks)
        pages.insert(pages.end(), line_count(b), b.page);
    return pages;
}

namespace {

// Text wrapped at a page's width has no line much longer than the page; text
// saved a paragraph a line has many (a fifth of its lines of some length).
bool lines_are_paragraphs(const std::vector<Line> &lines) {
    constexpr std::size_t kSome = 40, kLong = 200;
    std::size_t some = 0, longer = 0;
    for (const Line &l : lines) {
        some += l.text.size() >= kSome;
        longer += l.text.size() >= kLong && l.text.find("   ") == std::string::npos;
    }
    return some > 0 && longer * 5 >= some;
}

} // namespace

Document text_document(std::string_view text) {
    return text_document(split_lines(text));
}

Document text_document(std::vector<Line> lines) {
    Document doc;
    doc.format = "text";
    doc.paragraph_lines = lines_are_paragraphs(lines);
    for (Line &line : lines) {
        std::size_t tabs = std::count(line.text.begin(), line.text.end(), kCellSeparator);
        if (tabs >= kMaxCellsPerRow) {
            // No table is that wide: a line of thousands of tabs is text, kept
            // small (a cell costs a hundred bytes or more in the model).
            std::replace(line.text.begin(), line.text.end(), kCellSeparator, ' ');
            doc.warnings.push_back({"too-many-cells",
                                    fmt::format("a line of {} cells read as text, not a table row "
                                                "(at most {} cells a row)",
                                                tabs + 1, kMaxCellsPerRow),
                                    line.number, line.number});
        }
        bool row = line.text.find(kCellSeparator) != std::string::npos;
        if (!row) {
            doc.blocks.push_back(Block::paragraph(std::move(line.text)));
            continue;
        }
        Row r;
        for (std::string_view c : split_cells(line.text))
            r.cells.push_back(Cell{{std::string(c)}, 1, false});
        std::string().swap(line.text); // its cells hold it now
        if (doc.blocks.empty() || !doc.blocks.back().is_table())
            doc.blocks.push_back(Block::table({}));
        doc.blocks.back().rows.push_back(std::move(r));
    }
    number_lines(doc);
    return doc;
}

} // namespace inspex
