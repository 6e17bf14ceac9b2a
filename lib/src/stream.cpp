#include "inspex/stream.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_set>

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

// "class N (un-action-plan.toml:40)"; "class T" where no class pattern gave it.
std::string class_name(const Unit &u) {
    return u.class_rule ? fmt::format("class {} ({})", u.letter, rule_at(*u.class_rule))
                        : fmt::format("class {}", u.letter);
}

// Which of the match's named groups holds unit `c`: the part (or context
// value) it went to.
std::string group_of(const Match &match, const std::vector<std::string> &names, std::size_t c) {
    for (const std::string &name : names)
        if (auto span = match.group(name); span && span->begin <= c && c < span->end)
            return name;
    return {};
}

// Traces the units a rule took: the rule, and the part or context value of each.
void trace_taken(const TraceSink *trace, const std::vector<Unit> &units, const StreamRule &rule,
                 const Match &match, const std::vector<std::string> &parts) {
    std::vector<std::string> names = rule.context ? match.matched_names() : parts;
    for (std::size_t c = match.whole().begin; c < match.whole().end; ++c) {
        std::string group = group_of(match, names, c);
        std::string by = fmt::format("{} at {}",
                                     rule.context     ? "context rule"
                                     : rule.continues ? "continuing rule"
                                                      : "rule",
                                     rule_at(*rule.pattern));
        by += group.empty() ? ", in no part" : (rule.context ? ", value " : ", part ") + group;
        const Fragment &f = units[c].fragment;
        inspex::trace(trace, {f.line, last_line_of(f), class_name(units[c]), by,
                              group.empty() ? "matched by the rule but in no part" : "", f.text});
    }
}

// The lines of each part the match names, added to the item's.
void add_parts(Item &item, const std::vector<Unit> &units, const Match &match,
               const std::vector<std::string> &parts) {
    for (std::size_t k = 0; k < parts.size(); ++k)
        if (auto span = match.group(parts[k]))
            for (std::size_t c = span->begin; c < span->end; ++c)
                item.parts[k].push_back(units[c].fragment);
}

} // namespace

const LineClass *find_class(const std::vector<LineClass> &classes, std::string_view text) {
    auto cls = std::find_if(classes.begin(), classes.end(),
                            [&](const LineClass &c) { return c.pattern->matches(text); });
    return cls == classes.end() ? nullptr : &*cls;
}

char classify(const std::vector<LineClass> &classes, std::string_view text, char other) {
    const LineClass *cls = find_class(classes, text);
    return cls ? cls->letter : other;
}

LayoutResult group_units(const std::vector<Unit> &units, const std::vector<StreamRule> &rules,
                         const std::vector<std::string> &parts, const TraceSink *trace) {
    LayoutResult result;
    std::string classes;
    for (const Unit &u : units)
        classes += u.letter;
    std::map<std::string, std::string> context;
    for (std::size_t pos = 0; pos < units.size();) {
        std::optional<Match> match;
        const StreamRule *rule = nullptr;
        for (const StreamRule &r : rules) {
            match = r.pattern->match_at(classes, pos);
            if (match && !match->whole().empty() &&
                (!r.first_line || r.first_line->matches(units[pos].fragment.text))) {
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
            if (trace)
                inspex::trace(trace, {here.line, last_line_of(here), class_name(units[pos]), "",
                                      "no rule matched", here.text});
            ++pos;
            continue;
        }
        Span whole = match->whole();
        if (trace)
            trace_taken(trace, units, *rule, *match, parts);
        if (rule->context) {
            for (const std::string &name : match->matched_names())
                context[name] = join_text(units, *match->group(name));
        } else if (rule->continues && !result.items.empty()) {
            Item &item = result.items.back();
            item.last_line = last_line_of(units[whole.end - 1].fragment);
            add_parts(item, units, *match, parts);
        } else {
            Item item;
            item.parts.resize(parts.size());
            item.context = context;
            item.first_line = units[whole.begin].fragment.line;
            item.last_line = last_line_of(units[whole.end - 1].fragment);
            add_parts(item, units, *match, parts);
            result.items.push_back(std::move(item));
        }
        pos = whole.end;
    }
    return result;
}

namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t") == std::string_view::npos;
}

// The match of the first pattern that matches the whole text.
std::optional<Match> whole_match(const std::vector<RegexPtr> &patterns, const std::string &text) {
    for (const RegexPtr &pattern : patterns)
        if (auto m = pattern->search(text);
            m && m->whole().begin == 0 && m->whole().end == text.size())
            return m;
    return std::nullopt;
}

// The texts of the document's lines, white space collapsed, and their lengths:
// a text is looked up only when its length is one of them, so a long line is
// not hashed once for each of its words.
struct LineTexts {
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> texts;
    std::unordered_set<std::size_t> lengths;

