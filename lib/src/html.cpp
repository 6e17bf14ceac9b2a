#include "inspex/html.hpp"

#include "inspex/lines.hpp"

#include <algorithm>
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

// A list item that does not end a sentence is given a full stop, before any
// spaces and block breaks it ends with.
void end_item(std::string &out, std::size_t before) {
    if (out.size() <= before || ends_sentence(out))
        return;
    std::size_t end = out.find_last_not_of(" \x1E") + 1;
    std::string tail = out.substr(end);
    out.resize(end);
    out += '.';
    out += tail;
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
            if (std::strcmp(reinterpret_cast<const char *>(node->name), "li") == 0)
                end_item(out, before);
            if (block)
                out += kBlockBreak;
        }
    }
}

// The elements a simple fragment may hold, and what each may hold in turn:
// only what HTML allows there, so that the parser closes nothing on its own.
enum class Holds { text, items, nothing };

struct SimpleTag {
    std::string_view name;
    bool block;
    Holds holds;
    bool top_only; // only outside any other element (p, ul, ol)
};

constexpr SimpleTag kSimpleTags[] = {
    {"p", true, Holds::text, true},        {"ul", true, Holds::items, true},
    {"ol", true, Holds::items, true},      {"li", true, Holds::text, false},
    {"br", true, Holds::nothing, false},   {"b", false, Holds::text, false},
    {"i", false, Holds::text, false},      {"em", false, Holds::text, false},
    {"strong", false, Holds::text, false}, {"u", false, Holds::text, false},
};

const SimpleTag *simple_tag(std::string_view name) {
    for (const SimpleTag &t : kSimpleTags)
        if (t.name == name)
            return &t;
    return nullptr;
}

// Whether `child` may open inside `parent` (nullptr: the fragment's top).
bool may_hold(const SimpleTag *parent, const SimpleTag &child) {
    if (!parent)
        return child.name != "li";
    if (parent->holds == Holds::items)
        return child.name == "li";
    return parent->holds == Holds::text && !child.top_only;
}

} // namespace

std::optional<std::string> simple_fragment_to_text(std::string_view fragment) {
    struct Open {
        const SimpleTag *tag;
        std::size_t before; // the text's length when it opened
    };
    std::vector<Open> open;
    std::string out;
    for (std::size_t i = 0; i < fragment.size();) {
        const SimpleTag *parent = open.empty() ? nullptr : open.back().tag;
        if (fragment[i] != '<') {
            std::size_t lt = std::min(fragment.find('<', i), fragment.size());
            std::string_view text = fragment.substr(i, lt - i);
            bool plain = std::none_of(text.begin(), text.end(), [](char c) {
                return c == '&' || c == '>' || static_cast<unsigned char>(c) < 0x20;
            });
            if (!plain || (parent && parent->holds != Holds::text))
                return std::nullopt; // entities, stray brackets, text in a list
            out.append(text);
            i = lt;
            continue;
        }
        std::size_t gt = fragment.find('>', i);
        if (gt == std::string_view::npos)
            return std::nullopt;
        std::string_view name = fragment.substr(i + 1, gt - i - 1);
        i = gt + 1;
        bool closing = name.starts_with('/');
        if (closing) {
            name.remove_prefix(1);
            if (!parent || parent->name != name)
                return std::nullopt; // closed out of order, or never opened
            if (name == "li")
                end_item(out, open.back().before);
            if (parent->block)
                out += kBlockBreak;
            open.pop_back();
            continue;
        }
        if (name == "br/" || name == "br /")
            name = "br";
        const SimpleTag *tag = simple_tag(name);
        if (!tag || !may_hold(parent, *tag))
            return std::nullopt; // attributes, other elements, other nesting
        if (tag->block)
            out += kBlockBreak;
        if (tag->holds == Holds::nothing)
            out += kBlockBreak;
        else
            open.push_back({tag, out.size()});
    }
    if (!open.empty())
        return std::nullopt; // left open: the parser closes it
    return out;
}

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
    if (auto simple = simple_fragment_to_text(fragment))
        return *simple;
    return parse_fragment_to_text(fragment);
}

std::string parse_fragment_to_text(std::string_view fragment) {
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
