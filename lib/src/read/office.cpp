#include "inspex/read/office.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/read/xml.hpp"
#include "inspex/read/zip.hpp"
#include "sink.hpp"

#include <algorithm>
#include <cstdlib>

namespace inspex {
namespace {

using detail::as_list_item;
using detail::Sink;

// Office tables repeat empty cells and rows by a count; a count this large is
// LibreOffice's padding of a sheet's width, one of them is enough.
constexpr long kMaxRepeat = 100;

long count_attribute(const xmlNode *node, const char *name) {
    std::string v = attribute(node, name);
    long n = v.empty() ? 1 : std::strtol(v.c_str(), nullptr, 10);
    return n < 1 || n > kMaxRepeat ? 1 : n;
}

// ---- DOCX (WordprocessingML) ----

class DocxReader {
  public:
    void blocks(const xmlNode *parent, const Sink &sink) {
        for (xmlNode *n = parent->children; n; n = n->next) {
            if (named(n, "p"))
                paragraph(n, sink);
            else if (named(n, "tbl"))
                sink.table(table(n));
            else if (named(n, "sdt") || named(n, "sdtContent") || named(n, "ins") ||
                     named(n, "customXml") || named(n, "smartTag"))
                blocks(n, sink);
        }
    }

  private:
    void paragraph(const xmlNode *p, const Sink &sink) {
        std::string text;
        std::vector<const xmlNode *> boxes;
        runs(p, text, boxes);
        const xmlNode *props = child(p, "pPr");
        sink.paragraph(child(props, "numPr") && !text.empty() ? as_list_item(text) : text);
        for (const xmlNode *box : boxes)
            blocks(box, sink);
    }

    // The text of a paragraph's runs, as accepted with its tracked changes.
    void runs(const xmlNode *parent, std::string &text, std::vector<const xmlNode *> &boxes) {
        for (xmlNode *n = parent->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE)
                continue;
            if (named(n, "t")) {
                xmlChar *content = xmlNodeGetContent(n);
                text += content ? reinterpret_cast<const char *>(content) : "";
                xmlFree(content);
            } else if (named(n, "tab")) {
                text += '\t';
            } else if (named(n, "br") || named(n, "cr")) {
                text += '\n';
            } else if (named(n, "txbxContent")) {
                boxes.push_back(n);
            } else if (!named(n, "del") && !named(n, "moveFrom") && !named(n, "instrText") &&
                       !named(n, "delText") && !named(n, "pPr") && !named(n, "rPr") &&
                       !named(n, "footnoteReference") && !named(n, "endnoteReference") &&
                       !named(n, "commentReference")) {
                runs(n, text, boxes);
            }
        }
    }

    std::vector<Row> table(const xmlNode *tbl) {
        std::vector<Row> rows;
        for (xmlNode *tr = tbl->children; tr; tr = tr->next) {
            if (!named(tr, "tr"))
                continue;
            Row row;
            long before = count_attribute(child(child(tr, "trPr"), "gridBefore"), "val");
            if (child(child(tr, "trPr"), "gridBefore"))
                row.cells.resize(static_cast<std::size_t>(before));
            for (xmlNode *tc = tr->children; tc; tc = tc->next)
                if (named(tc, "tc"))
                    row.cells.push_back(cell(tc));
                else if (named(tc, "sdt"))
                    for (xmlNode *inner =
                             child(tc, "sdtContent") ? child(tc, "sdtContent")->children : nullptr;
                         inner; inner = inner->next)
                        if (named(inner, "tc"))
                            row.cells.push_back(cell(inner));
            rows.push_back(std::move(row));
        }
        return rows;
    }

    Cell cell(const xmlNode *tc) {
        Cell c;
        const xmlNode *props = child(tc, "tcPr");
        if (const xmlNode *span = child(props, "gridSpan"))
            c.span = static_cast<std::size_t>(count_attribute(span, "val"));
        if (const xmlNode *merge = child(props, "vMerge"))
            c.continued = attribute(merge, "val") != "restart";
        if (!c.continued)
            blocks(tc, Sink{nullptr, &c.paragraphs});
        return c;
    }
};

// ---- ODT (OpenDocument text) ----

class OdtReader {
  public:
    void blocks(const xmlNode *parent, const Sink &sink, bool list = false) {
        for (xmlNode *n = parent->children; n; n = n->next) {
            if (named(n, "p") || named(n, "h"))
                paragraph(n, sink, list);
            else if (named(n, "list"))
                blocks(n, sink, true);
            else if (named(n, "list-item") || named(n, "list-header") || named(n, "section") ||
                     named(n, "index-body") || named(n, "table-of-content") ||
                     named(n, "alphabetical-index") || named(n, "illustration-index"))
                blocks(n, sink, list);
            else if (named(n, "table"))
                sink.table(table(n));
        }
    }

