// What extraction decided about each line, for a grammar author: the class
// the grammar gave it, the rule or column that took it, or why it was left
// out. The layouts report to an optional sink; the library never prints.
//
//   ExtractOptions o{[](const TraceEntry &e) { std::cerr << e.line << ' ' << e.cls << '\n'; }};
//   extract_document(grammar, input, std::move(document), o);
#pragma once

#include "inspex/lines.hpp"
#include "inspex/pattern.hpp"

#include <functional>
#include <string>

namespace inspex {

struct TraceEntry {
    std::size_t line = 0, last_line = 0; // input lines (last_line: a block over several)
    std::string cls;      // "header", "row", "continuation", "heading", a class letter...
    std::string taken_by; // the columns, rule or context that took it; empty when left out
    std::string left_out; // why it was left out ("furniture", "no rule matched"), else empty
    std::string text;     // the start of its text
};

// Entries come in the order the layout decides, not always by line (a stream
// classifies every line before grouping them): sort by line to read them.
using TraceSink = std::function<void(const TraceEntry &)>;

// Calls the sink, when there is one; the text shortened to an excerpt.
void trace(const TraceSink *sink, TraceEntry entry);

// Traces lines[from, to) as outside the layout's region, left out for `why`.
void trace_outside(const TraceSink *sink, const std::vector<Line> &lines, std::size_t from,
                   std::size_t to, const std::string &why);

// "action-plan.toml:88": where a grammar pattern was written.
[[nodiscard]] std::string rule_at(const Regex &pattern);

} // namespace inspex
