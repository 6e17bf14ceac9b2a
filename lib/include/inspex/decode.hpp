// Turns the bytes of an input file into UTF-8 text, whatever the encoding the
// document was saved in: UTF-8 (with or without BOM), UTF-16 with BOM, or
// Windows-1252 (what Word's "plain text" export writes).
//
//   auto text = inspex::decode(bytes, "plan.txt");
//   if (!text) std::cerr << text.error().describe();
#pragma once

#include "inspex/error.hpp"
#include "inspex/warning.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace inspex {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

struct Decoded {
    std::string text; // UTF-8, without BOM; line endings untouched
    Encoding encoding = Encoding::utf8;
    // UTF-8 with a few bad bytes: the byte offsets (in the input) of those
    // replaced by U+FFFD. Empty when every byte was decoded.
    std::vector<std::size_t> replaced;
};

// Detection by evidence: a BOM decides; else valid UTF-8 is UTF-8; else a text
// with at least as many well-formed multi-byte UTF-8 characters as bad bytes
// is UTF-8 with its bad bytes replaced (listed in `replaced`); else bytes that
// are all defined in Windows-1252 are Windows-1252. A NUL byte (a binary
// file) or bytes that are none of these are an error naming the byte offset.
Result<Decoded> decode(std::string_view bytes, const std::string &file);

// The warning a document carries when bytes were replaced: "invalid-utf8",
// naming the first offsets, on the lines (of `bytes`) where they stand.
[[nodiscard]] Warning replaced_bytes_warning(const Decoded &decoded, std::string_view bytes);

} // namespace inspex
