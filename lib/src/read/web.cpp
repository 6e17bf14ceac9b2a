#include "inspex/read/web.hpp"

#include "inspex/decode.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/read/xml.hpp"
#include "sink.hpp"
#include <optional>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <libxml/HTMLparser.h>

namespace inspex {
namespace {

using detail::as_list_item;
using detail::Sink;

constexpr int kMaxDepth = 200;  // deeper markup is read as plain text
constexpr long kMaxSpan = 1000; // colspan and rowspan beyond this are damage

bool any_of_names(const xmlNode *n, std::initializer_list<const char *> names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const char *name) { return named(n, name); });
}

bool left_out(const xmlNode *n) {
    return any_of_names(n, {"script", "style", "noscript", "template", "head", "nav", "form",
                            "button", "select", "svg", "iframe", "object"}) ||
           attribute(n, "role") == "navigation" || attribute(n, "aria-hidden") == "true" ||
           xmlHasProp(n, reinterpret_cast<const xmlChar *>("hidden"));
}

bool is_block(const xmlNode *n) {
    return any_of_names(n, {"p",      "h1",      "h2",      "h3",         "h4",         "h5",
                            "h6",     "li",      "dt",      "dd",         "blockquote", "pre",
                            "div",    "section", "article", "main",       "body",       "header",
                            "footer", "aside",   "figure",  "figcaption", "address",    "center",
                            "ul",     "ol",      "dl",      "hr",         "caption",    "html"});
}

long span_attribute(const xmlNode *n, const char *name) {
    std::string v = attribute(n, name);
    long value = v.empty() ? 1 : std::strtol(v.c_str(), nullptr, 10);
    return std::clamp(value, 1L, kMaxSpan);
}

// The text of the paragraph being read, with white space collapsed as a browser does.
class Paragraph {
  public:
    void text(std::string_view s, bool preformatted) {
        for (char c : s) {
            bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (preformatted && c == '\n')
                line_break();
            else if (space)
                pending_space_ = !text_.empty() && text_.back() != '\n';
            else
                put(c);
        }
    }
    void line_break() {
        pending_space_ = false;
        text_ += '\n';
    }
    // Hands the paragraph to the sink (when it has text) and starts a new one.
    void flush(const Sink &sink, bool list_item) {
        while (!text_.empty() && text_.back() == '\n')
            text_.pop_back();
        if (!text_.empty())
            sink.paragraph(list_item ? as_list_item(text_) : text_);
        text_.clear();
        pending_space_ = false;
    }

  private:
    void put(char c) {
        if (pending_space_)
            text_ += ' ';
        pending_space_ = false;
        text_ += c;
    }
    std::string text_;
    bool pending_space_ = false;
};

class HtmlReader {
  public:
    void blocks(const xmlNode *parent, const Sink &sink, int depth = 0) {
        Paragraph p;
        walk(parent, sink, p, depth, false);
        p.flush(sink, false);
    }

  private:
    void walk(const xmlNode *parent, const Sink &sink, Paragraph &p, int depth, bool pre) {
        for (const xmlNode *n = parent->children; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                p.text(reinterpret_cast<const char *>(n->content), pre);
            } else if (n->type != XML_ELEMENT_NODE || left_out(n)) {
                continue;
            } else if (depth > kMaxDepth) {
                xmlChar *all = xmlNodeGetContent(n);
                p.text(all ? reinterpret_cast<const char *>(all) : "", pre);
                xmlFree(all);
            } else if (named(n, "br")) {
                p.line_break();
            } else if (named(n, "table")) {
                p.flush(sink, false);
                sink.table(table(n, depth + 1));
            } else if (is_block(n)) {
                p.flush(sink, false);
                Paragraph inner;
                walk(n, sink, inner, depth + 1, pre || named(n, "pre"));
                inner.flush(sink, named(n, "li"));
            } else {
                walk(n, sink, p, depth + 1, pre);
            }
        }
    }

    // The table's own rows: direct, or in thead, tbody, tfoot.
    static void collect_rows(const xmlNode *parent, std::vector<const xmlNode *> &rows) {
        for (const xmlNode *n = parent->children; n; n = n->next)
            if (named(n, "tr"))
                rows.push_back(n);
            else if (any_of_names(n, {"thead", "tbody", "tfoot"}))
                collect_rows(n, rows);
    }

    std::vector<Row> table(const xmlNode *tbl, int depth) {
        std::vector<const xmlNode *> trs;
        collect_rows(tbl, trs);
        std::vector<Row> rows;
        std::vector<long> down; // per grid column: rows still covered by a rowspan above
        for (const xmlNode *tr : trs) {
            Row row;
            std::size_t column = 0;
            auto covered = [&] {
                while (column < down.size() && down[column] > 0) {
                    row.cells.push_back(Cell{{}, 1, true});
                    --down[column++];
                }
            };
            for (const xmlNode *td = tr->children; td; td = td->next) {
                if (!named(td, "td") && !named(td, "th"))
                    continue;
                covered();
                Cell cell{{}, static_cast<std::size_t>(span_attribute(td, "colspan")), false};
                blocks_into(td, cell.paragraphs, depth);
                long rowspan =
                    std::min<long>(span_attribute(td, "rowspan"), static_cast<long>(trs.size()));
                if (down.size() < column + cell.span)
                    down.resize(column + cell.span, 0);
                for (std::size_t k = 0; k < cell.span; ++k)
                    down[column + k] = rowspan - 1;
                column += cell.span;
                row.cells.push_back(std::move(cell));
            }
            covered();
            rows.push_back(std::move(row));
        }
        return rows;
    }

    void blocks_into(const xmlNode *cell, std::vector<std::string> &paragraphs, int depth) {
        blocks(cell, Sink{nullptr, &paragraphs}, depth + 1);
    }
};

