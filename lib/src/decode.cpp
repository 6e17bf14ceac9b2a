#include "inspex/decode.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace inspex {
namespace {

void append_utf8(std::string &out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b == 0)
                return i;
            ++i;
            continue;
        }
        std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
        if (len == 0 || b > 0xF4 || i + len > s.size())
            return i;
        char32_t cp = b & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len; ++k) {
            auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (c & 0x3F);
        }
        bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

// Windows-1252 bytes 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Result<Decoded> decode_cp1252(std::string_view s, const std::string &file, std::size_t utf8_error) {
    Decoded out{{}, Encoding::windows1252};
    out.text.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        char32_t cp = b;
        if (b >= 0x80 && b < 0xA0)
            cp = kCp1252High[b - 0x80];
        if (cp == 0)
            return Error::at_offset("not UTF-8 (invalid sequence at byte " +
                                        std::to_string(utf8_error) +
                                        ") nor Windows-1252 (undefined byte)",
                                    file, i);
        append_utf8(out.text, cp);
    }
    return out;
}

Result<Decoded> decode_utf16(std::string_view s, bool little_endian, const std::string &file) {
    Decoded out{{}, little_endian ? Encoding::utf16le : Encoding::utf16be};
    if (s.size() % 2 != 0)
        return Error::at_offset("UTF-16 input has an odd number of bytes", file, s.size() - 1);
    auto unit = [&](std::size_t i) -> char16_t {
        auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return little_endian ? static_cast<char16_t>(a | (b << 8))
                             : static_cast<char16_t>((a << 8) | b);
    };
    out.text.reserve(s.size() / 2);
    for (std::size_t i = 2; i < s.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= s.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF)
                return Error::at_offset("UTF-16 high surrogate without its pair", file, i);
            cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Error::at_offset("UTF-16 low surrogate without its pair", file, i);
        } else if (cp == 0) {
            return Error::at_offset("NUL character in UTF-16 input", file, i);
        }
        append_utf8(out.text, cp);
    }
    return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

Result<Decoded> decode(std::string_view bytes, const std::string &file) {
    if (starts_with(bytes, "\xFF\xFE"))
        return decode_utf16(bytes, true, file);
    if (starts_with(bytes, "\xFE\xFF"))
        return decode_utf16(bytes, false, file);
    bool bom = starts_with(bytes, "\xEF\xBB\xBF");
    std::string_view body = bom ? bytes.substr(3) : bytes;
    auto bad = first_invalid_utf8(body);
    if (!bad)
        return Decoded{std::string(body), bom ? Encoding::utf8_bom : Encoding::utf8};
    std::size_t offset = *bad + (bom ? 3 : 0);
    if (bom || body.find('\0') != std::string_view::npos)
        return Error::at_offset("invalid UTF-8", file, offset);
    return decode_cp1252(body, file, offset);
}

} // namespace inspex
