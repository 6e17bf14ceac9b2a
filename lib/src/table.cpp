#include "inspex/table.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace inspex {
namespace {

constexpr double kFitBonus = 2.0;     // content matches the column's declared shape
constexpr double kDropPenalty = -3.0; // leaving a non-empty cell out
constexpr double kContinuity = 0.25;  // same position as on the previous line
constexpr double kImpossible = -std::numeric_limits<double>::infinity();

} // namespace

std::optional<std::size_t> TableSpec::column_index(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name)
            return i;
    return std::nullopt;
}

bool ends_table(const TableSpec &spec, const std::function<std::string_view(std::size_t)> &line,
                std::size_t i, std::size_t count) {
    constexpr std::size_t kFollowing = 3;
    auto blank = [](std::string_view text) {
        return text.find_first_not_of(" \t\f") == std::string_view::npos;
    };
    // A table ends at a line of text, not at a blank one: the blank lines a
    // long cell leaves below its first line (each cell is one line of the
    // model) are not each read on to the next text.
    if (!spec.end || blank(line(i)))
        return false;
    std::string window(line(i));
    for (std::size_t k = i + 1, added = 0; k < count && added < kFollowing; ++k) {
        std::string_view next = line(k);
        if (blank(next))
            continue;
        window += '\n';
        window += next;
        ++added;
    }
    return spec.end->matches(window);
}

std::optional<std::vector<int>> TableLayout::header_columns(std::string_view line) const {
    // Each column named needs a cell of its own: most lines have too few to be
    // the header, and are let go before their cells are read.
    if (static_cast<std::size_t>(std::count(line.begin(), line.end(), kCellSeparator)) + 1 <
        spec_.header_min)
        return std::nullopt;
    std::vector<int> columns;
    std::vector<bool> named(spec_.columns.size(), false);
    std::size_t count = 0;
    for (std::string_view cell : split_cells(line)) {
        std::string text = collapse_spaces(cell);
        int found = -1;
        for (std::size_t j = 0; j < spec_.columns.size() && found < 0 && !text.empty(); ++j)
            if (!named[j] && spec_.columns[j].header && spec_.columns[j].header->matches(text))
                found = static_cast<int>(j);
        if (found >= 0) {
            named[static_cast<std::size_t>(found)] = true;
            ++count;
        }
        columns.push_back(found);
    }
    if (count < spec_.header_min)
        return std::nullopt;
    return columns;
}

std::optional<TableHeader> TableLayout::find_header(const std::vector<Line> &lines,
                                                    std::size_t from) const {
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (spec_.header_min > 0) {
            if (auto columns = header_columns(lines[i].text))
                return TableHeader{i, lines[i].number, std::move(*columns)};
        } else if (!spec_.start || spec_.start->matches(lines[i].text)) {
            return TableHeader{i, lines[i].number, {}};
        }
    }
    return std::nullopt;
}

std::vector<std::string> TableLayout::in_column_order(std::vector<std::string> cells,
                                                      const std::vector<int> &columns) const {
    bool identity = true;
    for (std::size_t c = 0; c < columns.size(); ++c)
        identity = identity && columns[c] == static_cast<int>(c);
    if (identity || cells.size() != columns.size())
        return cells;
    std::vector<std::string> ordered(spec_.columns.size());
    for (std::size_t c = 0; c < cells.size(); ++c)
        if (columns[c] >= 0)
            ordered[static_cast<std::size_t>(columns[c])] = std::move(cells[c]);
        else if (!cells[c].empty())
            ordered.push_back(std::move(cells[c])); // a column the grammar does not name
    return ordered;
}

std::optional<std::size_t> TableLayout::heading_column(const std::vector<std::string> &flat,
                                                       const std::string &wrapped) const {
    const std::size_t m = spec_.columns.size(), h = spec_.heading.column;
    if (!spec_.has_heading || flat.size() != m)
        return std::nullopt;
    auto empty = [&](std::size_t c) { return flat[c].empty(); };
    // (The end of a heading wrapped over two lines is a heading with its start:
    // "General Recommendations Directed to" / "the Governor".)
    std::string text = wrapped.empty() ? flat[h] : wrapped + ' ' + flat[h];
    if (!flat[h].empty() && spec_.heading.pattern->matches(text) &&
        std::all_of(spec_.heading.empty.begin(), spec_.heading.empty.end(), empty))
        return h;
    // A heading merged across the whole row sits in its first cell, alone.
    const ColumnSpec &first = spec_.columns.front();
    bool alone = std::count_if(flat.begin(), flat.end(), [](auto &c) { return !c.empty(); }) == 1;
    if (alone && !flat[0].empty() && spec_.heading.pattern->matches(flat[0]) &&
        !(first.fits && first.fits->matches(flat[0])))
        return 0;
    return std::nullopt;
}

