#include "inspex/read/reader.hpp"

#include "inspex/read/office.hpp"
#include "inspex/read/pdf.hpp"
#include "inspex/read/text.hpp"
#include "inspex/read/web.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace inspex {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view s, std::string_view what) {
    return s.find(what) != std::string_view::npos;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The first bytes after a BOM, white space and XML or HTML comments/declarations
// that may precede an HTML root.
bool has_html_root(std::string_view bytes) {
    std::string head = lower_ascii(bytes.substr(0, 4096));
    std::size_t i = starts_with(head, "\xef\xbb\xbf") ? 3 : 0;
    for (;;) {
        while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i])))
            ++i;
        std::string_view rest = std::string_view(head).substr(i);
        if (starts_with(rest, "<!doctype html") || starts_with(rest, "<html"))
            return true;
        std::string_view end = starts_with(rest, "<?xml")  ? "?>"
                               : starts_with(rest, "<!--") ? "-->"
                                                           : "";
        std::size_t close = end.empty() ? std::string::npos : head.find(end, i);
        if (close == std::string::npos)
            return false;
        i = close + end.size();
    }
}

// A legacy OLE2 file holds its stream names in UTF-16.
std::string legacy_kind(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (contains(bytes, "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"sv))
        return "password-protected Office document: remove the password and try again";
    if (contains(bytes, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"sv))
        return "Word 97-2003 document: save it as .docx and try again";
    if (contains(bytes, "W\0o\0r\0k\0b\0o\0o\0k\0"sv))
        return "Excel 97-2003 workbook: save it as .xlsx, or the document as .docx, and try again";
    return "Office 97-2003 file (OLE2): save it in a current format (.docx) and try again";
}

} // namespace

InputFormat sniff_format(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (starts_with(bytes, "PK\x03\x04")) {
        // The names of the entries are stored in the clear in the local headers.
        if (contains(bytes, "word/document.xml"))
            return InputFormat::docx;
        if (contains(bytes, "content.xml"))
            return InputFormat::odt;
    }
    if (starts_with(bytes, "%PDF-") || contains(bytes.substr(0, 1024), "%PDF-"))
        return InputFormat::pdf;
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv))
        return InputFormat::legacy_office;
    if (has_html_root(bytes))
        return InputFormat::html;
    return InputFormat::text;
}

Result<Document> read_document(std::string_view bytes, const std::string &file,
                               const ReadLimits &limits) {
    if (bytes.size() > limits.max_input_bytes)
        return Error(fmt::format("file too large: {} bytes (the limit is {})", bytes.size(),
                                 limits.max_input_bytes),
                     file);
    switch (sniff_format(bytes)) {
    case InputFormat::docx:
        return read_docx(bytes, file, limits);
    case InputFormat::odt:
        return read_odt(bytes, file, limits);
    case InputFormat::pdf:
        return read_pdf(bytes, file, limits);
    case InputFormat::html:
        return read_html(bytes, file, limits);
    case InputFormat::legacy_office:
        return Error(legacy_kind(bytes), file);
    case InputFormat::text:
        break;
    }
    if (starts_with(bytes, "PK\x03\x04"))
        return Error("a zip archive that is neither a DOCX nor an ODT document", file);
    return read_text(bytes, file);
}

} // namespace inspex
