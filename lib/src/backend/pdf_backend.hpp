// Internal: what the PDF reader asks of poppler, in plain std types, so that
// poppler can live in a module loaded on first use (module.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inspex::backend {

// A run of text poppler placed on a page, in points from its top left.
struct PdfBox {
    std::string text;
    double x0, x1, y0, y1;
    bool space_after;
    [[nodiscard]] double middle() const { return (y0 + y1) / 2; }
    [[nodiscard]] double height() const { return y1 - y0; }
};

struct PdfPage {
    std::vector<PdfBox> boxes;
    double height = 0; // as its text is laid out: a page turned a quarter gives its width
};

// A document is an opaque handle, closed by close. Any call may throw on a
// hostile file (out of memory): the reader turns that into an error value.
struct PdfBackend {
    void *(*open)(std::string_view bytes); // nullptr: cannot be opened
    void (*close)(void *document);
    bool (*locked)(void *document);
    int (*pages)(void *document);
    bool (*page)(void *document, int index, PdfPage *out); // false: no such page
};

} // namespace inspex::backend

// The module's one exported symbol; the version in its name changes with PdfBackend.
extern "C" const inspex::backend::PdfBackend *inspex_pdf_backend_v1();
