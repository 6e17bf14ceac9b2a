#include "inspex/html.hpp"
#include "inspex/normalize.hpp"

#include <doctest/doctest.h>

using namespace inspex;

TEST_CASE("html: paragraphs become block breaks, inline tags vanish") {
    std::string text = html_fragment_to_text("<p>One <i>two</i></p> <p>Three &amp; four</p>");
    CHECK(collapse_spaces(text) == "One two Three & four");
    CHECK(text.find(kBlockBreak) != std::string::npos);
}

TEST_CASE("html: list items stay separate sentences") {
    std::string text =
        html_fragment_to_text("<ul><li>Review rotas</li><li>Check hatches.</li></ul>");
    CHECK(collapse_spaces(text) == "Review rotas. Check hatches.");
}

TEST_CASE("html: unclosed and stray tags are recovered, not fatal") {
    std::string text =
        html_fragment_to_text("<ul style=\"list-style-type: none\"> Item one. <p>Para</p>");
    CHECK(collapse_spaces(text) == "Item one. Para");
    CHECK(collapse_spaces(html_fragment_to_text("text</p>")) == "text");
}

TEST_CASE("html: detection needs a tag, not just a less-than sign") {
    CHECK(looks_like_html("<p>x"));
    CHECK(looks_like_html("end</p>"));
    CHECK_FALSE(looks_like_html("under 5 < 6 weeks"));
    CHECK_FALSE(looks_like_html("plain"));
}
