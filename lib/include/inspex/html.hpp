// Reads the HTML fragments that converters leave inside table cells ("<p>…</p>
// <ul><li>…</li></ul>", "<i>…</i>") with libxml2's HTML parser and keeps the text.
//
//   std::string text = html_fragment_to_text("<p>One</p><p>Two</p>"); // "One\x1ETwo"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace inspex {

// True when the text holds something that looks like an HTML tag.
[[nodiscard]] bool looks_like_html(std::string_view text);

// Text content of the fragment; block elements (p, div, li, br, ul, ol, tr)
// become kBlockBreak, and a list item that does not end a sentence is given a
// full stop so that items stay separate sentences once joined.
[[nodiscard]] std::string html_fragment_to_text(std::string_view fragment);

// The same text read without the parser, for the fragments a converter
// usually leaves (p, ul/ol/li, br, b, i, em, strong, u, no attributes or
// entities, each closed where HTML allows it): nullopt for any other, which
// needs the parser.
[[nodiscard]] std::optional<std::string> simple_fragment_to_text(std::string_view fragment);

// The text as libxml2's HTML parser reads it, whatever the fragment.
[[nodiscard]] std::string parse_fragment_to_text(std::string_view fragment);

} // namespace inspex
