#include "inspex/layout/cell_lines.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/normalize.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace inspex {
namespace {

constexpr double kFit = 2.0;          // a line whose content fits its column's declared shape
constexpr double kDrop = -3.0;        // a line given to no column
constexpr double kDropHeading = -1.0; // ... that reads as a heading
constexpr double kMisfit = -1.0;      // a date, status... given to a free-text column
constexpr double kNever = -std::numeric_limits<double>::infinity();
constexpr std::size_t kMaxBlankRun = 2; // blank lines allowed between header labels

bool is_line(const Block &b) {
    return !b.is_table() && b.text.find('\n') == std::string::npos;
}

std::string flat(const Block &b) {
    return collapse_spaces(clean_spaces(b.text));
}

class Recovery {
  public:
    Recovery(Document &doc, const TableSpec &spec) : doc_(doc), spec_(spec) {}

    std::size_t run() {
        std::size_t headers = 0;
        for (std::size_t i = 0; i < doc_.blocks.size();) {
            std::optional<std::size_t> after = header_at(i);
            if (!after) {
                ++i;
                continue;
            }
            ++headers;
            i = read_rows(*after);
        }
        if (headers)
            number_lines(doc_);
        return headers;
    }

  private:
    // The column a line names by its header pattern, not yet named.
    int named_column(const std::string &text, const std::vector<int> &order) const {
        for (std::size_t j = 0; j < spec_.columns.size(); ++j) {
            bool used = std::find(order.begin(), order.end(), static_cast<int>(j)) != order.end();
            if (!used && spec_.columns[j].header && spec_.columns[j].header->matches(text))
                return static_cast<int>(j);
        }
        return -1;
    }

    // When a header written one label a line begins at block i: turns it into
    // the header row and returns the index after it.
    std::optional<std::size_t> header_at(std::size_t i) {
        std::vector<int> order;
        std::vector<std::size_t> label_blocks;
        std::size_t j = i, blanks = 0;
        for (; j < doc_.blocks.size() && is_line(doc_.blocks[j]); ++j) {
            std::string text = flat(doc_.blocks[j]);
            if (text.empty() && !order.empty() && ++blanks <= kMaxBlankRun)
                continue;
            int column = text.empty() ? -1 : named_column(text, order);
            if (column < 0)
                break;
            blanks = 0;
            order.push_back(column);
            label_blocks.push_back(j);
        }
        if (order.size() < spec_.header_min || order.size() < 2)
            return std::nullopt;
        order_ = order;
        Row header;
        for (std::size_t b : label_blocks)
            header.cells.push_back(Cell{{doc_.blocks[b].text}, 1, false});
        std::size_t page = doc_.blocks[i].page;
        bool page_start = doc_.blocks[i].page_start;
        for (std::size_t b = i; b < label_blocks.back() + 1; ++b)
            doc_.blocks[b] = Block::paragraph("", doc_.blocks[b].page);
        doc_.blocks[i] = Block::table({std::move(header)}, page);
        doc_.blocks[i].page_start = page_start;
        return label_blocks.back() + 1;
    }

    bool fits(const std::string &text, std::size_t position) const {
        const ColumnSpec &c = spec_.columns[static_cast<std::size_t>(order_[position])];
        return !c.fits || c.fits->matches(text);
    }

    std::optional<std::size_t> position_of(std::size_t column) const {
        for (std::size_t p = 0; p < order_.size(); ++p)
            if (order_[p] == static_cast<int>(column))
                return p;
        return std::nullopt;
    }

    bool starts_row(const std::string &text) const {
        auto key = position_of(spec_.key_column);
        return key && spec_.columns[spec_.key_column].fits && fits(text, *key);
    }

    // Reads the lines after a header up to the table's end; returns where it stopped.
    std::size_t read_rows(std::size_t i) {
        std::vector<std::size_t> row; // the blocks of the current row's lines
        for (; i < doc_.blocks.size(); ++i) {
            const Block &b = doc_.blocks[i];
            if (!is_line(b) || ends_here(i) || header_ahead(i))
                break;
            std::string text = flat(b);
            if (text.empty())
                continue;
            if (starts_row(text)) {
                place_row(row);
                row.clear();
            }
            row.push_back(i);
        }
        place_row(row);
        return i;
    }

