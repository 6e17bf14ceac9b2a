// What the readers of XML-based formats share: a parsed tree from libxml2 with
// no network, no entity expansion and no printing, and walking by local names.
//
//   auto tree = parse_xml(xml, "plan.docx", "word/document.xml");
//   for (xmlNode *n = first_child(root); n; n = next_element(n)) if (named(n, "p")) ...
#pragma once

#include "inspex/error.hpp"

#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <memory>
#include <string>
#include <string_view>

namespace inspex {

using XmlTree = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// While alive, libxml2's errors on this thread come here instead of stderr:
// some (bytes invalid in a page's declared encoding) ignore the parsers'
// NOERROR option. Counts those about the encoding, for a warning.
class XmlErrorCatcher {
  public:
    XmlErrorCatcher();
    ~XmlErrorCatcher();
    XmlErrorCatcher(const XmlErrorCatcher &) = delete;
    XmlErrorCatcher &operator=(const XmlErrorCatcher &) = delete;
    [[nodiscard]] std::size_t encoding_errors() const { return encoding_errors_; }

  private:
    static void on_error(void *self, xmlErrorPtr error);
    std::size_t encoding_errors_ = 0;
    void *previous_context_ = nullptr;
    xmlStructuredErrorFunc previous_ = nullptr;
};

// Parses `xml` (the `entry` of `file`): entities are not expanded nor fetched.
Result<XmlTree> parse_xml(std::string_view xml, const std::string &file, const std::string &entry);

// Whether the element's local name (without prefix) is `name`.
[[nodiscard]] bool named(const xmlNode *node, const char *name);
// The first child element named `name`, or null.
[[nodiscard]] xmlNode *child(const xmlNode *node, const char *name);
// An attribute's value by its local name, or empty.
[[nodiscard]] std::string attribute(const xmlNode *node, const char *name);

} // namespace inspex
