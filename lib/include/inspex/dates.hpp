// Reads the dates documents write ("29th June 2022", "22/05/2019", "September
// 2022", "Completed and ongoing") into date objects, with a grammar-supplied
// pattern for one date and a month-name table.
//
//   auto found = find_dates("September 2022 October 2022", rules); // two objects
#pragma once

#include "inspex/pattern.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace inspex {

// The grammar's date conventions. `item` matches one written date; its named
// groups say what the engine reads: day, month (number or name), year,
// completed, ongoing. `range` matches a span, with start_day, start_month,
// start_year, end_day, end_month, end_year.
struct DateRules {
    RegexPtr item;
    RegexPtr range;
    std::map<std::string, int> months; // lower-case name or abbreviation -> 1..12
};

struct DateValue {
    std::string text;                 // as written
    std::optional<std::string> iso;   // as precise as the text: YYYY, YYYY-MM or YYYY-MM-DD
    std::optional<std::string> state; // "completed" or "ongoing"
    [[nodiscard]] nlohmann::ordered_json to_json() const;
};

struct FoundDates {
    std::vector<DateValue> dates;
    std::string leftover; // text between and around the dates that is not white space
};

[[nodiscard]] FoundDates find_dates(std::string_view text, const DateRules &rules);

// {"text", "start", "end"} for a span like "28th February to 11th March 2022";
// a lone date gives start = end; no date gives nulls. A span written in
// parts ("24-25 February; 2-6 March 2020", "9-10 December 2019, 6-10
// January 2020") starts on its first part's first day and ends on its last
// part's last day; a part without its month or year takes them from the
// part after it (the year before, when its month comes later in the year).
[[nodiscard]] nlohmann::ordered_json read_range(std::string_view text, const DateRules &rules);

struct RangeRead {
    nlohmann::ordered_json value; // as read_range gives it
    bool year_inferred = false;   // the year came from `before`, not from the text
};

// The same; a span written with no year at all ("28 February to 11 March")
// takes it from `before`, an ISO date ("2022-06-21", "2022-06" or "2022") the
// span ends on or before: the latest year that keeps it so.
[[nodiscard]] RangeRead read_range(std::string_view text, const DateRules &rules,
                                   std::optional<std::string_view> before);

} // namespace inspex
