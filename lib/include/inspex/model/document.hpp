// The document model: what every reader (text, DOCX, ODT, HTML, PDF) produces
// and every layout reads. Paragraphs and tables of cells; merged cells explicit.
//
//   Document doc = read_document(bytes, "plan.docx").value();
//   for (const Block &b : doc.blocks) if (b.is_table()) use(b.rows);
#pragma once

#include "inspex/warning.hpp"

#include <string>
#include <vector>

namespace inspex {

// A word laid out on a page, with its horizontal extent: points on a PDF page,
// character columns in aligned text. Table recovery finds columns from these.
struct Word {
    std::string text;
    double x0 = 0, x1 = 0;
};

// One cell of a table row: its paragraphs (list items and line breaks are
// paragraphs of their own). A merged cell is explicit: `span` columns wide,
// or `continued`: the lower part of the cell above (Word's vMerge, HTML's
// rowspan, ODT's covered cells), which carries no text of its own.
struct Cell {
    std::vector<std::string> paragraphs;
    std::size_t span = 1;
    bool continued = false;
};

struct Row {
    std::vector<Cell> cells;
};

// A paragraph, or a table. A paragraph read from a page (PDF, aligned text)
// keeps its words with their positions; its `text` is the words joined.
struct Block {
    enum class Kind { paragraph, table };
    Kind kind = Kind::paragraph;
    std::string text;        // a paragraph: its text; '\n' marks a line break inside it
    std::vector<Row> rows;   // a table: its rows, in order
    std::vector<Word> words; // a paragraph laid out on a page, when the reader knows positions
    std::size_t page = 0;    // 1-based page it is on, 0 when the format has no pages
    bool page_start = false; // the first block of a new page (not of the first one)
    // Provenance: the lines of the text view it occupies (set by number_lines).
    std::size_t first_line = 0, last_line = 0;

    [[nodiscard]] bool is_table() const { return kind == Kind::table; }
    static Block paragraph(std::string text, std::size_t page = 0) {
        Block b;
        b.text = std::move(text);
        b.page = page;
        return b;
    }
    static Block table(std::vector<Row> rows, std::size_t page = 0) {
        Block b;
        b.kind = Kind::table;
        b.rows = std::move(rows);
        b.page = page;
        return b;
    }
};

struct Document {
    std::string format;        // "text", "docx", "odt", "html", "pdf"
    std::vector<Block> blocks; // in reading order; headers, footers, footnotes left out
    std::size_t pages = 0;     // 0 when the format has no pages
    // Each line of a paragraph is a whole paragraph (office files, HTML, text
    // saved a paragraph a line), not a line wrapped at a page's width.
    bool paragraph_lines = false;
    std::vector<Warning> warnings; // what the reader could not read (lines 0: whole document)
};

} // namespace inspex
