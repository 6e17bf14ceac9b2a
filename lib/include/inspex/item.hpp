// What a layout hands to the record builder: one item (a table row, a block
// of lines, a followed-up recommendation) as text fragments per named part,
// with the heading context it sits under and the input lines it spans.
//
//   for (const Fragment &f : item.parts[index_of("response")]) use(f.line, f.text);
#pragma once

#include "inspex/warning.hpp"

#include <map>
#include <string>
#include <vector>

namespace inspex {

struct Fragment {
    std::size_t line = 0; // input line the text came from (its first line)
    std::string text;
    std::string key;           // a numbered paragraph's number, else empty
    std::size_t last_line = 0; // last input line, when the text spans several
};

struct Item {
    std::vector<std::vector<Fragment>> parts; // indexed like the grammar's part names
    std::map<std::string, std::string> context;
    std::size_t first_line = 0, last_line = 0;
    std::vector<Warning> warnings;
};

// What a layout found in one document.
struct LayoutResult {
    std::vector<Item> items;
    std::vector<Warning> warnings;            // for text that belongs to no item
    std::size_t start_line = 0, end_line = 0; // 0 when the layout's start was not found
};

} // namespace inspex
