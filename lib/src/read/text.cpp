#include "inspex/read/text.hpp"

#include "inspex/decode.hpp"
#include "inspex/model/text_view.hpp"

namespace inspex {

Result<Document> read_text(std::string_view bytes, const std::string &file) {
    auto decoded = decode(bytes, file);
    if (!decoded)
        return decoded.error();
    return text_document(decoded->text);
}

} // namespace inspex
