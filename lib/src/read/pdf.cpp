#include "inspex/read/pdf.hpp"

#include "../backend/pdf_backend.hpp"
#include "inspex/model/text_view.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <exception>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <string_view>

#ifndef INSPEX_STATIC_BACKENDS
#include "../backend/module.hpp"
#endif

namespace inspex {
namespace {

constexpr double kBand = 0.10;        // top and bottom share of a page where furniture sits
constexpr double kGapLines = 1.4;     // a pitch this many line spacings apart leaves a blank line
constexpr double kOneParagraph = 1.2; // lines of a paragraph: a pitch under this many box heights
constexpr double kPitchPerBox =
    0.9;                          // single spacing, in box heights (a box spans ascent to descent)
constexpr double kJoinGap = 0.15; // boxes closer than this share of their height are one word
constexpr double kSameRow = 0.5;  // a box whose middle is this near a line's is on it
constexpr double kGroupGap = 1.0; // a gap of a line's height parts groups of words

using Box = backend::PdfBox;

struct PageLine {
    std::vector<Box> boxes;
    double y0 = 0, y1 = 0;
    [[nodiscard]] double middle() const { return (y0 + y1) / 2; }
    [[nodiscard]] double height() const { return y1 - y0; }
};

// Boxes grouped into lines by their vertical middles, each line read left to right.
std::vector<PageLine> lines_of(std::vector<Box> boxes) {
    std::sort(boxes.begin(), boxes.end(),
              [](const Box &a, const Box &b) { return a.middle() < b.middle(); });
    std::vector<PageLine> lines;
    for (Box &b : boxes) {
        // Measured from the line's first box, so that a line never grows into the next.
        const Box *first = lines.empty() ? nullptr : &lines.back().boxes.front();
        if (!first || b.middle() - first->middle() > kSameRow * first->height())
            lines.push_back({{}, b.y0, b.y1});
        PageLine &line = lines.back();
        line.y0 = std::min(line.y0, b.y0);
        line.y1 = std::max(line.y1, b.y1);
        line.boxes.push_back(std::move(b));
    }
    for (PageLine &line : lines)
        std::sort(line.boxes.begin(), line.boxes.end(),
                  [](const Box &a, const Box &b) { return a.x0 < b.x0; });
    return lines;
}

// A line's words: boxes poppler split without a space between them are one word.
std::vector<Word> words_of(const PageLine &line) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < line.boxes.size(); ++i) {
        const Box &b = line.boxes[i];
        bool joins = i > 0 && !line.boxes[i - 1].space_after &&
                     b.x0 - line.boxes[i - 1].x1 < kJoinGap * b.height();
        if (joins) {
            words.back().text += b.text;
            words.back().x1 = b.x1;
        } else {
            words.push_back({b.text, b.x0, b.x1});
        }
    }
    return words;
}

std::string text_of(const std::vector<Word> &words) {
    std::string text;
    for (const Word &w : words)
        text += (text.empty() ? "" : " ") + w.text;
    return text;
}

struct PageText {
    std::vector<PageLine> lines;
    double height = 0;
};

// A running header or footer: its text, digits aside, where it sits.
std::string furniture_key(const std::string &text) {
    std::string key;
    for (char c : text)
        key += std::isdigit(static_cast<unsigned char>(c)) ? '#' : c;
    return key;
}

// Near the top or bottom edge, and not a row of a table (a table's header row
// repeated on every page): its words stand in fewer than three groups.
bool in_band(const PageLine &line, double page_height) {
    if (line.y1 >= kBand * page_height && line.y0 <= (1 - kBand) * page_height)
        return false;
    std::vector<Word> words = words_of(line);
    std::size_t groups = words.empty() ? 0 : 1;
    for (std::size_t i = 1; i < words.size(); ++i)
        groups += words[i].x0 - words[i - 1].x1 > kGroupGap * line.height();
    return groups < 3;
}

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool space_char(char c) {
    return std::isspace(static_cast<unsigned char>(c));
}
bool digit_char(char c) {
    return std::isdigit(static_cast<unsigned char>(c));
}

// Moves `at` past the characters `fits` takes; how many there were.
template <typename Fits> std::size_t skip(std::string_view text, std::size_t &at, Fits fits) {
    std::size_t from = at;
    while (at < text.size() && fits(text[at]))
        ++at;
    return at - from;
}

// A folio: "12", "- 12 -", "Page 3", "3 of 14", "3/14", only punctuation
// around it. Scanned in one pass, not matched by a backtracking regex: the
// line may be any length (std::regex recursed once per character, and a line
// of 200,000 dashes overflowed the stack).
bool page_number(std::string_view text) {
    std::size_t at = 0;
    skip(text, at, [](char c) { return !word_char(c); });
    if (text.substr(at, 4) == "Page" || text.substr(at, 4) == "page") {
        at += 4;
        skip(text, at, space_char);
    }
    std::size_t digits = skip(text, at, digit_char);
    if (digits == 0 || digits > 4)
        return false;
    std::size_t after_number = at;
    skip(text, at, space_char);
    std::size_t mark = text.substr(at, 2) == "of" ? 2 : text.substr(at, 1) == "/" ? 1 : 0;
    at += mark;
    skip(text, at, space_char);
    std::size_t total = mark != 0 ? skip(text, at, digit_char) : 0;
    if (total == 0 || total > 4)
        at = after_number;
    skip(text, at, [](char c) { return !word_char(c); });
    return at == text.size();
}

