#include "inspex/read/xml.hpp"

#include <cctype>
#include <cstring>
#include <libxml/parser.h>

namespace inspex {

XmlErrorCatcher::XmlErrorCatcher()
    : previous_context_(xmlStructuredErrorContext), previous_(xmlStructuredError) {
    xmlSetStructuredErrorFunc(this, &XmlErrorCatcher::on_error);
}

XmlErrorCatcher::~XmlErrorCatcher() {
    xmlSetStructuredErrorFunc(previous_context_, previous_);
}

void XmlErrorCatcher::on_error(void *self, xmlErrorPtr error) {
    if (error && (error->domain == XML_FROM_I18N || error->code == XML_I18N_CONV_FAILED ||
                  error->code == XML_ERR_INVALID_ENCODING || error->code == XML_IO_ENCODER))
        ++static_cast<XmlErrorCatcher *>(self)->encoding_errors_;
}

Result<XmlTree> parse_xml(std::string_view xml, const std::string &file, const std::string &entry) {
    XmlErrorCatcher quiet;
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> context(xmlNewParserCtxt(),
                                                                         xmlFreeParserCtxt);
    if (!context)
        return Error("out of memory reading " + entry, file);
    // No XML_PARSE_NOENT, DTDLOAD or HUGE: entities stay unexpanded, nothing is fetched.
    xmlDocPtr doc =
        xmlCtxtReadMemory(context.get(), xml.data(), static_cast<int>(xml.size()), entry.c_str(),
                          nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !xmlDocGetRootElement(doc)) {
        const xmlError *why = xmlCtxtGetLastError(context.get());
        if (doc)
            xmlFreeDoc(doc);
        std::string message = why && why->message ? why->message : "";
        while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back())))
            message.pop_back();
        return Error("malformed XML in " + entry + (message.empty() ? "" : ": " + message), file);
    }
    return XmlTree(doc, xmlFreeDoc);
}

bool named(const xmlNode *node, const char *name) {
    return node && node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char *>(node->name), name) == 0;
}

xmlNode *child(const xmlNode *node, const char *name) {
    for (xmlNode *c = node ? node->children : nullptr; c; c = c->next)
        if (named(c, name))
            return c;
    return nullptr;
}

std::string attribute(const xmlNode *node, const char *name) {
    for (xmlAttr *a = node ? node->properties : nullptr; a; a = a->next)
        if (std::strcmp(reinterpret_cast<const char *>(a->name), name) == 0 && a->children &&
            a->children->content) {
            std::string value(reinterpret_cast<const char *>(a->children->content));
            return value;
        }
    return {};
}

} // namespace inspex
