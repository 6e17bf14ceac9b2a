// Fuzz target for one reader (chosen at build time: -DINSPEX_FUZZ_READER=read_docx,
// read_odt, read_html or read_pdf): any bytes give a document or an error value,
// never a crash or a hang, and the document's text view can be made.
#include "inspex/model/text_view.hpp"
#include "inspex/read/office.hpp"
#include "inspex/read/pdf.hpp"
#include "inspex/read/web.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    inspex::ReadLimits limits;
    limits.max_uncompressed_bytes = std::size_t{64} << 20; // keep a fuzzing run's memory small
    limits.max_pages = 50;
    auto document = inspex::INSPEX_FUZZ_READER(bytes, "fuzz", limits);
    if (document)
        (void)inspex::text_view(document.value());
    return 0;
}