// Lines near the top or bottom whose text (digits aside) recurs on at least
// half the pages, and page numbers there: running headers, footers, folios.
std::vector<std::vector<bool>> furniture(const std::vector<PageText> &pages) {
    std::map<std::string, std::size_t> seen;
    for (const PageText &p : pages) {
        std::map<std::string, bool> on_page;
        for (const PageLine &l : p.lines)
            if (in_band(l, p.height))
                on_page[furniture_key(text_of(words_of(l)))] = true;
        for (const auto &[key, _] : on_page)
            ++seen[key];
    }
    std::size_t enough = std::max<std::size_t>(2, (pages.size() + 1) / 2);
    std::vector<std::vector<bool>> out;
    for (const PageText &p : pages) {
        out.emplace_back();
        for (const PageLine &l : p.lines) {
            std::string text = text_of(words_of(l));
            out.back().push_back(in_band(l, p.height) &&
                                 (seen[furniture_key(text)] >= enough || page_number(text)));
        }
    }
    return out;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// The page's line spacing: the median pitch between consecutive lines of one
// paragraph (closer than kOneParagraph box heights; a box is taller than the
// spacing), or on a page without such lines what the box height gives.
double line_spacing(const std::vector<PageLine> &lines, const std::vector<bool> &skip) {
    std::vector<double> heights, pitches;
    const PageLine *previous = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (skip[i])
            continue;
        heights.push_back(lines[i].height());
        if (previous)
            pitches.push_back(lines[i].middle() - previous->middle());
        previous = &lines[i];
    }
    double box = median(std::move(heights));
    std::erase_if(pitches, [box](double p) { return p <= 0 || p > kOneParagraph * box; });
    return pitches.empty() ? kPitchPerBox * box : median(std::move(pitches));
}

void add_page(Document &doc, const PageText &page, const std::vector<bool> &skip,
              std::size_t number) {
    double spacing = line_spacing(page.lines, skip);
    const PageLine *previous = nullptr;
    bool first = true;
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
        if (skip[i])
            continue;
        const PageLine &line = page.lines[i];
        if (previous && line.middle() - previous->middle() > kGapLines * spacing)
            doc.blocks.push_back(Block::paragraph("", number));
        Block b = Block::paragraph({}, number);
        b.words = words_of(line);
        b.text = text_of(b.words);
        b.page_start = first && number > 1;
        doc.blocks.push_back(std::move(b));
        previous = &line;
        first = false;
    }
    if (first && number > 1) { // a page with nothing on it still begins a page
        doc.blocks.push_back(Block::paragraph("", number));
        doc.blocks.back().page_start = true;
    }
}

// Poppler in its module, or linked in (INSPEX_STATIC_BACKENDS).
Result<const backend::PdfBackend *> poppler() {
#ifdef INSPEX_STATIC_BACKENDS
    return inspex_pdf_backend_v1();
#else
    return detail::backend<backend::PdfBackend>("inspex-pdf", "inspex_pdf_backend_v1",
                                                "cannot read PDF");
#endif
}

// A page's lines: its boxes with text and height; none when it cannot be made.
std::vector<PageLine> page_lines(backend::PdfPage &page) {
    std::erase_if(page.boxes, [](const Box &b) { return b.text.empty() || b.height() <= 0; });
    return lines_of(std::move(page.boxes));
}

Result<Document> read_opened(const backend::PdfBackend &pdf, void *opened, const std::string &file,
                             const ReadLimits &limits) {
    if (pdf.locked(opened))
        return Error("password-protected PDF: remove the password and try again", file);
    auto count = static_cast<std::size_t>(std::max(0, pdf.pages(opened)));
    if (count > limits.max_pages)
        return Error(
            fmt::format("PDF of {} pages: more than the limit of {}", count, limits.max_pages),
            file);
    std::vector<PageText> pages;
    bool any_text = false;
    for (std::size_t i = 0; i < count; ++i) {
        backend::PdfPage page;
        bool made = pdf.page(opened, static_cast<int>(i), &page);
        PageText p{made ? page_lines(page) : std::vector<PageLine>{}, made ? page.height : 0};
        any_text = any_text || !p.lines.empty();
        pages.push_back(std::move(p));
    }
    if (!any_text)
        return Error("scanned: no text to read; run OCR first", file);
    Document doc;
    doc.format = "pdf";
    doc.pages = count;
    std::vector<std::vector<bool>> skip = furniture(pages);
    for (std::size_t i = 0; i < pages.size(); ++i)
        add_page(doc, pages[i], skip[i], i + 1);
    number_lines(doc);
    return doc;
}

} // namespace

Result<Document> read_pdf(std::string_view bytes, const std::string &file,
                          const ReadLimits &limits) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return Error(fmt::format("PDF of {} bytes: more than poppler can read", bytes.size()),
                     file);
    auto pdf = poppler();
    if (!pdf)
        return Error(pdf.error().message, file);
    const backend::PdfBackend &b = *pdf.value();
    try { // poppler may throw (out of memory on a hostile file): an error value, never an exception
        std::unique_ptr<void, void (*)(void *)> opened(b.open(bytes), b.close);
        if (!opened)
            return Error("damaged PDF: cannot be opened", file);
        return read_opened(b, opened.get(), file, limits);
    } catch (const std::exception &e) {
        return Error(fmt::format("damaged PDF: cannot be read ({})", e.what()), file);
    } catch (...) {
        return Error("damaged PDF: cannot be read", file);
    }
}

} // namespace inspex