  private:
    void paragraph(const xmlNode *p, const Sink &sink, bool list) {
        std::string text;
        std::vector<const xmlNode *> boxes;
        inline_text(p, text, boxes);
        sink.paragraph(list && !text.empty() ? as_list_item(text) : text);
        for (const xmlNode *box : boxes)
            blocks(box, sink);
    }

    void inline_text(const xmlNode *parent, std::string &text,
                     std::vector<const xmlNode *> &boxes) {
        for (xmlNode *n = parent->children; n; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                text += reinterpret_cast<const char *>(n->content);
            } else if (named(n, "s")) {
                text.append(static_cast<std::size_t>(count_attribute(n, "c")), ' ');
            } else if (named(n, "tab")) {
                text += '\t';
            } else if (named(n, "line-break")) {
                text += '\n';
            } else if (named(n, "text-box")) {
                boxes.push_back(n);
            } else if (n->type == XML_ELEMENT_NODE && !named(n, "note") &&
                       !named(n, "annotation") && !named(n, "deletion") &&
                       !named(n, "tracked-changes")) {
                inline_text(n, text, boxes);
            }
        }
    }

    // Rows at any depth of header-rows, rows and row-groups, in order.
    void collect_rows(const xmlNode *parent, std::vector<const xmlNode *> &rows) {
        for (xmlNode *n = parent->children; n; n = n->next)
            if (named(n, "table-row"))
                for (long r = count_attribute(n, "number-rows-repeated"); r > 0; --r)
                    rows.push_back(n);
            else if (named(n, "table-header-rows") || named(n, "table-rows") ||
                     named(n, "table-row-group"))
                collect_rows(n, rows);
    }

    std::vector<Row> table(const xmlNode *tbl) {
        std::vector<const xmlNode *> xml_rows;
        collect_rows(tbl, xml_rows);
        std::vector<Row> rows;
        std::vector<long> rows_left; // per grid column: rows still covered from above
        for (const xmlNode *tr : xml_rows) {
            Row row;
            std::size_t column = 0;
            long spanned = 0; // covered cells still belonging to a cell's column span
            for (xmlNode *tc = tr->children; tc; tc = tc->next) {
                bool covered = named(tc, "covered-table-cell");
                if (!covered && !named(tc, "table-cell"))
                    continue;
                for (long r = count_attribute(tc, "number-columns-repeated"); r > 0; --r) {
                    if (rows_left.size() <= column)
                        rows_left.resize(column + 1, 0);
                    if (covered && spanned > 0) {
                        --spanned;
                    } else if (covered) {
                        row.cells.push_back(Cell{{}, 1, rows_left[column] > 0});
                    } else {
                        row.cells.push_back(cell(tc));
                        spanned = static_cast<long>(row.cells.back().span) - 1;
                        long down = count_attribute(tc, "number-rows-spanned") - 1;
                        for (std::size_t k = 0; k < row.cells.back().span; ++k) {
                            if (rows_left.size() <= column + k)
                                rows_left.resize(column + k + 1, 0);
                            rows_left[column + k] = down + 1;
                        }
                    }
                    if (rows_left[column] > 0)
                        --rows_left[column];
                    ++column;
                }
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    Cell cell(const xmlNode *tc) {
        Cell c;
        c.span = static_cast<std::size_t>(count_attribute(tc, "number-columns-spanned"));
        blocks(tc, Sink{nullptr, &c.paragraphs});
        return c;
    }
};

template <typename Reader>
Result<Document> read_office(std::string_view bytes, const std::string &file,
                             const ReadLimits &limits, const char *kind, const char *entry,
                             const char *format, const char *body_path) {
    auto xml = read_zip_entry(bytes, entry, file, kind, limits);
    if (!xml)
        return xml.error();
    auto tree = parse_xml(xml.value(), file, entry);
    if (!tree)
        return tree.error();
    const xmlNode *body = xmlDocGetRootElement(tree->get());
    for (std::string_view path = body_path; body && !path.empty();) {
        std::size_t slash = path.find('/');
        std::string step(path.substr(0, slash));
        body = child(body, step.c_str());
        path = slash == std::string_view::npos ? "" : path.substr(slash + 1);
    }
    if (!body)
        return Error(std::string("damaged ") + kind + ": its body is missing", file);
    Document doc;
    doc.format = format;
    doc.paragraph_lines = true;
    Reader().blocks(body, Sink{&doc.blocks, nullptr});
    number_lines(doc);
    return doc;
}

} // namespace

Result<Document> read_docx(std::string_view bytes, const std::string &file,
                           const ReadLimits &limits) {
    return read_office<DocxReader>(bytes, file, limits, "DOCX", "word/document.xml", "docx",
                                   "body");
}

Result<Document> read_odt(std::string_view bytes, const std::string &file,
                          const ReadLimits &limits) {
    return read_office<OdtReader>(bytes, file, limits, "ODT", "content.xml", "odt", "body/text");
}

} // namespace inspex
