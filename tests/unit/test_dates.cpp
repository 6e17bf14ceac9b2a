#include "inspex/dates.hpp"
#include "inspex/grammar.hpp"

#include "support.hpp"

using namespace inspex;

namespace {

const DateRules &rules() {
    static Grammar g = [] {
        auto loaded = load_grammar(test::source_path("grammars/action-plan.toml"));
        REQUIRE(loaded.ok());
        return std::move(loaded.value());
    }();
    return g.dates;
}

DateValue one(const std::string &text) {
    FoundDates f = find_dates(text, rules());
    REQUIRE(f.dates.size() == 1);
    CHECK(f.leftover.empty());
    return f.dates[0];
}

} // namespace

TEST_CASE("dates: each written form gives a date as precise as the text") {
    CHECK(one("29th June 2022").iso == "2022-06-29");
    CHECK(one("29 July 2020").iso == "2020-07-29");
    CHECK(one("26 th August 2020").iso == "2020-08-26");
    CHECK(one("22/05/2019").iso == "2019-05-22");
    CHECK(one("September 2022").iso == "2022-09");
    CHECK(one("Sept 2022").iso == "2022-09");
    CHECK(one("Commence October 2021").iso == "2021-10");
}

TEST_CASE("dates: states: completed, ongoing, neither") {
    auto done = one("Completed");
    CHECK_FALSE(done.iso);
    CHECK(done.state == "completed");
    CHECK(one("Complete").state == "completed");
    CHECK(one("Completed and ongoing").state == "completed");
    CHECK(one("Ongoing").state == "ongoing");
    auto ongoing = one("October 2021 and ongoing");
    CHECK(ongoing.iso == "2021-10");
    CHECK(ongoing.state == "ongoing");
    auto monthly = one("October 2021 and monthly");
    CHECK(monthly.iso == "2021-10");
    CHECK_FALSE(monthly.state);
    CHECK(monthly.text == "October 2021 and monthly");
}

TEST_CASE("dates: a cell naming several dates gives one object per date") {
    FoundDates f = find_dates("September 2022 October 2022 Completed", rules());
    REQUIRE(f.dates.size() == 3);
    CHECK(f.dates[1].text == "October 2022");
    CHECK(f.dates[2].state == "completed");
}

TEST_CASE("dates: garbage is left over, an impossible day has no ISO date") {
    FoundDates f = find_dates("2001000.000", rules());
    CHECK(f.dates.empty());
    CHECK(f.leftover == "2001000.000");
    CHECK_FALSE(one("31/02/2022").iso);
    CHECK(one("29/02/2024").iso == "2024-02-29");
}

TEST_CASE("dates: ranges take a missing year or month from the end date") {
    auto r = read_range("28th February to 11th March 2022", rules());
    CHECK(r["start"] == "2022-02-28");
    CHECK(r["end"] == "2022-03-11");
    auto same_month = read_range("1 - 3 May 2022", rules());
    CHECK(same_month["start"] == "2022-05-01");
    CHECK(same_month["end"] == "2022-05-03");
    auto none = read_range("A Report on an unannounced inspection", rules());
    CHECK(none["start"].is_null());
    CHECK(none["text"] == "A Report on an unannounced inspection");
}

TEST_CASE("dates: a span written in parts runs from the first day to the last") {
    auto two_months = read_range("24-25 th February; 2-6 th March 2020", rules());
    CHECK(two_months["start"] == "2020-02-24");
    CHECK(two_months["end"] == "2020-03-06");
    auto one_month = read_range("6-7, 20-23 August 2018", rules());
    CHECK(one_month["start"] == "2018-08-06");
    CHECK(one_month["end"] == "2018-08-23");
    auto two_years = read_range("9-10 December 2019, 6-10 January 2020", rules());
    CHECK(two_years["start"] == "2019-12-09");
    CHECK(two_years["end"] == "2020-01-10");
    auto no_year_on_start = read_range("9-10 December, 6-10 January 2020", rules());
    CHECK(no_year_on_start["start"] == "2019-12-09");
    auto start_in_last_year = read_range("15 December to 10 January 2022", rules());
    CHECK(start_in_last_year["start"] == "2021-12-15");
    CHECK(start_in_last_year["end"] == "2022-01-10");
}

TEST_CASE("dates: spans with both months, a lost dash, a start without its year") {
    auto months = read_range("15 November – 26 November 2021", rules());
    CHECK(months["start"] == "2021-11-15");
    CHECK(months["end"] == "2021-11-26");
    auto lost_dash = read_range("15 26 November 2021", rules());
    CHECK(lost_dash["start"] == "2021-11-15");
    CHECK(lost_dash["end"] == "2021-11-26");
    auto no_start_year = read_range("28 February to 11 March 2022", rules());
    CHECK(no_start_year["start"] == "2022-02-28");
    auto days = read_range("9-13 March 2015", rules());
    CHECK(days["start"] == "2015-03-09");
    CHECK(days["end"] == "2015-03-13");
    auto ordinals = read_range("3 rd - 5 th September 2019", rules());
    CHECK(ordinals["start"] == "2019-09-03");
    CHECK(ordinals["end"] == "2019-09-05");
    // One whole date is no span of two days: "29 July 2020" stays one day.
    auto one = read_range("29 July 2020", rules());
    CHECK(one["start"] == "2020-07-29");
    CHECK(one["end"] == "2020-07-29");
    auto two_dates = read_range("28 February 2022 and 11 March 2022", rules());
    CHECK(two_dates["start"] == "2022-02-28");
    CHECK(two_dates["end"] == "2022-03-11");
}

TEST_CASE("dates: a span without a year takes it from a later date, marked inferred") {
    auto same_year = read_range("28 February to 11 March", rules(), "2022-06-21");
    CHECK(same_year.year_inferred);
    CHECK(same_year.value["start"] == "2022-02-28");
    CHECK(same_year.value["end"] == "2022-03-11");
    auto year_before = read_range("15-26 November", rules(), "2022-01");
    CHECK(year_before.year_inferred);
    CHECK(year_before.value["start"] == "2021-11-15");
    auto same_month = read_range("2-6 June", rules(), "2022-06-04");
    CHECK(same_month.value["end"] == "2021-06-06");
    auto written = read_range("28 February to 11 March 2022", rules(), "2023-06-21");
    CHECK_FALSE(written.year_inferred);
    CHECK(written.value["start"] == "2022-02-28");
    auto no_limit = read_range("28 February to 11 March", rules(), std::nullopt);
    CHECK_FALSE(no_limit.year_inferred);
    CHECK(no_limit.value["start"].is_null());
    auto bad_limit = read_range("28 February to 11 March", rules(), "soon");
    CHECK_FALSE(bad_limit.year_inferred);
    CHECK(bad_limit.value["end"].is_null());
}