std::vector<int> TableLayout::place(const std::vector<std::string> &cells,
                                    const std::vector<int> &previous) const {
    const std::size_t n = cells.size(), m = spec_.columns.size();
    auto fit = [&](std::size_t i, std::size_t j) {
        if (cells[i].empty() || !spec_.columns[j].fits)
            return 0.0;
        return spec_.columns[j].fits->matches(cells[i]) ? kFitBonus : kImpossible;
    };
    if (n == m) { // a full line keeps its positions unless a cell contradicts its column
        bool identity = true;
        for (std::size_t i = 0; i < n && identity; ++i)
            identity = fit(i, i) != kImpossible;
        if (identity) {
            std::vector<int> out(n);
            for (std::size_t i = 0; i < n; ++i)
                out[i] = static_cast<int>(i);
            return out;
        }
    }
    // best[i][k]: best score for cells i.. placed in columns k.. in order.
    std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
    std::vector<std::vector<int>> choice(n + 1, std::vector<int>(m + 1, -1));
    for (std::size_t i = n; i-- > 0;) {
        double drop = cells[i].empty() ? 0.0 : kDropPenalty;
        for (std::size_t k = 0; k <= m; ++k) {
            double top = kImpossible;
            int pick = -1;
            for (std::size_t j = k; j < m; ++j) {
                double f = fit(i, j);
                if (f == kImpossible)
                    continue;
                bool same = previous.size() == n && previous[i] == static_cast<int>(j);
                double s = f + (same ? kContinuity : 0.0) + best[i + 1][j + 1];
                if (s > top) {
                    top = s;
                    pick = static_cast<int>(j);
                }
            }
            if (drop + best[i + 1][k] > top) {
                top = drop + best[i + 1][k];
                pick = -1;
            }
            best[i][k] = top;
            choice[i][k] = pick;
        }
    }
    std::vector<int> out(n);
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = choice[i][k];
        if (out[i] >= 0)
            k = static_cast<std::size_t>(out[i]) + 1;
    }
    return out;
}