    explicit LineTexts(const std::vector<Line> &lines) {
        for (const Line &line : lines) {
            auto [at, added] = texts.insert(collapse_spaces(line.text));
            if (added)
                lengths.insert(at->size());
        }
    }
    bool contains(std::string_view text) const {
        return lengths.contains(text.size()) && texts.contains(text);
    }
};

// Of the cuts of a line into cells, the one whose cells the document also
// writes as lines of their own: a cell that is not such a line gives its
// first words to the cell before it where the rest is one, of the same class
// ("... review the Safety Team" | "Head of Prison Safety", not "... review
// the" | "Safety Team Head of Prison Safety").
void prefer_known_cells(std::vector<std::string> &cells, const LineTexts &known,
                        const std::vector<LineClass> &classes, char other) {
    for (std::size_t i = 1; i < cells.size(); ++i) {
        if (known.contains(cells[i]))
            continue;
        char letter = classify(classes, cells[i], other);
        std::string_view cell = cells[i];
        for (std::size_t space = cell.find(' '); space != std::string_view::npos;
             space = cell.find(' ', space + 1)) {
            std::string_view rest = cell.substr(space + 1);
            if (known.contains(rest) && classify(classes, rest, other) == letter) {
                cells[i - 1] += ' ' + std::string(cell.substr(0, space));
                cells[i] = std::string(rest);
                break;
            }
        }
    }
}

} // namespace

bool StreamLayout::skipped(const Line &line) const {
    return (spec_.skip && spec_.skip->matches(line.text)) ||
           (spec_.columns.header_min &&
            TableLayout(spec_.columns).find_header(std::vector<Line>{line}));
}

bool StreamLayout::at_foot(const std::vector<Line> &lines, std::size_t i) const {
    if (spec_.split_at_foot.empty())
        return false;
    for (std::size_t k = i + 1; k < lines.size(); ++k)
        if (!is_blank(lines[k].text))
            return skipped(lines[k]);
    return false;
}

StreamLayout::Cells StreamLayout::run_together(const std::string &text, bool at_foot) const {
    if (text.empty())
        return {};
    std::optional<Match> m;
    if (at_foot)
        m = whole_match(spec_.split_at_foot, text);
    bool cut_at_foot = m.has_value();
    if (!m)
        m = whole_match(spec_.split, text);
    if (m) {
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
        return {std::move(cells), cut_at_foot};
    }
    return {{text}, false};
}

LayoutResult StreamLayout::run(const std::vector<Line> &lines, const TraceSink *trace) const {
    auto region = find_region_start(lines, spec_.start.get());
    trace_outside(trace, lines, 0, region ? region->index : lines.size(),
                  region ? "before the start (the start line or above)"
                         : "the start was not found");
    if (!region)
        return {};
    std::size_t i = region->index, start_line = region->line, end_line = 0;
    std::vector<Unit> units;
    std::optional<LineTexts> known; // made when a page's foot needs it
    for (; i < lines.size(); ++i) {
        end_line = lines[i].number;
        if (spec_.end && spec_.end->matches(lines[i].text)) {
            trace_outside(trace, lines, i, lines.size(),
                          "at or after the end (end at " + rule_at(*spec_.end) + ")");
            break;
        }
        if (spec_.columns.header_min &&
            TableLayout(spec_.columns).find_header(std::vector<Line>{lines[i]})) {
            if (trace)
                inspex::trace(trace, {lines[i].number, 0, "header", "", "the table's header row",
                                      lines[i].text});
            continue; // the table's header row, repeated on a new page
        }
        if (spec_.skip && spec_.skip->matches(lines[i].text)) {
            if (trace)
                inspex::trace(trace, {lines[i].number, 0, "skip", "",
                                      "skip at " + rule_at(*spec_.skip), lines[i].text});
            continue;
        }
        // A row of a table read from an office file holds several cells, and a
        // cell several paragraphs: each is a unit, as if pasted one per line.
        std::size_t before = units.size();
        // (asked of non-blank lines only: a run of blank lines is read once)
        bool foot = !is_blank(lines[i].text) && at_foot(lines, i);
        for (std::string_view cell : split_units(lines[i].text)) {
            Cells cut = run_together(collapse_spaces(cell), foot);
            if (cut.at_foot) {
                if (!known)
                    known.emplace(lines);
                prefer_known_cells(cut.cells, *known, spec_.classes, spec_.other);
            }
            for (std::string &text : cut.cells) {
                const LineClass *cls = find_class(spec_.classes, text);
                units.push_back({Fragment{lines[i].number, std::move(text), {}, 0},
                                 cls ? cls->letter : spec_.other,
                                 cls ? cls->pattern.get() : nullptr});
            }
        }
        if (trace && units.size() == before)
            inspex::trace(trace, {lines[i].number, 0, "blank", "", "blank", {}});
    }
    LayoutResult result = group_units(units, spec_.rules, spec_.parts, trace);
    result.start_line = start_line;
    result.end_line = end_line;
    return result;
}

} // namespace inspex
