// Reads reports converted from PDF: numbered paragraphs and labelled blocks
// ("Concern:") that run over many lines, blank lines and page breaks, with
// headings between them and image captions inside them. Lines become blocks,
// blocks get class letters, and the stream rules group them into items.
//
//   ProseLayout layout(spec);
//   LayoutResult r = layout.run(clean_lines);
#pragma once

#include "inspex/stream.hpp"

namespace inspex {

struct ProseSpec {
    RegexPtr start; // line after which the prose is read (null: first line)
    RegexPtr end;   // line that ends it (null: end of text)
    RegexPtr skip;  // lines that are no part of the text: running headers, page numbers
    std::vector<RegexPtr> starts;   // a line matching one of these begins a new block
    RegexPtr key;                   // group "key": a block's number, taken out of its text
    RegexPtr page_start;            // the first line of a page, as the conversion marks it
    std::vector<LineClass> classes; // a block's class, from its text (number included)
    char other = 'X';
    char heading = 'H';
    // A short block between gaps that does not end a sentence is a heading,
    // or a caption (left out) when it interrupts a sentence or stands right
    // before a numbered paragraph.
    std::size_t caption_lines = 2;
    // "left-right" split over a line break: joined as "leftright" when this
    // matches, else kept as "left-right".
    RegexPtr join_hyphenated;
    std::vector<StreamRule> rules;
    std::vector<std::string> parts;
};

class ProseLayout {
  public:
    explicit ProseLayout(const ProseSpec &spec) : spec_(spec) {}
    // With `paragraph_lines`, every line is a paragraph of its own (office
    // files); else lines run on into a paragraph until a gap or a block start.
    // With `trace`, says what became of each line and block (trace.hpp).
    [[nodiscard]] LayoutResult run(const std::vector<Line> &lines, bool paragraph_lines = false,
                                   const TraceSink *trace = nullptr) const;

    // Appends a line to running text the way a reader joins broken lines.
    void join_line(std::string &text, std::string_view line) const;

  private:
    const ProseSpec &spec_;
};

} // namespace inspex
