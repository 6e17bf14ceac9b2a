// The PDF backend over poppler-cpp (pdf_backend.hpp): built as the module
// inspex-pdf, or into the library with INSPEX_STATIC_BACKENDS.
#include "pdf_backend.hpp"

#include <memory>
#include <mutex>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

namespace inspex::backend {
namespace {

void quiet(const std::string &, void *) {}

// Poppler's message handler is global: set once, not raced by a batch's threads.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(quiet, nullptr); });
}

poppler::document *as_pdf(void *document) {
    return static_cast<poppler::document *>(document);
}

void *open(std::string_view bytes) {
    silence_poppler();
    return poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()));
}

void close(void *document) {
    delete as_pdf(document);
}

bool locked(void *document) {
    return as_pdf(document)->is_locked();
}

int pages(void *document) {
    return as_pdf(document)->pages();
}

// The height of the page as its text is laid out: poppler gives the words of a
// page turned a quarter (/Rotate 90 or 270) upright, so its width is their height.
double upright_height(const poppler::page &page) {
    poppler::rectf r = page.page_rect();
    auto o = page.orientation();
    return o == poppler::page::landscape || o == poppler::page::seascape ? r.width() : r.height();
}

bool page(void *document, int index, PdfPage *out) {
    std::unique_ptr<poppler::page> p(as_pdf(document)->create_page(index));
    if (!p)
        return false;
    out->height = upright_height(*p);
    for (const poppler::text_box &t : p->text_list()) {
        poppler::byte_array utf8 = t.text().to_utf8();
        poppler::rectf r = t.bbox();
        out->boxes.push_back({std::string(utf8.begin(), utf8.end()), r.left(), r.right(), r.top(),
                              r.bottom(), t.has_space_after()});
    }
    return true;
}

constexpr PdfBackend kPoppler{open, close, locked, pages, page};

} // namespace
} // namespace inspex::backend

extern "C" __attribute__((visibility("default"))) const inspex::backend::PdfBackend *
inspex_pdf_backend_v1() {
    return &inspex::backend::kPoppler;
}
