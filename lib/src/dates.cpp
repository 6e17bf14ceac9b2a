#include "inspex/dates.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits)
        if (c >= '0' && c <= '9')
            v = v * 10 + (c - '0');
    return v;
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int month_number(std::string_view text, const DateRules &rules) {
    if (has_digit(text))
        return to_int(text);
    auto it = rules.months.find(lower(text));
    return it == rules.months.end() ? 0 : it->second;
}

int days_in(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// ISO text as precise as the parts given; nullopt when the parts are not a real date.
std::optional<std::string> iso(std::optional<std::string_view> day,
                               std::optional<std::string_view> month,
                               std::optional<std::string_view> year, const DateRules &rules) {
    if (!year)
        return std::nullopt;
    int y = to_int(*year);
    if (!month)
        return fmt::format("{:04}", y);
    int mo = month_number(*month, rules);
    if (mo < 1 || mo > 12)
        return std::nullopt;
    if (!day)
        return fmt::format("{:04}-{:02}", y, mo);
    int d = to_int(*day);
    if (d < 1 || d > days_in(y, mo))
        return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", y, mo, d);
}

} // namespace

nlohmann::ordered_json DateValue::to_json() const {
    nlohmann::ordered_json j;
    j["text"] = text;
    j["date"] = iso ? nlohmann::ordered_json(*iso) : nullptr;
    j["state"] = state ? nlohmann::ordered_json(*state) : nullptr;
    return j;
}

FoundDates find_dates(std::string_view text, const DateRules &rules) {
    FoundDates found;
    if (!rules.item)
        return found;
    std::size_t last = 0;
    for (const Match &m : rules.item->search_all(text)) {
        Span w = m.whole();
        if (w.empty())
            continue;
        found.leftover += std::string(text.substr(last, w.begin - last)) + " ";
        last = w.end;
        DateValue v;
        v.text = collapse_spaces(m.whole_text());
        v.iso = iso(m.text("day"), m.text("month"), m.text("year"), rules);
        if (m.group("completed"))
            v.state = "completed";
        else if (m.group("ongoing"))
            v.state = "ongoing";
        found.dates.push_back(std::move(v));
    }
    found.leftover += std::string(text.substr(last));
    found.leftover = collapse_spaces(found.leftover);
    return found;
}

namespace {

// One day as written, each part known or not; a month is 1..12, or 0 when its
// name is not a month.
struct Day {
    std::optional<int> day, month, year;
};

// One part of a span: "24-25 th February", "2-6 th March 2020", "30 June 2015".
struct Part {
    Day start, end;
};

std::optional<int> number(std::optional<std::string_view> text) {
    if (!text)
        return std::nullopt;
    return to_int(*text);
}

std::optional<int> month_of(std::optional<std::string_view> text, const DateRules &rules) {
    if (!text)
        return std::nullopt;
    return month_number(*text, rules);
}

std::optional<std::string> iso(const Day &d) {
    if (!d.year)
        return std::nullopt;
    if (!d.month)
        return fmt::format("{:04}", *d.year);
    if (*d.month < 1 || *d.month > 12)
        return std::nullopt;
    if (!d.day)
        return fmt::format("{:04}-{:02}", *d.year, *d.month);
    if (*d.day < 1 || *d.day > days_in(*d.year, *d.month))
        return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", *d.year, *d.month, *d.day);
}

// The year of a day that falls on or before `later` (month and year known):
// later's year, or the one before when the month comes later in the year.
int year_before(const Day &d, const Day &later) {
    bool after = d.month && later.month &&
                 (*d.month > *later.month ||
                  (*d.month == *later.month && d.day && later.day && *d.day > *later.day));
    return after ? *later.year - 1 : *later.year;
}

// Gives each part the month and year it leaves out, from the part after it;
// the start of a part takes them from its own end.
void fill_in(std::vector<Part> &parts) {
    std::optional<Day> next;
    for (auto p = parts.rbegin(); p != parts.rend(); ++p) {
        if (next && !p->end.month)
            p->end.month = next->month;
        if (next && !p->end.year && next->year && p->end.month && next->month)
            p->end.year = year_before(p->end, Day{std::nullopt, next->month, next->year});
        if (!p->start.month)
            p->start.month = p->end.month;
        if (!p->start.year && p->end.year)
            p->start.year = year_before(Day{std::nullopt, p->start.month, std::nullopt},
                                        Day{std::nullopt, p->end.month, p->end.year});
        next = p->start;
    }
}

// "2022-06-21", "2022-06", "2022" as a Day; nullopt for anything else.
std::optional<Day> parse_iso(std::string_view text) {
    Day d;
    std::size_t field = 0;
    for (std::string_view rest = text; !rest.empty() && field < 3; ++field) {
        std::size_t dash = rest.find('-');
        std::string_view piece = rest.substr(0, dash);
        if (piece.empty() ||
            !std::all_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        (field == 0 ? d.year : field == 1 ? d.month : d.day) = to_int(piece);
        rest = dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 1);
    }
    if (!d.year)
        return std::nullopt;
    return d;
}

// The parts of a span in text order: each match of the range pattern, and
// each whole date (with a month) written between them.
std::vector<Part> read_parts(std::string_view text, const DateRules &rules) {
    std::vector<Part> parts;
    auto add_dates = [&](std::string_view gap) {
        if (!rules.item)
            return;
        for (const Match &m : rules.item->search_all(gap))
            if (m.group("month")) {
                Day d{number(m.text("day")), month_of(m.text("month"), rules),
                      number(m.text("year"))};
                parts.push_back({d, d});
            }
    };
    std::size_t last = 0;
    if (rules.range)
        for (const Match &m : rules.range->search_all(text)) {
            Span w = m.whole();
            if (w.empty())
                continue;
            add_dates(text.substr(last, w.begin - last));
            last = w.end;
            parts.push_back(
                {Day{number(m.text("start_day")), month_of(m.text("start_month"), rules),
                     number(m.text("start_year"))},
                 Day{number(m.text("end_day")), month_of(m.text("end_month"), rules),
                     number(m.text("end_year"))}});
        }
    add_dates(text.substr(last));
    return parts;
}

} // namespace

nlohmann::ordered_json read_range(std::string_view text, const DateRules &rules) {
    return read_range(text, rules, std::nullopt).value;
}

RangeRead read_range(std::string_view text, const DateRules &rules,
                     std::optional<std::string_view> before) {
    RangeRead out;
    nlohmann::ordered_json &j = out.value;
    j["text"] = collapse_spaces(text);
    j["start"] = nullptr;
    j["end"] = nullptr;
    std::vector<Part> parts = read_parts(text, rules);
    if (parts.empty())
        return out;
    fill_in(parts);
    Day &last = parts.back().end;
    if (!last.year && last.month && before) {
        if (auto limit = parse_iso(*before); limit && limit->month) {
            last.year = year_before(last, *limit);
            out.year_inferred = true;
            fill_in(parts);
        }
    }
    if (auto start = iso(parts.front().start))
        j["start"] = *start;
    if (auto end = iso(last))
        j["end"] = *end;
    return out;
}

} // namespace inspex
