#include "inspex/read/text.hpp"

#include "inspex/decode.hpp"
#include "inspex/layout/grid_tables.hpp"
#include "inspex/model/text_view.hpp"

namespace inspex {

Result<Document> read_text(std::string_view bytes, const std::string &file) {
    auto decoded = decode(bytes, file);
    if (!decoded)
        return decoded.error();
    std::vector<Line> lines = split_lines(decoded->text);
    std::string().swap(decoded->text); // the lines hold it now
    Document document = text_document(std::move(lines));
    recover_grid_tables(document);
    if (!decoded->replaced.empty())
        document.warnings.push_back(replaced_bytes_warning(decoded.value(), bytes));
    return document;
}

} // namespace inspex
