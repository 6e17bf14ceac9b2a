#include "inspex/read/pdf.hpp"

namespace inspex {

Result<Document> read_pdf(std::string_view, const std::string &file, const ReadLimits &) {
    return Error("PDF reading is not built yet", file);
}

} // namespace inspex
