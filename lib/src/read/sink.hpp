// Internal to the readers: where a walk of a document's tree puts what it
// reads, the body's blocks or the paragraphs of one table cell.
#pragma once

#include "inspex/model/document.hpp"

#include <string>
#include <vector>

namespace inspex::detail {

struct Sink {
    std::vector<Block> *blocks = nullptr;
    std::vector<std::string> *paragraphs = nullptr;

    void paragraph(std::string text) const {
        if (!paragraphs)
            blocks->push_back(Block::paragraph(std::move(text)));
        else if (!text.empty())
            paragraphs->push_back(std::move(text));
    }
    // A table inside a cell gives its text to the cell, in reading order.
    void table(std::vector<Row> rows) const {
        if (!paragraphs) {
            blocks->push_back(Block::table(std::move(rows)));
            return;
        }
        for (const Row &row : rows)
            for (const Cell &cell : row.cells)
                for (const std::string &p : cell.paragraphs)
                    paragraphs->push_back(p);
    }
};

// A list item that does not end a sentence is given a full stop, so that
// items stay separate sentences once a cell's paragraphs are joined.
inline std::string as_list_item(std::string text) {
    std::size_t end = text.find_last_not_of(" \t\n");
    if (end != std::string::npos && std::string_view(".!?;:").find(text[end]) == std::string::npos)
        text.insert(end + 1, ".");
    return text;
}

} // namespace inspex::detail
