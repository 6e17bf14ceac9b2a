#include "inspex/normalize.hpp"

#include "support.hpp"

using namespace inspex;

TEST_CASE("normalize: odd spaces become spaces, invisible characters go") {
    CHECK(clean_spaces("a\xC2\xA0"
                       "b\xE2\x80\x89"
                       "c\xE2\x80\x8B"
                       "d\xC2\xAD"
                       "e") == "a b cde");
    CHECK(clean_spaces("keep\ttab") == "keep\ttab");
    CHECK(clean_spaces("bell\x07"
                       "x") == "bell x");
    // In place, the text shrinking as it is read: runs kept after a removal.
    std::string text = "\xE2\x80\x8B"
                       "ab\xC2\xA0"
                       "cd\x07"
                       "e\xE2\x80\x93"
                       "f\xEF\xBB\xBF";
    std::string copy = clean_spaces(text);
    clean_spaces_in(text);
    CHECK(text == "ab cd e\xE2\x80\x93"
                  "f");
    CHECK(text == copy);
}

TEST_CASE("normalize: collapse_spaces gives what collapsing word by word gave") {
    auto word_by_word = [](std::string_view text) { // the way it was written before
        auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x1E'; };
        std::string out;
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && space(text[i]))
                ++i;
            std::size_t start = i;
            while (i < text.size() && !space(text[i]))
                ++i;
            if (i == start)
                break;
            if (!out.empty())
                out += ' ';
            out.append(text.substr(start, i - start));
        }
        return out;
    };
    const std::vector<std::string> texts = {"",
                                            " ",
                                            "a",
                                            "a b",
                                            " a",
                                            "a ",
                                            "a  b",
                                            "a\tb",
                                            "a\nb",
                                            "a\x1E"
                                            "b",
                                            "\x1E",
                                            "one two three",
                                            "one two  three",
                                            "  lead",
                                            "trail\t",
                                            "\r\f\v kept",
                                            "Caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve",
                                            "x \t y",
                                            "x\x1E\x1E y",
                                            "a b\tc",
                                            "ab  ",
                                            "a b c d  e f",
                                            " a b c \n"};
    for (const std::string &t : texts) {
        CAPTURE(t);
        CHECK(collapse_spaces(t) == word_by_word(t));
        CHECK(collapse_spaces(collapse_spaces(t)) == collapse_spaces(t));
    }
    // Every text of up to seven characters of a letter and the four spaces:
    // the searches for what to change meet in every order and place.
    const std::string alphabet = "a \t\n\x1E";
    std::vector<std::string> all = {""};
    for (std::size_t from = 0, length = 0; length < 7; ++length) {
        std::size_t to = all.size();
        for (std::size_t i = from; i < to; ++i)
            for (char c : alphabet)
                all.push_back(all[i] + c);
        from = to;
    }
    std::size_t differ = 0;
    for (const std::string &t : all)
        differ += collapse_spaces(t) != word_by_word(t);
    CHECK(all.size() == 97656);
    CHECK(differ == 0);
}

TEST_CASE("normalize: collapse_spaces treats block breaks as spaces and trims") {
    CHECK(collapse_spaces("  a \x1E\x1E b\n c  ") == "a b c");
    CHECK(collapse_spaces(" \x1E ").empty());
}

TEST_CASE("normalize: each cell is cleaned on its own, the line keeps its number and tabs") {
    NormalizeRules rules;
    rules.html = true;
    rules.line_replace.push_back({test::re("\\[bookmark: [^\\]]*\\]"), ""});
    Normalizer n(rules);
    Line out = n.line({42, "5.1\t<p>One</p>\tii) [bookmark: _Hlk82012493]A workshop\t"});
    CHECK(out.number == 42);
    auto cells = split_cells(out.text);
    REQUIRE(cells.size() == 4);
    CHECK(collapse_spaces(cells[1]) == "One");
    CHECK(cells[2] == "ii) A workshop");
    CHECK(cells[3].empty());
}

TEST_CASE("normalize: text fields get the grammar's repairs after joining") {
    NormalizeRules rules;
    rules.text_replace.push_back({test::re("(?<=\\p{L})- +(?=\\p{Ll})"), "-"});
    Normalizer n(rules);
    CHECK(n.text_field("manage and co-\x1E locate prisoners ") == "manage and co-locate prisoners");
}
