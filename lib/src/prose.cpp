#include "inspex/prose.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>

namespace inspex {
namespace {

// Lines between gaps (blank lines, new blocks, page breaks after a sentence).
struct Chunk {
    std::vector<const Line *> lines;
    bool starts_block = false;
};

struct Block {
    Fragment fragment;
    bool heading = false;
};

bool ends_sentence(std::string_view text) {
    std::size_t end = text.find_last_not_of(" \t");
    return end != std::string_view::npos &&
           std::string_view(".!?:;)").find(text[end]) != std::string_view::npos;
}

bool is_letter_byte(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

bool starts_upper(std::string_view text) {
    std::size_t i = text.find_first_not_of(" \t");
    return i != std::string_view::npos && std::isupper(static_cast<unsigned char>(text[i]));
}

bool any_match(const std::vector<RegexPtr> &patterns, std::string_view text) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const RegexPtr &p) { return p->matches(text); });
}

// A short line that starts with a capital and does not end a sentence: what a
// heading looks like when no gap sets it apart.
bool is_title_line(std::string_view flat) {
    constexpr std::size_t kTitleLength = 60;
    return !flat.empty() && flat.size() <= kTitleLength && starts_upper(flat) &&
           !ends_sentence(flat);
}

std::string_view next_text(const std::vector<Line> &lines, std::size_t i) {
    return i < lines.size() ? std::string_view(lines[i].text) : std::string_view();
}

// A chunk that is one title line, followed by a line that starts a sentence,
// is a heading set on its own line with no gap after.
bool after_title_line(const std::vector<Chunk> &chunks, std::string_view next) {
    if (chunks.empty() || chunks.back().lines.size() != 1 || chunks.back().starts_block)
        return false;
    return is_title_line(collapse_spaces(chunks.back().lines.front()->text)) && starts_upper(next);
}

} // namespace

void ProseLayout::join_line(std::string &text, std::string_view line) const {
    std::string piece = collapse_spaces(line);
    if (piece.empty())
        return;
    bool hyphen = text.size() >= 2 && text.back() == '-' && is_letter_byte(text[text.size() - 2]) &&
                  is_letter_byte(piece[0]);
    if (!hyphen) {
        if (!text.empty())
            text += ' ';
        text += piece;
        return;
    }
    std::size_t left = text.find_last_of(" ");
    std::string pair =
        text.substr(left == std::string::npos ? 0 : left + 1) + piece.substr(0, piece.find(' '));
    if (spec_.join_hyphenated && spec_.join_hyphenated->matches(pair))
        text.pop_back();
    text += piece;
}

namespace {

// Traces the lines of a chunk left out as a caption.
void trace_caption(const TraceSink *trace, const Chunk &chunk, const char *why) {
    for (const Line *line : chunk.lines)
        inspex::trace(trace, {line->number, 0, "caption", "", why, line->text});
}

} // namespace

LayoutResult ProseLayout::run(const std::vector<Line> &lines, bool paragraph_lines,
                              const TraceSink *trace) const {
    auto region = find_region_start(lines, spec_.start.get());
    trace_outside(trace, lines, 0, region ? region->index : lines.size(),
                  region ? "before the start (the start line or above)"
                         : "the start was not found");
    if (!region)
        return {};
    std::size_t i = region->index, start_line = region->line, end_line = 0;

    std::vector<Chunk> chunks;
    bool gap = true;
    for (; i < lines.size(); ++i) {
        const Line &line = lines[i];
        end_line = line.number;
        if (spec_.end && spec_.end->matches(line.text)) {
            trace_outside(trace, lines, i, lines.size(),
                          "at or after the end (end at " + rule_at(*spec_.end) + ")");
            break;
        }
        if (spec_.skip && spec_.skip->matches(line.text)) {
            if (trace)
                inspex::trace(trace,
                              {line.number, 0, "skip", "",
                               "furniture (skip at " + rule_at(*spec_.skip) + ")", line.text});
            continue; // page furniture: the text around it runs on
        }
        std::string flat = collapse_spaces(line.text);
        if (flat.empty()) {
            if (trace)
                inspex::trace(trace, {line.number, 0, "blank", "", "blank (a gap)", {}});
            gap = true;
            continue;
        }
        bool starts = any_match(spec_.starts, flat);
        bool new_page = spec_.page_start && spec_.page_start->matches(line.text) &&
                        !chunks.empty() && ends_sentence(chunks.back().lines.back()->text);
        bool title = is_title_line(flat) && !chunks.empty() &&
                     ends_sentence(chunks.back().lines.back()->text) &&
                     starts_upper(next_text(lines, i + 1));
        if (gap || starts || new_page || title || after_title_line(chunks, flat))
            chunks.push_back({{}, starts});
        chunks.back().lines.push_back(&line);
        gap = paragraph_lines;
    }

    std::vector<Block> blocks;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        const Chunk &chunk = chunks[c];
        std::string text;
        for (const Line *line : chunk.lines)
            join_line(text, line->text);
        Fragment piece{chunk.lines.front()->number, text, {}, chunk.lines.back()->number};
        bool floating = !chunk.starts_block && chunk.lines.size() <= spec_.caption_lines &&
                        starts_upper(text) && !ends_sentence(text);
        if (floating) {
            bool interrupts = !blocks.empty() && !blocks.back().heading &&
                              !ends_sentence(blocks.back().fragment.text);
            bool before_paragraph =
                c + 1 < chunks.size() && spec_.key &&
                spec_.key->matches(collapse_spaces(chunks[c + 1].lines.front()->text));
            if (!interrupts && !before_paragraph)
                blocks.push_back({piece, true});
            else if (trace)
                trace_caption(trace, chunk,
                              interrupts ? "a caption: it interrupts a sentence"
                                         : "a caption: it stands before a numbered paragraph");
            continue; // a caption: kept out of the text it interrupts
        }
        if (chunk.starts_block || blocks.empty() || blocks.back().heading) {
            blocks.push_back({piece, false});
            continue;
        }
        Fragment &current = blocks.back().fragment;
        join_line(current.text, text);
        current.last_line = piece.last_line;
    }

    std::vector<Unit> units;
    for (Block &b : blocks) {
        const LineClass *cls = b.heading ? nullptr : find_class(spec_.classes, b.fragment.text);
        char letter = b.heading ? spec_.heading : cls ? cls->letter : spec_.other;
        if (auto m = spec_.key ? spec_.key->search(b.fragment.text) : std::nullopt;
            m && m->group("key")) {
            b.fragment.key = std::string(*m->text("key"));
            b.fragment.text =
                collapse_spaces(std::string_view(b.fragment.text).substr(m->whole().end));
        }
        units.push_back({std::move(b.fragment), letter, cls ? cls->pattern.get() : nullptr});
    }
    LayoutResult result = group_units(units, spec_.rules, spec_.parts, trace);
    result.start_line = start_line;
    result.end_line = end_line;
    return result;
}

} // namespace inspex
