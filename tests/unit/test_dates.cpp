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