    bool ends_here(std::size_t i) const {
        auto text = [&](std::size_t k) -> std::string_view {
            return doc_.blocks[k].is_table() ? std::string_view() : doc_.blocks[k].text;
        };
        return ends_table(spec_, text, i, doc_.blocks.size());
    }

    // A header repeated further down (a new page's) ends the rows before it.
    bool header_ahead(std::size_t i) const {
        std::vector<int> order;
        for (std::size_t j = i; j < doc_.blocks.size() && is_line(doc_.blocks[j]); ++j) {
            std::string text = flat(doc_.blocks[j]);
            if (text.empty())
                continue;
            int column = named_column(text, order);
            if (column < 0)
                break;
            order.push_back(column);
        }
        return order.size() >= std::max<std::size_t>(spec_.header_min, 2);
    }

    // Gives a row's lines to columns in order, the best-scoring way (a line
    // fitting its column scores, a line left out costs), never going back.
    void place_row(std::vector<std::size_t> blocks) {
        // Headings before the table's first row belong to no row.
        while (!blocks.empty() && !starts_row(flat(doc_.blocks[blocks.front()])) &&
               is_heading(flat(doc_.blocks[blocks.front()]))) {
            if (auto h = position_of(spec_.heading.column))
                set_cell(blocks.front(), *h);
            blocks.erase(blocks.begin());
        }
        const std::size_t n = blocks.size(), m = order_.size();
        if (n == 0)
            return;
        std::vector<std::string> texts;
        std::vector<bool> shaped_text; // fits a column with a declared shape
        for (std::size_t b : blocks) {
            texts.push_back(flat(doc_.blocks[b]));
            shaped_text.push_back(fits_shaped(texts.back()));
        }
        // best[i][p]: best score for lines i.. with the first of them at column p or later.
        std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
        std::vector<std::vector<int>> choice(n + 1, std::vector<int>(m + 1, -1));
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t p = m + 1; p-- > 0;) {
                double top = (is_heading(texts[i]) ? kDropHeading : kDrop) + best[i + 1][p];
                int pick = -1;
                for (std::size_t q = p; q < m; ++q) {
                    if (!fits(texts[i], q))
                        continue;
                    bool shaped =
                        spec_.columns[static_cast<std::size_t>(order_[q])].fits != nullptr;
                    double here = shaped ? kFit : shaped_text[i] ? kMisfit : 0.0;
                    double s = here + best[i + 1][q];
                    // Of two shaped columns a line fits equally, the later: an
                    // owner-like "Completed" after the owners is a date.
                    if (s > top || (s == top && shaped && pick >= 0)) {
                        top = s;
                        pick = static_cast<int>(q);
                    }
                }
                best[i][p] = top;
                choice[i][p] = pick;
            }
        std::size_t p = 0;
        for (std::size_t i = 0; i < n; ++i) {
            int q = choice[i][p];
            if (q >= 0) {
                set_cell(blocks[i], static_cast<std::size_t>(q));
                p = static_cast<std::size_t>(q);
            } else if (is_heading(texts[i])) {
                if (auto h = position_of(spec_.heading.column))
                    set_cell(blocks[i], *h);
            }
        }
    }

    bool fits_shaped(const std::string &text) const {
        for (const ColumnSpec &c : spec_.columns)
            if (c.fits && c.fits->matches(text))
                return true;
        return false;
    }

    bool is_heading(const std::string &text) const {
        return spec_.has_heading && spec_.heading.pattern->matches(text);
    }

    void set_cell(std::size_t block, std::size_t position) {
        Block &b = doc_.blocks[block];
        Row row;
        row.cells.resize(order_.size());
        row.cells[position].paragraphs.push_back(b.text);
        Block table = Block::table({std::move(row)}, b.page);
        table.page_start = b.page_start;
        b = std::move(table);
    }

    Document &doc_;
    const TableSpec &spec_;
    std::vector<int> order_; // the grammar column at each of the header's positions
};

} // namespace

std::size_t recover_cell_lines(Document &doc, const TableSpec &spec) {
    if (spec.header_min == 0)
        return 0;
    return Recovery(doc, spec).run();
}

} // namespace inspex
