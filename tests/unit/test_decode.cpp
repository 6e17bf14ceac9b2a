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
    CHECK(nul.error().describe() == "bin.dat: byte 2: invalid UTF-8");
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
    auto d = decode("\xEF\xBB\xBF"
                    "a\xC3(",
                    "f.txt");
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().offset == 4);
}
