// Text made safe and short for HTML and SVG: the five characters that can end
// text or an attribute (& < > " ') as entities, texts cut short, anchor ids.
#pragma once

#include <string>
#include <string_view>

namespace inspex::report {

// "<b>Tom & Jerry's</b>" -> "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
[[nodiscard]] std::string escape(std::string_view text);

// At most about `bytes` bytes of `text`, cut after a word and never inside a
// UTF-8 character, with "…" when anything was cut.
[[nodiscard]] std::string shortened(std::string_view text, std::size_t bytes);

// An id usable in href="#...": letters, digits, '-', '_' and '.' kept, every
// other byte as "_xx" (hex), so different texts give different ids.
[[nodiscard]] std::string anchor(std::string_view text);

} // namespace inspex::report
