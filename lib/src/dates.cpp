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

nlohmann::ordered_json read_range(std::string_view text, const DateRules &rules) {
    nlohmann::ordered_json j;
    j["text"] = collapse_spaces(text);
    j["start"] = nullptr;
    j["end"] = nullptr;
    if (rules.range) {
        if (auto m = rules.range->search(text)) {
            auto end_year = m->text("end_year");
            auto end_month = m->text("end_month");
            auto start =
                iso(m->text("start_day"), m->text("start_month").value_or(end_month.value_or("")),
                    m->text("start_year") ? m->text("start_year") : end_year, rules);
            auto end = iso(m->text("end_day"), end_month, end_year, rules);
            if (start)
                j["start"] = *start;
            if (end)
                j["end"] = *end;
            return j;
        }
    }
    FoundDates found = find_dates(text, rules);
    if (found.dates.size() == 1 && found.dates[0].iso) {
        j["start"] = *found.dates[0].iso;
        j["end"] = *found.dates[0].iso;
    }
    return j;
}

} // namespace inspex
