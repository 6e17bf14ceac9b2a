#include "inspex/report/charts.hpp"

#include "inspex/report/escape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <optional>

namespace inspex::report {
namespace {

constexpr double kLabel = 270, kWidth = 640, kRow = 18, kTop = 34, kBottom = 10;
const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Months since year 0, with the day as a fraction; none for a text that is
// not an ISO date. A year alone is its middle, a month its middle.
std::optional<double> months(const std::string &iso) {
    int y = 0, m = 0, d = 0;
    int n = std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d);
    if (n < 1 || (n >= 2 && (m < 1 || m > 12)))
        return std::nullopt;
    if (n == 1)
        return y * 12.0 + 6;
    return y * 12.0 + (m - 1) + (n == 3 ? (d - 0.5) / 31.0 : 0.5);
}

std::string open_svg(double width, double height, const std::string &title) {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                       "viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
                       "aria-label=\"{2}\"><title>{2}</title>\n",
                       width, height, escape(title));
}

std::string linked(const Mark &m, const std::string &shape) {
    std::string tip = fmt::format("<title>{}</title>", escape(m.tip));
    if (m.href.empty())
        return "<g>" + tip + shape + "</g>\n";
    return fmt::format("<a href=\"{}\">{}{}</a>\n", escape(m.href), tip, shape);
}

struct Axis {
    double first, last;
    double x(double month) const { return kLabel + (month - first) / (last - first) * kWidth; }
};

std::string axis_ticks(const Axis &a, double height) {
    std::string out;
    double span = a.last - a.first;
    int step = span > 36 ? 6 : span > 18 ? 3 : span > 9 ? 2 : 1;
    bool first = true;
    for (int m = static_cast<int>(a.first) + 1; m < a.last; ++m) {
        if (m % step)
            continue;
        double x = a.x(m);
        // The year on the first tick and on each January: "Sep 2021", "Nov", "Jan 2022".
        std::string year = first || m % 12 == 0 ? fmt::format(" {}", m / 12) : "";
        first = false;
        out += fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" "
                           "y2=\"{2}\"/>",
                           x, kTop - 4, height - kBottom);
        out += fmt::format("<text class=\"axis\" x=\"{:.1f}\" y=\"{}\">{}{}</text>\n", x + 2,
                           kTop - 8, kMonths[m % 12], year);
    }
    return out;
}

} // namespace

std::string timeline_svg(const std::vector<TimelineRow> &rows, const std::vector<Rule> &rules,
                         const std::string &title) {
    std::vector<double> all;
    for (const TimelineRow &r : rows)
        for (const std::string &d : r.dates)
            if (auto m = months(d))
                all.push_back(*m);
    for (const Rule &r : rules)
        if (auto m = months(r.date))
            all.push_back(*m);
    if (all.empty())
        return {};
    auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    Axis axis{std::floor(*lo) - 1, std::ceil(*hi) + 1};
    double height = kTop + kRow * static_cast<double>(rows.size()) + kBottom;
    std::string out = open_svg(kLabel + kWidth + 8, height, title) + axis_ticks(axis, height);
    for (const Rule &r : rules)
        if (auto m = months(r.date))
            out += fmt::format("<line class=\"review\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" "
                               "y2=\"{2}\"/><text class=\"review-label\" x=\"{3:.1f}\" "
                               "y=\"{4}\">{5}</text>\n",
                               axis.x(*m), kTop - 20, height - kBottom, axis.x(*m) - 3, kTop - 22,
                               escape(r.label));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TimelineRow &r = rows[i];
        double y = kTop + kRow * (static_cast<double>(i) + 0.5);
        out += fmt::format("<text class=\"row-label\" x=\"4\" y=\"{:.1f}\">{}</text>", y + 4,
                           escape(r.mark.label));
        std::string shapes;
        for (const std::string &d : r.dates)
            if (auto m = months(d))
                shapes += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" "
                                      "fill=\"{}\"/>",
                                      r.mark.alert ? "dot alert" : "dot", axis.x(*m), y,
                                      escape(r.mark.colour));
        if (shapes.empty())
            shapes = fmt::format("<text class=\"undated\" x=\"{}\" y=\"{:.1f}\">{}</text>",
                                 kLabel + 4, y + 4, escape(r.undated));
        out += linked(r.mark, shapes);
    }
    return out + "</svg>\n";
}

std::string bars_svg(const std::vector<Bar> &bars, const std::string &title) {
    constexpr double label = 250, cell = 46, row = 24, top = 6;
    std::size_t widest = 1;
    for (const Bar &b : bars)
        widest = std::max(widest, b.segments.size());
    double height = top * 2 + row * static_cast<double>(bars.size());
    std::string out = open_svg(label + cell * static_cast<double>(widest) + 8, height, title);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        double y = top + row * static_cast<double>(i);
        out += fmt::format("<text class=\"bar-label\" x=\"{}\" y=\"{:.1f}\">{}</text>", label - 8,
                           y + row / 2 + 4, escape(bars[i].label));
        for (std::size_t j = 0; j < bars[i].segments.size(); ++j) {
            const Mark &m = bars[i].segments[j];
            double x = label + cell * static_cast<double>(j);
            out += linked(m, fmt::format("<rect class=\"seg\" x=\"{:.1f}\" y=\"{:.1f}\" "
                                         "width=\"{}\" height=\"{}\" fill=\"{}\"/><text "
                                         "class=\"seg-label\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>",
                                         x, y + 2, cell - 2, row - 4, escape(m.colour),
                                         x + (cell - 2) / 2, y + row / 2 + 4, escape(m.label)));
        }
    }
    return out + "</svg>\n";
}

} // namespace inspex::report
