// Inline SVG charts for the report: a timeline of due dates against the review
// dates, and horizontal bars of judgements by area. Text escaped; no scripts.
#pragma once

#include <string>
#include <vector>

namespace inspex::report {

// A mark on a chart: where it is, its colour, its tooltip, where it links.
struct Mark {
    std::string label, colour, tip, href;
    bool alert = false; // drawn with a heavy ring (overdue)
};

// One promise on the timeline: its label and its due dates (ISO periods).
struct TimelineRow {
    Mark mark;
    std::vector<std::string> dates;
    std::string undated; // shown at the row's end when it has no dates ("Completed")
};

// One vertical rule across the timeline: a review, at an ISO period.
struct Rule {
    std::string date, label;
};

[[nodiscard]] std::string timeline_svg(const std::vector<TimelineRow> &rows,
                                       const std::vector<Rule> &rules, const std::string &title);

// One bar: a label and its segments, each of one unit.
struct Bar {
    std::string label;
    std::vector<Mark> segments;
};

[[nodiscard]] std::string bars_svg(const std::vector<Bar> &bars, const std::string &title);

} // namespace inspex::report
