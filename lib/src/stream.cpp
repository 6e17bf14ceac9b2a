#include "inspex/stream.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

struct Cell {
    std::size_t line;
    std::string text; // white space collapsed
};

std::string join_text(const std::vector<Cell> &cells, Span span) {
    std::string out;
    for (std::size_t i = span.begin; i < span.end; ++i)
        out += (out.empty() ? "" : " ") + cells[i].text;
    return out;
}

} // namespace

LayoutResult StreamLayout::run(const std::vector<Line> &lines) const {
    LayoutResult result;
    std::size_t i = 0;
    if (spec_.start) {
        while (i < lines.size() && !spec_.start->matches(lines[i].text))
            ++i;
        if (i == lines.size())
            return result;
        result.start_line = lines[i++].number;
    } else if (!lines.empty()) {
        result.start_line = lines.front().number;
    }
    std::vector<Cell> cells;
    std::string classes;
    for (; i < lines.size(); ++i) {
        result.end_line = lines[i].number;
        if (spec_.end && spec_.end->matches(lines[i].text))
            break;
        std::string text = collapse_spaces(lines[i].text);
        if (text.empty())
            continue;
        auto cls = std::find_if(spec_.classes.begin(), spec_.classes.end(),
                                [&](const LineClass &c) { return c.pattern->matches(text); });
        classes += cls == spec_.classes.end() ? spec_.other : cls->letter;
        cells.push_back({lines[i].number, std::move(text)});
    }

    std::map<std::string, std::string> context;
    for (std::size_t pos = 0; pos < cells.size();) {
        std::optional<Match> match;
        const StreamRule *rule = nullptr;
        for (const StreamRule &r : spec_.rules) {
            match = r.pattern->search(classes, pos);
            if (match && match->whole().begin == pos && !match->whole().empty()) {
                rule = &r;
                break;
            }
        }
        if (!rule) {
            (result.items.empty() ? result.warnings : result.items.back().warnings)
                .push_back(
                    {"unplaced-line",
                     fmt::format("line \"{}\" fits no rule; left out", excerpt(cells[pos].text)),
                     cells[pos].line, cells[pos].line});
            ++pos;
            continue;
        }
        Span whole = match->whole();
        if (rule->context) {
            for (const std::string &name : match->matched_names())
                context[name] = join_text(cells, *match->group(name));
        } else {
            Item item;
            item.parts.resize(spec_.parts.size());
            item.context = context;
            item.first_line = cells[whole.begin].line;
            item.last_line = cells[whole.end - 1].line;
            for (std::size_t k = 0; k < spec_.parts.size(); ++k)
                if (auto span = match->group(spec_.parts[k]))
                    for (std::size_t c = span->begin; c < span->end; ++c)
                        item.parts[k].push_back({cells[c].line, cells[c].text});
            result.items.push_back(std::move(item));
        }
        pos = whole.end;
    }
    return result;
}

} // namespace inspex
