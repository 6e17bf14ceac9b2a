#include "inspex/html.hpp"

#include "inspex/lines.hpp"

#include <cctype>
#include <cstring>
#include <libxml/HTMLparser.h>

namespace inspex {
namespace {

bool is_block(const xmlChar *name) {
    static const char *const blocks[] = {"p",  "div", "li", "ul", "ol",         "br",
                                         "tr", "td",  "h1", "h2", "blockquote", "table"};
    for (const char *b : blocks)
        if (std::strcmp(reinterpret_cast<const char *>(name), b) == 0)
            return true;
    return false;
}

bool ends_sentence(const std::string &s) {
    std::size_t end = s.find_last_not_of(" \x1E");
    return end == std::string::npos || std::strchr(".!?;:", s[end]) != nullptr;
}

void collect(xmlNode *node, std::string &out) {
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            out += reinterpret_cast<const char *>(node->content);
        } else if (node->type == XML_ELEMENT_NODE) {
            bool block = is_block(node->name);
            if (block)
                out += kBlockBreak;
            std::size_t before = out.size();
            collect(node->children, out);
            bool item = std::strcmp(reinterpret_cast<const char *>(node->name), "li") == 0;
            if (item && out.size() > before && !ends_sentence(out)) {
                std::size_t end = out.find_last_not_of(" \x1E") + 1;
                std::string tail = out.substr(end);
                out.resize(end);
                out += '.';
                out += tail;
            }
            if (block)
                out += kBlockBreak;
        }
    }
}

} // namespace

bool looks_like_html(std::string_view text) {
    for (std::size_t lt = text.find('<'); lt != std::string_view::npos;
         lt = text.find('<', lt + 1)) {
        std::size_t i = lt + 1;
        if (i < text.size() && text[i] == '/')
            ++i;
        if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) &&
            text.find('>', i) != std::string_view::npos)
            return true;
    }
    return false;
}

std::string html_fragment_to_text(std::string_view fragment) {
    std::string doc = "<html><body>";
    doc.append(fragment);
    doc += "</body></html>";
    // HUGE: past 256 levels of nesting the parser would otherwise drop the rest
    // of the cell (lists nested 200 deep); a fragment is one line of the input.
    htmlDocPtr parsed =
        htmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | XML_PARSE_HUGE);
    if (!parsed)
        return std::string(fragment);
    std::string out;
    collect(xmlDocGetRootElement(parsed), out);
    xmlFreeDoc(parsed);
    return out;
}

} // namespace inspex
