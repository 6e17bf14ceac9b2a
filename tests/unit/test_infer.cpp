#include "inspex/infer.hpp"

#include "support.hpp"

using namespace inspex;

namespace {

std::vector<Slot> slots(std::initializer_list<const char *> values) {
    std::vector<Slot> out;
    for (const char *v : values)
        out.push_back({v ? std::optional<std::string>(v) : std::nullopt, false});
    return out;
}

} // namespace

TEST_CASE("infer: a lost number between two neighbours one apart") {
    auto s = slots({"7.1", nullptr, "7.3"});
    infer_sequence(s, *test::re("^\\d+\\.\\d+$"));
    CHECK(s[1].value == "7.2");
    CHECK(s[1].inferred);
    CHECK_FALSE(s[0].inferred);
}

TEST_CASE("infer: a cut number must agree with the deduction") {
    auto ok = slots({"7.4", ".5", "7.6"});
    infer_sequence(ok, *test::re("^\\d+\\.\\d+$"));
    CHECK(ok[1].value == "7.5");
    auto wrong = slots({"7.4", ".9", "7.6"});
    infer_sequence(wrong, *test::re("^\\d+\\.\\d+$"));
    CHECK(wrong[1].value == ".9");
    CHECK_FALSE(wrong[1].inferred);
}

TEST_CASE("infer: never a guess at the ends or across a wider gap") {
    auto s = slots({nullptr, "7.2", nullptr, "7.5", nullptr});
    infer_sequence(s, *test::re("^\\d+\\.\\d+$"));
    CHECK_FALSE(s[0].value);
    CHECK_FALSE(s[2].value);
    CHECK_FALSE(s[4].value);
}

TEST_CASE("infer: sequence gaps are listed, not filled") {
    auto s = slots({"5.16", "5.17", "5.20", "5.21"});
    auto gaps = sequence_gaps(s, *test::re("^\\d+\\.\\d+$"));
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].before_index == 2);
    CHECK(gaps[0].missing == std::vector<std::string>{"5.18", "5.19"});
}

TEST_CASE("infer: counts fill unknowns only when one value is left") {
    std::map<std::string, long> stated{{"agreed", 3}, {"partly", 1}, {"not", 0}};
    auto certain = slots({"agreed", nullptr, "partly", nullptr});
    infer_from_counts(certain, stated);
    CHECK(certain[1].value == "agreed");
    CHECK(certain[3].inferred);

    auto open = slots({"agreed", nullptr, nullptr});
    infer_from_counts(open, stated); // 2 agreed + 1 partly could be either way round
    CHECK_FALSE(open[1].value);

    auto short_rows = slots(
        {"agreed", nullptr}); // rows missing from the text: 2 agreed + 1 partly left for 1 slot
    infer_from_counts(short_rows, stated);
    CHECK_FALSE(short_rows[1].value);

    auto over = slots({"partly", "partly", nullptr}); // contradicts the counts
    infer_from_counts(over, stated);
    CHECK_FALSE(over[2].value);
}
