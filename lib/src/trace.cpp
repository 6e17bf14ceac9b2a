#include "inspex/trace.hpp"

#include "inspex/normalize.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace inspex {

void trace(const TraceSink *sink, TraceEntry entry) {
    if (!sink || !*sink)
        return;
    entry.text = excerpt(collapse_spaces(entry.text));
    if (!entry.last_line)
        entry.last_line = entry.line;
    (*sink)(entry);
}

void trace_outside(const TraceSink *sink, const std::vector<Line> &lines, std::size_t from,
                   std::size_t to, const std::string &why) {
    for (std::size_t k = from; sink && k < to && k < lines.size(); ++k)
        trace(sink, {lines[k].number, 0, "outside", "", why, lines[k].text});
}

std::string rule_at(const Regex &pattern) {
    const SourceRef &where = pattern.where();
    return fmt::format("{}:{}", std::filesystem::path(where.file).filename().string(), where.line);
}

} // namespace inspex
