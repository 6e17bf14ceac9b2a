// Text made safe for a terminal or a log: control characters shown as
// escapes, so text from a document can neither move the cursor nor forge a line.
#pragma once

#include <string>
#include <string_view>

namespace inspex {

// "a\nb\x1b[31m" -> "a\\nb\\x1b[31m": \n \r \t, other C0 controls and DEL as
// \xNN, C1 controls (U+0080..U+009F) and the line and paragraph separators
// as \uNNNN; everything else unchanged.
[[nodiscard]] std::string printable(std::string_view text);

} // namespace inspex
