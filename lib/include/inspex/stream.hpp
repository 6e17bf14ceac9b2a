// Reads documents whose table cells arrive one per line (a Word table pasted
// as paragraphs): each non-blank line gets a one-letter class from the first
// class pattern it matches, and ordered rules, regexes over that string of
// classes, group the lines into context values and items.
//
//   StreamLayout layout(spec);
//   LayoutResult r = layout.run(clean_lines); // r.items[i].parts[k]: lines of part k
#pragma once

#include "inspex/item.hpp"
#include "inspex/lines.hpp"
#include "inspex/pattern.hpp"
#include "inspex/table.hpp"
#include "inspex/trace.hpp"

#include <string>
#include <vector>

namespace inspex {

struct LineClass {
    char letter = 'T';
    RegexPtr pattern; // matched against the line with its white space collapsed
};

// Tried at the current line in order; the first that matches there (use \G),
// and whose `first_line` pattern the line's text matches, consumes the lines
// its match spans. Its named groups name parts of a new
// item, or, for a context rule, context values that later items carry, or,
// for a continuing rule, parts the item before goes on with (a cell's later
// paragraphs written after the row's other cells).
struct StreamRule {
    RegexPtr pattern;
    bool context = false;
    bool continues = false;
    RegexPtr first_line = nullptr; // if set, the text of the first line it takes must match it
};

struct StreamSpec {
    RegexPtr start; // line after which the stream begins (null: first line)
    RegexPtr end;   // line that ends it (null: end of text)
    std::vector<LineClass> classes;
    char other = 'T'; // class of a line no pattern matches
    RegexPtr skip;    // lines left out (the header run onto one line, repeated on a new page)
    // A line that runs several cells together (text in reading order, as
    // pdftotext -raw writes it): the first pattern that matches the whole line
    // gives its named groups as the cells, in the order the line writes them
    // (a group inside another, a date's own "month", is not a cell).
    std::vector<RegexPtr> split;
    // Tried before `split` on a page's last line (the next line is skipped or
    // the table's header, repeated on a new page): a row begun at a page's
    // foot may hold the first line of each of its cells side by side.
    std::vector<RegexPtr> split_at_foot;
    std::vector<StreamRule> rules;
    std::vector<std::string> parts;
    // The table the cells come from, named by its header labels, for texts
    // that lay it out by position (PDF, pdftotext -layout): its rows are
    // recovered first (layout/columns.hpp), then read cell by cell.
    TableSpec columns;
};

// The letter of the first class whose pattern matches the text, else `other`.
[[nodiscard]] char classify(const std::vector<LineClass> &classes, std::string_view text,
                            char other);
// The first class whose pattern matches the text, or null.
[[nodiscard]] const LineClass *find_class(const std::vector<LineClass> &classes,
                                          std::string_view text);

// One classified unit of a document (a line, or a block of prose) that rules
// group into context values and items.
struct Unit {
    Fragment fragment;
    char letter = 'T';
    const Regex *class_rule = nullptr; // the class pattern that gave the letter (for a trace)
};

// Applies the rules to the units' string of class letters; shared by the
// stream layout (a unit per line) and the prose layout (a unit per block).
// With `trace`, says which rule and part took each unit.
[[nodiscard]] LayoutResult group_units(const std::vector<Unit> &units,
                                       const std::vector<StreamRule> &rules,
                                       const std::vector<std::string> &parts,
                                       const TraceSink *trace = nullptr);

class StreamLayout {
  public:
    explicit StreamLayout(const StreamSpec &spec) : spec_(spec) {}
    [[nodiscard]] LayoutResult run(const std::vector<Line> &lines,
                                   const TraceSink *trace = nullptr) const;

  private:
    // The cells of one line: itself, or the cells a split rule finds in it;
    // whether a `split_at_foot` rule found them (the line ends a page).
    struct Cells {
        std::vector<std::string> cells;
        bool at_foot = false;
    };
    [[nodiscard]] Cells run_together(const std::string &text, bool at_foot) const;
    // The line is the table's header or one `skip` leaves out.
    [[nodiscard]] bool skipped(const Line &line) const;
    // The next non-blank line after line i is skipped: i ends a page.
    [[nodiscard]] bool at_foot(const std::vector<Line> &lines, std::size_t i) const;

    const StreamSpec &spec_;
};

} // namespace inspex
