#include "inspex/decode.hpp"

#include <doctest/doctest.h>

using namespace inspex;

TEST_CASE("decode: plain UTF-8 passes through, a UTF-8 BOM is removed") {
    auto plain = decode("caf\xC3\xA9", "f.txt");
    REQUIRE(plain.ok());
    CHECK(plain->text == "caf\xC3\xA9");
    CHECK(plain->encoding == Encoding::utf8);
    auto bom = decode("\xEF\xBB\xBFok", "f.txt");
    REQUIRE(bom.ok());
    CHECK(bom->text == "ok");
    CHECK(bom->encoding == Encoding::utf8_bom);
}

TEST_CASE("decode: UTF-16 with either BOM, surrogate pairs included") {
    std::string le("\xFF\xFE"
                   "A\0\x19\x20",
                   6); // A ’
    auto a = decode(le, "f.txt");
    REQUIRE(a.ok());
    CHECK(a->text == "A\xE2\x80\x99");
    std::string be("\xFE\xFF\0A\xD8\x3D\xDE\x00", 8); // A 😀
    auto b = decode(be, "f.txt");
    REQUIRE(b.ok());
    CHECK(b->text == "A\xF0\x9F\x98\x80");
}

TEST_CASE("decode: Windows-1252 when the bytes are not UTF-8") {
    auto d = decode("It\x92s \x93quoted\x94 \x96 5\x80", "word.txt");
    REQUIRE(d.ok());
    CHECK(d->encoding == Encoding::windows1252);
    CHECK(d->text == "It\xE2\x80\x99s \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 5\xE2\x82\xAC");
}

TEST_CASE("decode: undecodable input is an error naming file and byte offset") {
    auto nul = decode(std::string("ab\0cd", 5), "bin.dat");
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().offset == 2);
    CHECK(nul.error().describe() == "bin.dat: byte 2: NUL byte: a binary file, not text");
    auto undefined = decode("ok \x81 no", "x.txt"); // 0x81 is undefined in Windows-1252
    REQUIRE_FALSE(undefined.ok());
    CHECK(undefined.error().offset == 3);
    auto lone = decode(std::string("\xFF\xFE\x00\xDC", 4), "u16.txt");
    REQUIRE_FALSE(lone.ok());
    CHECK(lone.error().describe().find("u16.txt: byte 2") == 0);
    auto odd = decode(std::string("\xFF\xFE"
                                  "A",
                                  3),
                      "u16.txt");
    CHECK_FALSE(odd.ok());
}

TEST_CASE("decode: a BOM followed by invalid UTF-8 is not silently reinterpreted") {
    std::string bytes = "\xEF\xBB\xBF"
                        "a\xC3(";
    auto d = decode(bytes, "f.txt");
    REQUIRE(d.ok());
    CHECK(d->text == "a\xEF\xBF\xBD(");
    CHECK(d->replaced == std::vector<std::size_t>{4});
    Warning w = replaced_bytes_warning(d.value(), bytes);
    CHECK(w.code == "invalid-utf8");
    CHECK(w.message.find("at byte 4") != std::string::npos);
}

TEST_CASE(
    "regression invalid-utf8-few-bytes: UTF-8 but for a few bytes stays UTF-8, with a warning") {
    // Two curly quotes in UTF-8 and one stray Windows-1252 byte on line 2: the
    // evidence says UTF-8; never mojibake ("’" read as "â€™").
    std::string bytes = "It\xE2\x80\x99s fine\nthe \x92 here \xE2\x80\x9Cx\n";
    auto d = decode(bytes, "f.txt");
    REQUIRE(d.ok());
    CHECK(d->encoding == Encoding::utf8);
    CHECK(d->text == "It\xE2\x80\x99s fine\nthe \xEF\xBF\xBD here \xE2\x80\x9Cx\n");
    CHECK(d->replaced == std::vector<std::size_t>{16});
    Warning w = replaced_bytes_warning(d.value(), bytes);
    CHECK(w.first_line == 2);
    CHECK(w.message.find("byte 16") != std::string::npos);
    // A text with more bad bytes than UTF-8 characters is Windows-1252, as before.
    auto cp = decode("It\x92s \x93q\x94 \xE2\x80\x99", "w.txt");
    REQUIRE(cp.ok());
    CHECK(cp->encoding == Encoding::windows1252);
}

TEST_CASE("regression nul-byte-message: a NUL byte is named as such, not as invalid UTF-8") {
    auto d = decode(std::string("text\0more", 9), "x.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().describe() == "x.txt: byte 4: NUL byte: a binary file, not text");
}

TEST_CASE("decode: a bad byte, a NUL or a character is found at any offset of plain text") {
    // ASCII is skipped eight bytes at a time: what follows it is found wherever
    // it falls against those steps, and at the very end.
    for (std::size_t at = 0; at <= 20; ++at) {
        CAPTURE(at);
        std::string plain(20, 'a');
        std::string nul = plain;
        nul.insert(at, 1, '\0');
        auto n = decode(nul, "n.txt");
        REQUIRE_FALSE(n.ok());
        CHECK(n.error().describe() ==
              "n.txt: byte " + std::to_string(at) + ": NUL byte: a binary file, not text");
        std::string stray = plain;
        stray.insert(at, "\xE2\x80\x99\x92");
        auto s = decode(stray, "s.txt");
        REQUIRE(s.ok());
        CHECK(s->encoding == Encoding::utf8);
        CHECK(s->replaced == std::vector<std::size_t>{at + 3});
        CHECK(s->text.size() == plain.size() + 6);
    }
}
