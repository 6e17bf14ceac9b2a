#include "inspex/pattern.hpp"

#include <doctest/doctest.h>

using namespace inspex;

TEST_CASE("pattern: %{NAME} references expand recursively") {
    PatternLibrary lib;
    lib.define("MONTH", "(?:June|July)", {"lib.toml", 1});
    lib.define("DATE", "\\d+ %{MONTH} (?<year>\\d{4})", {"lib.toml", 2});
    auto re = lib.compile("^%{DATE}$", {"g.toml", 5});
    REQUIRE(re.ok());
    auto m = re.value()->search("29 June 2022");
    REQUIRE(m);
    CHECK(*m->text("year") == "2022");
    CHECK_FALSE(re.value()->matches("29 May 2022"));
}

TEST_CASE("pattern: could_begin is true for a match or the start of one") {
    PatternLibrary lib;
    auto re = lib.compile("(?i)^(?:\\d\\.\\s*)?Rec\\.?\\s*No$", {"g.toml", 1});
    REQUIRE(re.ok());
    CHECK(re.value()->could_begin("1. Rec No"));
    CHECK(re.value()->could_begin("1. Rec"));
    CHECK(re.value()->could_begin("1."));
    CHECK_FALSE(re.value()->could_begin("1. The"));
    CHECK_FALSE(re.value()->could_begin("1. Rec No more"));
}

TEST_CASE("pattern: named_groups lists the names in the pattern's order, once compiled later") {
    PatternLibrary lib;
    auto re = lib.compile_later("(?<day>\\d+) (\\w+) (?<year>\\d{4})", {"g.toml", 1});
    REQUIRE(re.ok());
    const auto &names = re.value()->named_groups();
    REQUIRE(names.size() == 2);
    CHECK(names[0] == std::pair<std::string, int>{"day", 1});
    CHECK(names[1] == std::pair<std::string, int>{"year", 3});
    auto bad = lib.compile_later("(?<open", {"g.toml", 2});
    REQUIRE(bad.ok());
    CHECK(bad.value()->named_groups().empty());
}

TEST_CASE("pattern: errors name the grammar file and line") {
    PatternLibrary lib;
    lib.define("LOOP", "a%{LOOP}", {"lib.toml", 3});
    auto unknown = lib.compile("%{NOPE}", {"g.toml", 7});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().describe() == "g.toml:7: unknown pattern %{NOPE}");
    auto loop = lib.compile("%{LOOP}", {"g.toml", 8});
    REQUIRE_FALSE(loop.ok());
    CHECK(loop.error().describe() == "lib.toml:3: pattern %{LOOP} refers to itself");
    auto bad = lib.compile("(unclosed", {"g.toml", 9});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().line == 9);
    CHECK(bad.error().message.find("missing closing parenthesis") != std::string::npos);
    auto malformed = lib.compile("%{lower}", {"g.toml", 10});
    CHECK_FALSE(malformed.ok());
}

TEST_CASE("pattern: UTF-8 aware, duplicate group names give the one that matched") {
    PatternLibrary lib;
    auto re = lib.compile("(?<v>\\p{Lu}\\w+)|(?<v>\\d+)", {"g", 1});
    REQUIRE(re.ok());
    auto m = re.value()->search("-- 42");
    REQUIRE(m);
    CHECK(*m->text("v") == "42");
    auto u = re.value()->search("Écosse");
    REQUIRE(u);
    CHECK(*u->text("v") == "Écosse");
    CHECK(u->matched_names() == std::vector<std::string>{"v"});
}

TEST_CASE("pattern: search_all and replace_all") {
    PatternLibrary lib;
    auto re = lib.compile("(?<=\\p{L})- +(?=\\p{Ll})", {"g", 1});
    REQUIRE(re.ok());
    CHECK(re.value()->replace_all("co- locate and de-  escalate, 3 - 4", "-") ==
          "co-locate and de-escalate, 3 - 4");
    auto words = lib.compile("\\w+", {"g", 1});
    CHECK(words.value()->search_all("a bb ccc").size() == 3);
}

TEST_CASE("pattern: a catastrophic pattern stops at the match limit instead of hanging") {
    PatternLibrary lib;
    lib.set_limits({10'000, 1'000});
    auto re = lib.compile("^(a+)+$", {"g", 1});
    REQUIRE(re.ok());
    std::string evil(40, 'a');
    evil += 'b';
    CHECK_FALSE(re.value()->matches(evil));
    CHECK(re.value()->limit_hit());
}

TEST_CASE("pattern: replace_in changes the text in place only where something matched") {
    PatternLibrary lib;
    auto re = lib.compile("\\[bookmark:[^\\]]*\\]", {"g", 1});
    REQUIRE(re.ok());
    std::string text = "no marks here";
    CHECK_FALSE(re.value()->replace_in(text, ""));
    CHECK(text == "no marks here");
    text = "a[bookmark: _H1] b [bookmark: _H2]c";
    CHECK(re.value()->replace_in(text, ""));
    CHECK(text == "a b c");
    CHECK(re.value()->replace_all("x[bookmark: y]z", "-") == "x-z");
    CHECK(re.value()->matches("[bookmark: y]"));
    CHECK_FALSE(re.value()->matches("bookmark"));
}

TEST_CASE("pattern: match_at finds what search finds when its match begins there") {
    PatternLibrary lib;
    auto re = lib.compile("(?<word>[a-z]+)", {"g", 1});
    REQUIRE(re.ok());
    const std::string subject = "12 abc de";
    for (std::size_t start = 0; start <= subject.size(); ++start) {
        CAPTURE(start);
        auto found = re.value()->search(subject, start);
        auto at = re.value()->match_at(subject, start);
        bool begins_here = found && found->whole().begin == start;
        REQUIRE(at.has_value() == begins_here);
        if (at) {
            CHECK(at->whole().end == found->whole().end);
            CHECK(*at->text("word") == *found->text("word"));
        }
    }
}
