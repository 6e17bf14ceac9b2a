#include "inspex/stream.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

std::string join_text(const std::vector<Unit> &units, Span span) {
    std::string out;
    for (std::size_t i = span.begin; i < span.end; ++i)
        out += (out.empty() ? "" : " ") + units[i].fragment.text;
    return out;
}

// The cells of a line and the paragraphs of each cell, in order.
std::vector<std::string_view> split_units(std::string_view line) {
    std::vector<std::string_view> units;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i)
        if (i == line.size() || line[i] == kCellSeparator || line[i] == kBlockBreak) {
            units.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    return units;
}

std::size_t last_line_of(const Fragment &f) {
    return f.last_line ? f.last_line : f.line;
}

} // namespace

char classify(const std::vector<LineClass> &classes, std::string_view text, char other) {
    auto cls = std::find_if(classes.begin(), classes.end(),
                            [&](const LineClass &c) { return c.pattern->matches(text); });
    return cls == classes.end() ? other : cls->letter;
}

LayoutResult group_units(const std::vector<Unit> &units, const std::vector<StreamRule> &rules,
                         const std::vector<std::string> &parts) {
    LayoutResult result;
    std::string classes;
    for (const Unit &u : units)
        classes += u.letter;
    std::map<std::string, std::string> context;
    for (std::size_t pos = 0; pos < units.size();) {
        std::optional<Match> match;
        const StreamRule *rule = nullptr;
        for (const StreamRule &r : rules) {
            match = r.pattern->search(classes, pos);
            if (match && match->whole().begin == pos && !match->whole().empty()) {
                rule = &r;
                break;
            }
        }
        const Fragment &here = units[pos].fragment;
        if (!rule) {
            (result.items.empty() ? result.warnings : result.items.back().warnings)
                .push_back({"unplaced-line",
                            fmt::format("text \"{}\" fits no rule; left out", excerpt(here.text)),
                            here.line, last_line_of(here)});
            ++pos;
            continue;
        }
        Span whole = match->whole();
        if (rule->context) {
            for (const std::string &name : match->matched_names())
                context[name] = join_text(units, *match->group(name));
        } else {
            Item item;
            item.parts.resize(parts.size());
            item.context = context;
            item.first_line = units[whole.begin].fragment.line;
            item.last_line = last_line_of(units[whole.end - 1].fragment);
            for (std::size_t k = 0; k < parts.size(); ++k)
                if (auto span = match->group(parts[k]))
                    for (std::size_t c = span->begin; c < span->end; ++c)
                        item.parts[k].push_back(units[c].fragment);
            result.items.push_back(std::move(item));
        }
        pos = whole.end;
    }
    return result;
}

std::vector<std::string> StreamLayout::run_together(const std::string &text) const {
    if (text.empty())
        return {};
    for (const RegexPtr &pattern : spec_.split) {
        auto m = pattern->search(text);
        if (!m || m->whole().begin != 0 || m->whole().end != text.size())
            continue;
        // The cells: the named groups not inside another (a date's own "month"
        // is not a cell), in the order the line writes them.
        std::vector<Span> spans;
        for (const std::string &name : m->matched_names())
            if (auto span = m->group(name); span && !span->empty())
                spans.push_back(*span);
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        std::vector<std::string> cells;
        std::size_t covered = 0;
        for (const Span &span : spans) {
            if (!cells.empty() && span.end <= covered)
                continue;
            cells.emplace_back(text.substr(span.begin, span.end - span.begin));
            covered = span.end;
        }
        return cells;
    }
    return {text};
}

LayoutResult StreamLayout::run(const std::vector<Line> &lines) const {
    auto region = find_region_start(lines, spec_.start.get());
    if (!region)
        return {};
    std::size_t i = region->index, start_line = region->line, end_line = 0;
    std::vector<Unit> units;
    for (; i < lines.size(); ++i) {
        end_line = lines[i].number;
        if (spec_.end && spec_.end->matches(lines[i].text))
            break;
        if (spec_.columns.header_min &&
            TableLayout(spec_.columns).find_header(std::vector<Line>{lines[i]}))
            continue; // the table's header row, repeated on a new page
        if (spec_.skip && spec_.skip->matches(lines[i].text))
            continue;
        // A row of a table read from an office file holds several cells, and a
        // cell several paragraphs: each is a unit, as if pasted one per line.
        for (std::string_view cell : split_units(lines[i].text))
            for (std::string &text : run_together(collapse_spaces(cell))) {
                char letter = classify(spec_.classes, text, spec_.other);
                units.push_back({Fragment{lines[i].number, std::move(text), {}, 0}, letter});
            }
    }
    LayoutResult result = group_units(units, spec_.rules, spec_.parts);
    result.start_line = start_line;
    result.end_line = end_line;
    return result;
}

} // namespace inspex
