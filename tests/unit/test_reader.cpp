// Choosing the reader by content, and the inputs refused before any reader runs.
#include "support.hpp"

#include "inspex/read/reader.hpp"

using namespace inspex;
using namespace std::string_view_literals;

TEST_CASE("reader: the format is told by the content, not the name") {
    CHECK(sniff_format("%PDF-1.7\n...") == InputFormat::pdf);
    CHECK(sniff_format("PK\x03\x04....word/document.xml....") == InputFormat::docx);
    CHECK(sniff_format("PK\x03\x04....mimetypeapplication/vnd.oasis....content.xml") ==
          InputFormat::odt);
    CHECK(sniff_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest"sv) == InputFormat::legacy_office);
    CHECK(sniff_format("<!DOCTYPE html><html><body>x</body></html>") == InputFormat::html);
    CHECK(sniff_format("\xEF\xBB\xBF  <HTML><body>x</body></HTML>") == InputFormat::html);
    CHECK(sniff_format("<?xml version=\"1.0\"?>\n<!-- made -->\n<html xmlns=\"x\">") ==
          InputFormat::html);
    // A pasted table whose cells hold HTML fragments is text.
    CHECK(sniff_format("7.1\t<p>Agreed</p>\t<ul><li>x</li></ul>\n") == InputFormat::text);
    CHECK(sniff_format("plain words\n") == InputFormat::text);
}

TEST_CASE("reader: legacy, unknown zip and oversized inputs are refused with a reason") {
    std::string doc = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    doc += "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"sv;
    auto word = read_document(doc, "old.doc");
    REQUIRE_FALSE(word.ok());
    CHECK(word.error().describe() ==
          "old.doc: Word 97-2003 document: save it as .docx and try again");

    std::string xls = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    xls += "W\0o\0r\0k\0b\0o\0o\0k\0"sv;
    auto sheet = read_document(xls, "old.xls");
    REQUIRE_FALSE(sheet.ok());
    CHECK(sheet.error().message.find("Excel 97-2003") != std::string::npos);

    std::string locked = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    locked += "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"sv;
    auto encrypted = read_document(locked, "secret.docx");
    REQUIRE_FALSE(encrypted.ok());
    CHECK(encrypted.error().message ==
          "password-protected Office document: remove the password and try again");

    auto zip = read_document("PK\x03\x04 other.bin", "a.zip");
    REQUIRE_FALSE(zip.ok());
    CHECK(zip.error().message.find("neither a DOCX nor an ODT") != std::string::npos);

    ReadLimits small;
    small.max_input_bytes = 4;
    auto big = read_document("hello", "big.txt", small);
    REQUIRE_FALSE(big.ok());
    CHECK(big.error().describe() == "big.txt: file too large: 5 bytes (the limit is 4)");
}

TEST_CASE("reader: text is read as before") {
    auto doc = read_document("a\tb\nc\n", "x.txt");
    REQUIRE(doc.ok());
    CHECK(doc->format == "text");
    CHECK(doc->blocks.size() == 2);
    auto bad = read_document("ab\0cd"sv, "bin.txt");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().describe() == "bin.txt: byte 2: NUL byte: a binary file, not text");
}
