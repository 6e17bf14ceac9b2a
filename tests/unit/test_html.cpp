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

TEST_CASE("html: the simple fragments read without the parser give the parser's text") {
    struct Case {
        std::string fragment;
        bool simple; // read without the parser
    };
    const std::vector<Case> cases = {
        {"<p>One</p><p>Two</p>", true},
        {"<p>One</p> <p>Two</p>", true},
        {" <p>One</p>  ", true},
        {"<p>One <i>two</i> three</p>", true},
        {"<p> </p>", true},
        {"<p></p>", true},
        {"Before <b>bold</b> after", true},
        {"<b><i>both</i></b> <em>em</em> <strong>s</strong> <u>u</u>", true},
        {"<b><b>twice</b></b>", true},
        {"<ul><li>Review rotas</li><li>Check hatches.</li></ul>", true},
        {"<ol><li>One</li><li>Two?</li><li> </li><li></li></ol>", true},
        {"<ul><li>Item <i>in italics</i> </li></ul>", true},
        {"<p>Lead</p><ul><li>a</li></ul><p>Tail</p>", true},
        {"Line one<br>line two<br/>line three<br />end", true},
        {"<p>One<br>two</p>", true},
        {"<li>alone</li>", false},
        {"<ul> <li>spaced</li> </ul>", false},
        {"<ul><li>a<ul><li>nested</li></ul></li></ul>", false},
        {"<p>One<p>Two", false},
        {"<p>Unclosed", false},
        {"<p>One</b></p>", false},
        {"<p class=\"x\">Attributes</p>", false},
        {"<P>Upper case</P>", false},
        {"<p>Fish &amp; chips</p>", false},
        {"<p>a > b</p>", false},
        {"<div>Other elements</div>", false},
        {"<p><p>nested</p></p>", false},
        {"<b><p>block in inline</p></b>", false},
        {"<p>Caf\xC3\xA9 \xE2\x80\x93 na\xC3\xAFve</p>", true},
        {"text\x1E<p>break</p>", false},
    };
    for (const Case &c : cases) {
        CAPTURE(c.fragment);
        auto simple = simple_fragment_to_text(c.fragment);
        CHECK(simple.has_value() == c.simple);
        if (simple)
            CHECK(*simple == parse_fragment_to_text(c.fragment));
        CHECK(html_fragment_to_text(c.fragment) == parse_fragment_to_text(c.fragment));
    }
}