// The character encoding the page declares in its first 4 KB (a meta
// charset, an XML declaration's encoding), lower case; empty if none.
std::string declared_charset(std::string_view bytes) {
    std::string head(bytes.substr(0, 4096));
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::size_t at = head.find("charset");
    std::size_t skip = 7;
    if (at == std::string::npos) {
        at = head.find("encoding=");
        skip = 8;
    }
    if (at == std::string::npos)
        return "";
    std::size_t from = head.find_first_not_of("=\"' \t", at + skip);
    std::size_t to = head.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-.:", from);
    return from == std::string::npos ? "unknown" : head.substr(from, to - from);
}

// Charsets the text decoder reads (UTF-8, else Windows-1252, of which Latin-1
// and ASCII are subsets): libxml2 stops converting at a byte invalid in the
// declared one, losing the rest of the page.
bool decoder_reads(const std::string &charset) {
    for (const char *name : {"", "utf-8", "utf8", "windows-1252", "cp1252", "iso-8859-1", "latin1",
                             "iso-8859-15", "us-ascii", "ascii"})
        if (charset == name)
            return true;
    return false;
}

// The page's bytes as libxml2 is to read them: without a declared charset,
// or one the text decoder reads, decoded as it decodes text (a stray byte
// replaced and warned of, where libxml2 would read the rest of a UTF-8 page as
// Latin-1 from there, "prisonâs", or stop at a byte Windows-1252 leaves
// undefined), then given as UTF-8; else (or where the decoder refuses a page
// that declares its charset) as they are, read as the page declares.
struct PageText {
    std::string decoded;
    const char *encoding = nullptr; // null: the page's declaration
    std::optional<Warning> replaced;
};

Result<PageText> page_text(std::string_view bytes, const std::string &file,
                           const std::string &charset) {
    PageText page;
    auto text = decoder_reads(charset) ? decode(bytes, file) : Result<Decoded>(Error("", file));
    if (!text && charset.empty())
        return text.error();
    if (!text)
        return page;
    if (!text->replaced.empty()) {
        page.replaced = replaced_bytes_warning(text.value(), bytes);
        page.replaced->first_line = page.replaced->last_line = 0; // offsets, not lines
    }
    page.decoded = std::move(text->text);
    page.encoding = "UTF-8";
    return page;
}

} // namespace

Result<Document> read_html(std::string_view bytes, const std::string &file, const ReadLimits &) {
    std::string charset = declared_charset(bytes);
    auto page = page_text(bytes, file, charset);
    if (!page)
        return page.error();
    if (page->encoding)
        bytes = page->decoded;
    XmlErrorCatcher errors;
    htmlDocPtr parsed =
        htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, page->encoding,
                       // HUGE: past 256 levels of nesting the parser would otherwise drop the
                       // rest of the page; the input's size is bounded by ReadLimits.
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | XML_PARSE_HUGE);
    if (!parsed || !xmlDocGetRootElement(parsed)) {
        if (parsed)
            xmlFreeDoc(parsed);
        return Error("damaged HTML: nothing could be read", file);
    }
    XmlTree tree(parsed, xmlFreeDoc);
    Document doc;
    doc.format = "html";
    doc.paragraph_lines = true;
    HtmlReader().blocks(xmlDocGetRootElement(parsed), Sink{&doc.blocks, nullptr});
    number_lines(doc);
    if (page->replaced)
        doc.warnings.push_back(*page->replaced);
    if (errors.encoding_errors() > 0)
        doc.warnings.push_back({"invalid-encoding",
                                "the page has bytes that are not valid in the character encoding "
                                "it declares (" +
                                    charset +
                                    "): the text from the first of them on may be missing",
                                0, 0});
    return doc;
}

} // namespace inspex
