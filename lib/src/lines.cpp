#include "inspex/lines.hpp"

#include "inspex/pattern.hpp"

namespace inspex {

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t number = 1, start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r')
            continue;
        lines.push_back({number++, std::string(text.substr(start, i - start))});
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            ++i;
        start = i + 1;
    }
    if (start < text.size())
        lines.push_back({number, std::string(text.substr(start))});
    return lines;
}

std::vector<std::string_view> split_cells(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (;;) {
        std::size_t tab = line.find(kCellSeparator, start);
        cells.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos)
            return cells;
        start = tab + 1;
    }
}

std::optional<RegionStart> find_region_start(const std::vector<Line> &lines, const Regex *start) {
    if (!start)
        return RegionStart{0, lines.empty() ? 0 : lines.front().number};
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (start->matches(lines[i].text))
            return RegionStart{i + 1, lines[i].number};
    return std::nullopt;
}

} // namespace inspex
