// Turns the bytes of an input file into UTF-8 text, whatever the encoding the
// document was saved in: UTF-8 (with or without BOM), UTF-16 with BOM, or
// Windows-1252 (what Word's "plain text" export writes).
//
//   auto text = inspex::decode(bytes, "plan.txt");
//   if (!text) std::cerr << text.error().describe();
#pragma once

#include "inspex/error.hpp"

#include <string>
#include <string_view>

namespace inspex {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

struct Decoded {
    std::string text; // UTF-8, without BOM; line endings untouched
    Encoding encoding = Encoding::utf8;
};

// Detection: a BOM decides; else valid UTF-8 is UTF-8; else bytes that are all
// defined in Windows-1252 (and hold no NUL) are Windows-1252. Anything else is
// an error naming the byte offset of the first undecodable byte.
Result<Decoded> decode(std::string_view bytes, const std::string &file);

} // namespace inspex
