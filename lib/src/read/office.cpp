#include "inspex/read/office.hpp"

namespace inspex {

Result<Document> read_docx(std::string_view, const std::string &file, const ReadLimits &) {
    return Error("DOCX reading is not built yet", file);
}

Result<Document> read_odt(std::string_view, const std::string &file, const ReadLimits &) {
    return Error("ODT reading is not built yet", file);
}

} // namespace inspex