LayoutResult TableLayout::run(const std::vector<Line> &lines, const TraceSink *trace) const {
    LayoutResult result;
    auto header = find_header(lines);
    if (!header) {
        trace_outside(trace, lines, 0, lines.size(), "no table: its header was not found");
        return result;
    }
    std::size_t i = spec_.start || spec_.header_min ? header->index + 1 : 0;
    result.start_line = header->line;
    if (i > 0) {
        trace_outside(trace, lines, 0, header->index, "before the table's header");
        inspex::trace(trace, {header->line, 0, "header", "the table's header", "",
                              lines[header->index].text});
    }
    const std::size_t m = spec_.columns.size();
    std::map<std::string, std::string> context;
    std::string wrapped_heading; // a heading line that goes on in the next one
    std::vector<int> previous;
    std::string taken, left_out; // what the trace says of the current line
    auto note = [&](Warning w) {
        if (trace) { // the warning's reason, without its "; left out"
            std::string_view why = w.message;
            if (why.ends_with("; left out"))
                why.remove_suffix(std::string_view("; left out").size());
            left_out += (left_out.empty() ? "" : "; ") + std::string(why);
        }
        (result.items.empty() ? result.warnings : result.items.back().warnings)
            .push_back(std::move(w));
    };
    auto said = [&](const Line &line, const char *cls, std::string why = {}) {
        if (trace)
            inspex::trace(trace, {line.number, 0, cls, std::move(taken),
                                  why.empty() ? std::move(left_out) : std::move(why), line.text});
        taken.clear();
        left_out.clear();
    };
    auto append = [&](std::size_t column, const Line &line, const std::string &text) {
        Item &row = result.items.back();
        if (trace)
            taken += (taken.empty() ? "column " : ", ") + spec_.columns[column].name;
        row.parts[column].push_back({line.number, text, {}, 0});
        row.last_line = line.number;
    };

    for (; i < lines.size(); ++i) {
        const Line &line = lines[i];
        result.end_line = line.number;
        if (ends_table(
                spec_, [&](std::size_t k) -> std::string_view { return lines[k].text; }, i,
                lines.size())) {
            if (trace)
                said(line, "end", "the table ends here (end at " + rule_at(*spec_.end) + ")");
            trace_outside(trace, lines, i + 1, lines.size(), "after the table's end");
            break;
        }
        if (spec_.skip && spec_.skip->matches(line.text)) {
            if (trace)
                said(line, "skip", "furniture (skip at " + rule_at(*spec_.skip) + ")");
            continue;
        }
        if (spec_.header_min && header_columns(line.text)) { // the header repeated on a new page
            if (trace)
                said(line, "header", "the header repeated");
            continue;
        }
        std::vector<std::string> cells;
        for (std::string_view c : split_cells(line.text))
            cells.emplace_back(c);
        std::vector<std::string> raw, flat;
        for (std::string_view c : in_column_order(std::move(cells), header->columns)) {
            std::string collapsed = collapse_spaces(c);
            bool noise = spec_.noise && !collapsed.empty() && spec_.noise->matches(collapsed);
            raw.push_back(noise ? std::string() : std::string(c));
            flat.push_back(noise ? std::string() : std::move(collapsed));
        }
        bool blank = std::all_of(flat.begin(), flat.end(), [](auto &c) { return c.empty(); });
        if (blank) {
            said(line, "blank", "blank");
            continue;
        }

        if (auto heading = heading_column(flat, wrapped_heading)) {
            for (std::size_t c = 0; c < m; ++c) {
                if (c == *heading || flat[c].empty())
                    continue;
                if (result.items.empty())
                    note({"unplaced-cell",
                          fmt::format("cell \"{}\" precedes the first row", excerpt(flat[c])),
                          line.number, line.number});
                else
                    append(c, line, raw[c]);
            }
            std::string text = flat[*heading];
            if (!wrapped_heading.empty())
                text = wrapped_heading + ' ' + text;
            wrapped_heading = spec_.heading.runs_on && spec_.heading.runs_on->matches(text)
                                  ? text
                                  : std::string();
            std::string set;
            for (const auto &rule : spec_.heading.context) {
                auto match = rule->search(text);
                if (!match)
                    continue;
                for (const auto &name : match->matched_names()) {
                    context[name] = collapse_spaces(*match->text(name));
                    if (trace)
                        set += fmt::format("{}{} = \"{}\"", set.empty() ? "" : ", ", name,
                                           context[name]);
                }
                if (trace)
                    set = "context " + set + " (rule at " + rule_at(*rule) + ")";
                break;
            }
            if (trace)
                taken = set.empty() ? (wrapped_heading.empty() ? "no context rule matched"
                                                               : "goes on in the next line")
                                    : set + (taken.empty() ? "" : "; " + taken);
            said(line, "heading");
            continue;
        }

        wrapped_heading.clear();
        std::vector<int> placement = place(flat, previous);
        previous = placement;
        std::vector<int> column_cell(m, -1);
        for (std::size_t c = 0; c < placement.size(); ++c)
            if (placement[c] >= 0)
                column_cell[placement[c]] = static_cast<int>(c);

        bool starts =
            column_cell[spec_.key_column] >= 0 && !flat[column_cell[spec_.key_column]].empty();
        for (const auto &rule : spec_.row_starts) {
            int c = column_cell[rule.column];
            // A row holding nothing yet from that column on takes the text itself.
            bool open = !result.items.empty() &&
                        std::all_of(result.items.back().parts.begin() +
                                        static_cast<std::ptrdiff_t>(rule.column),
                                    result.items.back().parts.end(),
                                    [](const auto &fragments) { return fragments.empty(); });
            starts = starts || (c >= 0 && !open && rule.pattern->matches(flat[c]));
        }
        if (starts) {
            Item row;
            row.parts.resize(m);
            row.context = context;
            row.first_line = row.last_line = line.number;
            result.items.push_back(std::move(row));
        }
        for (std::size_t c = 0; c < placement.size(); ++c) {
            if (flat[c].empty())
                continue;
            if (placement[c] < 0) {
                // Only a full-width line says which column a cell was written in.
                std::string where =
                    flat.size() == m
                        ? fmt::format(" (its position is column \"{}\")", spec_.columns[c].label)
                        : "";
                note(
                    {"unplaced-cell",
                     fmt::format("cell \"{}\" fits no column{}; left out", excerpt(flat[c]), where),
                     line.number, line.number});
            } else if (result.items.empty()) {
                note({"unplaced-cell",
                      fmt::format("text \"{}\" precedes the first row; left out", excerpt(flat[c])),
                      line.number, line.number});
            } else {
                append(static_cast<std::size_t>(placement[c]), line, raw[c]);
            }
        }
        said(line, starts ? "row" : "continuation");
    }
    return result;
}

} // namespace inspex
