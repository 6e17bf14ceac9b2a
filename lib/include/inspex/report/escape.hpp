// Text made safe for HTML and SVG: the five characters that can end text or an
// attribute (& < > " ') as entities, and identifiers for in-page anchors.
#pragma once

#include <string>
#include <string_view>

namespace inspex::report {

// "<b>Tom & Jerry's</b>" -> "&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
[[nodiscard]] std::string escape(std::string_view text);

// An id usable in href="#...": letters, digits, '-', '_' and '.' kept, every
// other byte as "_xx" (hex), so different texts give different ids.
[[nodiscard]] std::string anchor(std::string_view text);

} // namespace inspex::report
