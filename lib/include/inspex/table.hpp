// Rebuilds the logical rows of a table from the physical lines a conversion
// left: rows that start without their number, cells that lost their tab
// position, headings that share a line with the previous row's cells.
//
//   TableLayout layout(spec);
//   LayoutResult t = layout.run(clean_lines);  // t.items[i].parts[col] = fragments
#pragma once

#include "inspex/item.hpp"
#include "inspex/lines.hpp"
#include "inspex/pattern.hpp"
#include "inspex/trace.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inspex {

struct ColumnSpec {
    std::string name;
    std::string label; // for messages; defaults to name
    RegexPtr fits;     // what its content looks like; null: any text
    RegexPtr header;   // the header cell that names it ("1. Rec No", "Accepted/ Rejected")
    // Its cell holds one paragraph: in aligned text, every line of the cell
    // goes on from the line above (an owner wrapped where its width was misread).
    bool one_paragraph = false;
    // A column whose cells are merged down over rows (a theme over its
    // priorities): a cell whose text ends as this says ("... and") goes on in
    // the text below it, in whichever row that lies (null: never).
    RegexPtr goes_on_below = nullptr;
};

// Heading lines set context values (e.g. the section rows sit under) from the
// named groups of the first rule that matches the heading text.
struct HeadingSpec {
    std::size_t column = 0;
    RegexPtr pattern;               // what a heading looks like
    std::vector<std::size_t> empty; // columns that must be empty on a heading line
    std::vector<RegexPtr> context;  // rules whose named groups set context values
    RegexPtr runs_on; // a heading that matches goes on in the next line's heading (wrapped)
};

struct RowStartRule {
    std::size_t column = 0;
    RegexPtr pattern; // content of that column that begins a row
};

struct TableSpec {
    RegexPtr start; // the header line; the table begins after it (null: first line)
    // With column `header` patterns: a row whose cells name at least this many
    // columns is the header (whatever start says), and its order of columns is
    // the order the table's rows are read in.
    std::size_t header_min = 0;
    // What ends the table (null: the end of the text), matched against a line
    // and the three non-blank lines after it, '\n' between, so that an end
    // can be told by what follows it.
    RegexPtr end;
    RegexPtr skip;  // lines to ignore (separators)
    RegexPtr noise; // cell content to drop silently (stray dashes)
    std::vector<ColumnSpec> columns;
    std::size_t key_column = 0;           // non-empty content here begins a row
    std::vector<RowStartRule> row_starts; // other content that begins a row
    HeadingSpec heading;
    bool has_heading = false;
    [[nodiscard]] std::optional<std::size_t> column_index(std::string_view name) const;
};

// The table's header line, and the column each of its cells names (empty
// when the header was found by `start`: cells are then in the columns' order).
struct TableHeader {
    std::size_t index = 0; // index of the header line
    std::size_t line = 0;  // its line number
    std::vector<int> columns;
};

// Whether the table ends at line i of `count` (`line(k)` gives line k's text):
// `spec.end` matches line i, not blank, with the next lines of text after it.
[[nodiscard]] bool ends_table(const TableSpec &spec,
                              const std::function<std::string_view(std::size_t)> &line,
                              std::size_t i, std::size_t count);

class TableLayout {
  public:
    explicit TableLayout(const TableSpec &spec) : spec_(spec) {}
    // With `trace`, says what it decided about each line (trace.hpp).
    [[nodiscard]] LayoutResult run(const std::vector<Line> &lines,
                                   const TraceSink *trace = nullptr) const;

    // The first header line at or after `from`: by the columns' header
    // patterns when header_min is set, else by `start`.
    [[nodiscard]] std::optional<TableHeader> find_header(const std::vector<Line> &lines,
                                                         std::size_t from = 0) const;

    // Column of each cell (or -1: left out) that best fits the columns'
    // declared content; `previous` is the last line's placement, preferred on ties.
    [[nodiscard]] std::vector<int> place(const std::vector<std::string> &cells,
                                         const std::vector<int> &previous) const;

  private:
    // The column each cell names by its header pattern (-1: none), when at
    // least header_min columns are named, each once.
    [[nodiscard]] std::optional<std::vector<int>> header_columns(std::string_view line) const;
    // The column holding a heading when the row is one: the heading column,
    // or the first cell of a row whose only text it is (a merged full-width row);
    // `wrapped`: the start of a heading the row may end.
    [[nodiscard]] std::optional<std::size_t> heading_column(const std::vector<std::string> &flat,
                                                            const std::string &wrapped) const;
    // A row's cells in the columns' order, as the header placed them.
    [[nodiscard]] std::vector<std::string> in_column_order(std::vector<std::string> cells,
                                                           const std::vector<int> &columns) const;

    const TableSpec &spec_;
};

} // namespace inspex
