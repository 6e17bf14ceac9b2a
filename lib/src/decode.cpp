#include "inspex/decode.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

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

// The length of the well-formed UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80)
        return 1;
    std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || b > 0xF4 || i + len > s.size())
        return 0;
    char32_t cp = b & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    return overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : len;
}

// What a pass over the bytes as UTF-8 finds: the bad bytes, the well-formed
// multi-byte characters (the evidence that the text is UTF-8), the first NUL.
struct Utf8Scan {
    std::vector<std::size_t> bad;
    std::size_t multibyte = 0;
    std::optional<std::size_t> nul;
};

// Where the run of ASCII bytes other than NUL that begins at i ends: most text
// is such runs, checked eight bytes at a time.
std::size_t plain_ascii_end(std::string_view s, std::size_t i) {
    constexpr uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t word = 0;
        std::memcpy(&word, s.data() + i, 8);
        bool has_zero = ((word - kOnes) & ~word & kHighs) != 0;
        if ((word & kHighs) != 0 || has_zero)
            break;
    }
    while (i < s.size() && s[i] != '\0' && static_cast<unsigned char>(s[i]) < 0x80)
        ++i;
    return i;
}

Utf8Scan scan_utf8(std::string_view s) {
    Utf8Scan scan;
    for (std::size_t i = plain_ascii_end(s, 0); i < s.size(); i = plain_ascii_end(s, i)) {
        std::size_t len = utf8_length(s, i);
        if (s[i] == '\0' && !scan.nul)
            scan.nul = i;
        if (len == 0)
            scan.bad.push_back(i++);
        else
            scan.multibyte += len > 1, i += len;
    }
    return scan;
}

// The text with each bad byte replaced by U+FFFD.
Decoded replace_bad_bytes(std::string_view s, const std::vector<std::size_t> &bad,
                          std::size_t base) {
    Decoded out{{}, Encoding::utf8, {}};
    out.text.reserve(s.size() + 2 * bad.size());
    std::size_t from = 0;
    for (std::size_t at : bad) {
        out.text.append(s.substr(from, at - from));
        out.text += "\xEF\xBF\xBD";
        out.replaced.push_back(at + base);
        from = at + 1;
    }
    out.text.append(s.substr(from));
    return out;
}

// Windows-1252 bytes 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Result<Decoded> decode_cp1252(std::string_view s, const std::string &file, std::size_t utf8_error) {
    Decoded out{{}, Encoding::windows1252, {}};
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
    Decoded out{{}, little_endian ? Encoding::utf16le : Encoding::utf16be, {}};
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
    std::size_t base = bom ? 3 : 0;
    Utf8Scan scan = scan_utf8(body);
    if (scan.nul)
        return Error::at_offset("NUL byte: a binary file, not text", file, *scan.nul + base);
    if (scan.bad.empty())
        return Decoded{std::string(body), bom ? Encoding::utf8_bom : Encoding::utf8, {}};
    if (bom || scan.multibyte >= scan.bad.size()) {
        Decoded out = replace_bad_bytes(body, scan.bad, base);
        out.encoding = bom ? Encoding::utf8_bom : Encoding::utf8;
        return out;
    }
    return decode_cp1252(body, file, scan.bad.front());
}

Warning replaced_bytes_warning(const Decoded &decoded, std::string_view bytes) {
    const std::vector<std::size_t> &at = decoded.replaced;
    std::string offsets;
    for (std::size_t i = 0; i < at.size() && i < 5; ++i)
        offsets += (i ? ", " : "") + std::to_string(at[i]);
    if (at.size() > 5)
        offsets += ", ... (" + std::to_string(at.size()) + " in all)";
    auto line_at = [&](std::size_t offset) {
        std::string_view before = bytes.substr(0, std::min(offset, bytes.size()));
        std::size_t line = 1;
        for (std::size_t i = 0; i < before.size(); ++i)
            line += before[i] == '\n' ||
                    (before[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'));
        return line;
    };
    return {"invalid-utf8",
            "bytes that are not UTF-8 replaced by U+FFFD (the rest of the file is UTF-8) at "
            "byte " +
                offsets,
            at.empty() ? 0 : line_at(at.front()), at.empty() ? 0 : line_at(at.back())};
}

} // namespace inspex
