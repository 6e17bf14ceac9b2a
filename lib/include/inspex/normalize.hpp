// Cleans each line of conversion damage while keeping its input line number:
// odd spaces become plain spaces, grammar-declared debris is rewritten, and
// HTML fragments inside cells are reduced to their text.
//
//   Normalizer n(rules);
//   Line clean = n.line(raw_line);        // same number, cleaned cells
//   std::string t = n.text_field(joined); // collapse spaces, repair breaks
#pragma once

#include "inspex/lines.hpp"
#include "inspex/pattern.hpp"

#include <string>
#include <vector>

namespace inspex {

struct Replacement {
    RegexPtr pattern;
    std::string with; // PCRE2 substitution syntax: $1, ${name}
};

struct NormalizeRules {
    bool html = false;                     // read HTML fragments inside cells
    std::vector<Replacement> line_replace; // applied to every cell of every line
    std::vector<Replacement> text_replace; // applied to assembled text fields
};

class Normalizer {
  public:
    explicit Normalizer(const NormalizeRules &rules) : rules_(rules) {}

    // The cleaned line: each tab-separated cell cleaned on its own, so cells
    // keep their position.
    [[nodiscard]] Line line(const Line &raw) const;
    [[nodiscard]] std::string cell(std::string_view raw) const;
    // A paragraph's lines with the line_replace rules applied, before a
    // table is recovered from them (a line the rules empty is a blank line).
    [[nodiscard]] std::string replace_lines(std::string_view text) const;
    // A text field as records carry it: block breaks read as spaces, white
    // space collapsed, text_replace rules applied.
    [[nodiscard]] std::string text_field(std::string_view joined) const;

  private:
    const NormalizeRules &rules_;
};

// Odd spaces (no-break, thin, ideographic…) to ' ', invisible ones (zero-width,
// soft hyphen, BOM) removed, control characters other than tab and newline
// to ' '.
[[nodiscard]] std::string clean_spaces(std::string_view text);
// The same in place (the text only shrinks): a large text is not copied.
void clean_spaces_in(std::string &text);

// At most about `limit` bytes of text for a message, cut at a word boundary
// (never inside a UTF-8 character), with "..." when cut.
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t limit = 60);

// Runs of white space (and block breaks) to one space, trimmed.
[[nodiscard]] std::string collapse_spaces(std::string_view text);

} // namespace inspex
