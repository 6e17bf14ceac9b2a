// The HTML reader: blocks, entities, what is left out, tables with spans, encodings.
#include "support.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/read/web.hpp"

using namespace inspex;

namespace {

std::vector<std::string> view_of(std::string_view html) {
    auto doc = read_html(html, "page.html", {});
    REQUIRE(doc.ok());
    std::vector<std::string> out;
    for (const Line &l : text_view(doc.value()))
        out.push_back(l.text);
    return out;
}

} // namespace

TEST_CASE("html: paragraphs, breaks, entities, headings and list items") {
    CHECK(view_of("<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
                  "<h1>Action &amp; plan</h1><p>one\n   two<br>three&nbsp;four</p>"
                  "<ul><li>an item</li><li>done.</li></ul><div>loose <b>bold</b> text</div>"
                  "</body></html>") == std::vector<std::string>{"Action & plan", "one two",
                                                                "three\xC2\xA0"
                                                                "four",
                                                                "an item.", "done.",
                                                                "loose bold text"});
}

TEST_CASE("html: scripts, navigation and hidden parts are left out") {
    CHECK(view_of("<html><body><nav><p>Home</p></nav><script>var x;</script>"
                  "<div role=\"navigation\">Menu</div><p hidden>secret</p>"
                  "<p aria-hidden=\"true\">icon</p><noscript>enable</noscript><p>Body</p>"
                  "</body></html>") == std::vector<std::string>{"Body"});
}

TEST_CASE("html: colspan and rowspan keep the grid; a nested table joins its cell") {
    CHECK(view_of("<html><body><table><thead><tr><th colspan=\"2\">Wide</th><th>C</th></tr>"
                  "</thead><tbody><tr><td>a</td><td rowspan=\"3\">mid</td><td>c1</td></tr>"
                  "<tr><td>b</td><td>c2</td></tr><tr><td><p>x</p><p>y</p></td><td>"
                  "<table><tr><td>in1</td><td>in2</td></tr></table></td></tr></tbody>"
                  "</table></body></html>") ==
          std::vector<std::string>{"Wide\t\tC", "a\tmid\tc1", "b\t\tc2", "x\x1Ey\t\tin1\x1Ein2"});
}

TEST_CASE("html: encodings: a declared charset, or the text decoder's choice") {
    std::string latin = "<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xE9 "
                        "\x93quoted\x94</p></body></html>";
    CHECK(view_of(latin) == std::vector<std::string>{"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"});
    std::string undeclared = "<html><body><p>caf\xE9</p></body></html>";
    CHECK(view_of(undeclared) == std::vector<std::string>{"caf\xC3\xA9"});
    CHECK(view_of("<html><body><p>caf\xC3\xA9</p></body></html>") ==
          std::vector<std::string>{"caf\xC3\xA9"});
}

TEST_CASE("html: empty and very deep documents give what they hold, never a crash") {
    CHECK(view_of("<html></html>").empty());
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i)
        deep += "<div>";
    deep += "deep text";
    for (int i = 0; i < 100000; ++i)
        deep += "</div>";
    deep += "<p>after</p></body></html>";
    auto lines = view_of(deep);
    REQUIRE(lines.size() == 2); // nothing past the parser's depth is lost
    CHECK(lines[0] == "deep text");
    CHECK(lines[1] == "after");
}
