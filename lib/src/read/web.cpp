#include "inspex/read/web.hpp"

namespace inspex {

Result<Document> read_html(std::string_view, const std::string &file, const ReadLimits &) {
    return Error("HTML reading is not built yet", file);
}

} // namespace inspex
