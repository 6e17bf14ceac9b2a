#include "inspex/layout/cell_lines.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/normalize.hpp"
#include "labels.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

namespace inspex {
namespace {

using layout::width;

using layout::join_words;
using layout::LabelCutter;
using layout::split_words;

constexpr double kFit = 2.0;                // a line whose content fits its column's declared shape
constexpr double kDrop = -3.0;              // a line given to no column
constexpr double kDropHeading = -1.0;       // ... that reads as a heading
constexpr double kMisfit = -1.0;            // a date, status... given to a free-text column
constexpr std::size_t kMaxBlankRun = 2;     // blank lines allowed between header labels
constexpr std::size_t kMaxBand = 16;        // lines a header may wrap over when labels share lines
constexpr std::size_t kMaxGlued = 6;        // words of a short cell glued before the next one
constexpr double kMidSentence = -0.5;       // a cell ending inside a sentence
constexpr double kEmptyCells = 1.0;         // a line where the empty cells before it put it
constexpr double kSubRow = -0.5;            // free text going back to begin a sub-row
constexpr std::size_t kMinWrapped = 3;      // lines that tell a column's wrap width
constexpr std::size_t kWidthSlack = 1;      // characters a wrapped line may exceed it by
constexpr std::size_t kMaxHeadingLines = 3; // heading lines between two rows
constexpr std::size_t kMinRowLineWords = 6; // words of a line holding a row's cells side by side
constexpr std::size_t kMinRowLineCells = 3; // shaped cells such a line holds

// A cell's text ends here: a sentence's end, or a bracketed reference after
// it ("... should have a care plan. (2.50)", or "(2.50)" on a line of its
// own); not a bracket closing inside a sentence ("... in Custody (OMiC)").
bool ends_text(std::string_view text) {
    if (layout::ends_sentence(text))
        return true;
    if (text.empty() || text.back() != ')')
        return false;
    std::size_t open = text.rfind('(');
    if (open == std::string_view::npos) // opened on a line above: "(To" / "the governor)"
        return true;
    std::string_view before = text.substr(0, open);
    while (!before.empty() && (before.back() == ' ' || before.back() == ')'))
        before.remove_suffix(1); // "... (Repeated recommendation S39.) (To the governor)"
    return before.empty() || layout::ends_sentence(before);
}

bool is_line(const Block &b) {
    return !b.is_table() && b.text.find('\n') == std::string::npos;
}

std::string flat(const Block &b) {
    return collapse_spaces(clean_spaces(b.text));
}

class Recovery {
  public:
    Recovery(Document &doc, const TableSpec &spec) : doc_(doc), spec_(spec), label_names_(spec) {}

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
        learn_wraps();
        bool dated = false; // the row being placed had its date
        for (std::size_t k = 0; k < pending_.size(); ++k) {
            bool row_next = k + 1 < pending_.size() && begins_with_number(pending_[k + 1]);
            order_ = pending_[k].order;
            glued_ = pending_[k].glued;
            dated_before_ = dated && !begins_with_number(pending_[k]);
            // (asked only where the next lines go on from this row)
            dated = dated_before_ ||
                    (k + 1 < pending_.size() && !row_next && holds_last_value(pending_[k].blocks));
            // (a row wholly taken into the heading before it leaves no line)
            if (k > 0 && !pending_[k - 1].blocks.empty())
                finish_heading(pending_[k - 1].blocks.back(), pending_[k].blocks);
            place_row(pending_[k].blocks, row_next);
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
    std::optional<std::size_t> label_lines_header(std::size_t i) {
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

    std::optional<std::size_t> header_at(std::size_t i) {
        if (auto after = label_lines_header(i))
            return after;
        return band_header(i);
    }

    // A header whose labels wrap and share lines (pdftotext -raw, a header run
    // onto one line): the labels become the header row on its first line, and
    // from here on a short cell may share a line with the next (glued_).
    std::optional<std::size_t> band_header(std::size_t i) {
        std::optional<Band> band = label_band(i);
        if (!band)
            return std::nullopt;
        order_.clear();
        Row header;
        for (const auto &[column, label] : band->labels) {
            order_.push_back(column);
            header.cells.push_back(Cell{{label}, 1, false});
        }
        glued_ = true;
        std::size_t page = doc_.blocks[i].page;
        bool page_start = doc_.blocks[i].page_start;
        for (std::size_t b = i; b <= band->last; ++b)
            doc_.blocks[b] = Block::paragraph("", doc_.blocks[b].page);
        doc_.blocks[i] = Block::table({std::move(header)}, page);
        doc_.blocks[i].page_start = page_start;
        return band->last + 1;
    }

    struct Band {
        std::vector<std::pair<int, std::string>> labels; // column, label text
        std::size_t last = 0;                            // the band's last block
    };

    // Lines whose text is laid out by position (a PDF's, aligned columns) are
    // read by the aligned recovery, not here.
    static bool plain_line(const Block &b) {
        return is_line(b) && b.words.empty() && b.text.find("   ") == std::string::npos;
    }

    // The longest band of lines from i whose words cut into at least
    // header_min labels, each naming another column.
    std::optional<Band> label_band(std::size_t i) const {
        if (!plain_line(doc_.blocks[i]) || spec_.columns.size() > 32)
            return std::nullopt;
        std::vector<std::string> words = split_words(flat(doc_.blocks[i]));
        if (words.empty())
            return std::nullopt;
        std::vector<std::size_t> ends{words.size()}, lasts{i};
        for (std::size_t j = i + 1;
             j < doc_.blocks.size() && lasts.size() < kMaxBand && plain_line(doc_.blocks[j]); ++j) {
            std::vector<std::string> more = split_words(flat(doc_.blocks[j]));
            if (more.empty())
                break;
            words.insert(words.end(), more.begin(), more.end());
            ends.push_back(words.size());
            lasts.push_back(j);
        }
        // The first label may run over lines ("1. Rec" / "No").
        if (label_names_(words, 0).empty())
            return std::nullopt;
        std::vector<std::vector<unsigned>> names;
        for (std::size_t a = 0; a < words.size(); ++a)
            names.push_back(label_names_(words, a));
        // The band naming the most columns, of those the longest: a label
        // loose enough to take the next line's words ("Responsible ...") must
        // not swallow the label after it.
        LabelCutter cutter(std::move(names));
        std::optional<Band> best;
        for (std::size_t k = ends.size(); k-- > 0;) {
            auto cuts = cutter.cut(ends[k]);
            if (!cuts || cuts->size() < std::max<std::size_t>(spec_.header_min, 2) ||
                (best && cuts->size() <= best->labels.size()))
                continue;
            best = Band{{}, lasts[k]};
            std::size_t from = 0;
            for (const auto &[column, to] : *cuts) {
                best->labels.emplace_back(column, join_words(words, from, to));
                from = to;
            }
        }
        return best;
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
        if (!key || !spec_.columns[spec_.key_column].fits)
            return false;
        if (fits(text, *key))
            return true;
        for (const Split &split : splits(text))
            if (fits(split.head, *key))
                return true;
        return false;
    }

    // A line whose first words are a short cell of a shaped column (a number,
    // a status, an owner) glued to the next cell's first line.
    struct Split {
        std::string head, rest;
    };
    std::vector<Split> splits(const std::string &text) const {
        std::vector<Split> out;
        if (!glued_)
            return out;
        // The first words only are read word by word: a line can be long.
        std::string head;
        std::size_t pos = 0;
        for (std::size_t k = 1; k <= kMaxGlued; ++k) {
            std::size_t begin = text.find_first_not_of(' ', pos);
            if (begin == std::string::npos)
                break;
            pos = std::min(text.find(' ', begin), text.size());
            head += (head.empty() ? "" : " ") + text.substr(begin, pos - begin);
            std::size_t rest = text.find_first_not_of(' ', pos);
            if (rest == std::string::npos)
                break;
            if (fits_shaped(head)) {
                std::vector<std::string> words = split_words(text.substr(rest));
                out.push_back({head, join_words(words, 0, words.size())});
            }
        }
        return out;
    }

    // Reads the lines after a header up to the table's end; returns where it stopped.
    std::size_t read_rows(std::size_t i) {
        std::vector<std::size_t> row; // the blocks of the current row's lines
        for (; i < doc_.blocks.size(); ++i) {
            const Block &b = doc_.blocks[i];
            if (!is_line(b) || ends_here(i))
                break;
            if (header_ahead(i) || (glued_ && label_band(i))) {
                if (!row.empty())
                    before_header_.insert(row.back());
                break;
            }
            std::string text = flat(b);
            if (text.empty())
                continue;
            if (starts_row(text)) {
                hold_row(row);
                row.clear();
            }
            row.push_back(i);
        }
        hold_row(row);
        return i;
    }

    // A row's lines, placed once every row is read (the columns' wrap widths
    // are learnt from all of them), with the header they were read under.
    struct Pending {
        std::vector<std::size_t> blocks;
        std::vector<int> order;
        bool glued = false;
    };
    void hold_row(const std::vector<std::size_t> &blocks) {
        if (!blocks.empty())
            pending_.push_back({blocks, order_, glued_});
    }

    bool begins_with_number(const Pending &row) {
        order_ = row.order;
        glued_ = row.glued;
        return starts_row(flat(doc_.blocks[row.blocks.front()]));
    }

    // Lines wrapped at their column's width (no paragraph a line): the widest
    // line each free-text column holds in rows that begin with their number,
    // where the row's own order tells the columns apart. A line wider than
    // that cannot be that column's (a row's text going on after a page break).
    void learn_wraps() {
        if (doc_.paragraph_lines)
            return;
        std::vector<std::vector<std::size_t>> widths(spec_.columns.size());
        for (const Pending &row : pending_)
            for (std::size_t b : row.blocks)
                lines_.insert(flat(doc_.blocks[b]));
        for (const Pending &row : pending_) {
            order_ = row.order;
            glued_ = row.glued;
            std::vector<std::string> texts;
            for (std::size_t b : row.blocks)
                texts.push_back(flat(doc_.blocks[b]));
            if (!starts_row(texts.front()))
                continue;
            std::vector<std::vector<Choice>> choice = place(texts, row.blocks);
            for (std::size_t i = 0, p = 0; i < texts.size(); ++i) {
                const Choice &c = choice[i][p];
                if (c.column < 0)
                    continue;
                p = static_cast<std::size_t>(c.split != 0 || c.row_line ? c.rest_column : c.column);
                if (c.split != 0 || c.row_line)
                    continue;
                auto column = static_cast<std::size_t>(order_[p]);
                if (!spec_.columns[column].fits)
                    widths[column].push_back(width(texts[i]));
            }
        }
        wraps_.assign(spec_.columns.size(), 0);
        for (std::size_t j = 0; j < widths.size(); ++j)
            if (widths[j].size() >= kMinWrapped)
                wraps_[j] = *std::max_element(widths[j].begin(), widths[j].end());
    }

    // A free-text line too wide for the column at `position` (its wrap width known).
    bool too_wide(const std::string &text, std::size_t position) const {
        auto column = static_cast<std::size_t>(order_[position]);
        return column < wraps_.size() && wraps_[column] > 0 &&
               width(text) > wraps_[column] + kWidthSlack;
    }

    // Lines wrapped at a page's width: line i is the second line of a shaped
    // cell (and the one above its first) when the two fit the column together
    // and one of them alone does not ("CEO Care UK" / "and Governor",
    // "Partly" / "Accepted").
    // So is a line after one whose glued short cell's rest began the value
    // ("Governor September" / "2022").
    bool wraps_on(const std::vector<std::string> &texts, std::size_t i, std::size_t q) const {
        if (i == 0)
            return false;
        if (wraps_into(texts[i - 1], texts[i], q))
            return true;
        for (const Split &split : splits(texts[i - 1]))
            if (wraps_into(split.rest, texts[i], q))
                return true;
        return false;
    }

    bool wraps_into(const std::string &first, const std::string &second, std::size_t q) const {
        const ColumnSpec &c = spec_.columns[static_cast<std::size_t>(order_[q])];
        return !doc_.paragraph_lines && c.fits &&
               !(c.fits->matches(second) && c.fits->matches(first)) &&
               c.fits->matches(first + ' ' + second);
    }

    // A row going on after a page break: its first line, beginning with a
    // small letter, goes on from a cell whose sentence is unfinished, not one
    // that ended with a full stop.
    double goes_on_cost(const std::vector<std::string> &texts, std::size_t i, std::size_t q) const {
        if (i != 0 || q >= unfinished_.size() || texts[0].empty() ||
            !std::islower(static_cast<unsigned char>(texts[0].front())) ||
            spec_.columns[static_cast<std::size_t>(order_[q])].fits || unfinished_[q])
            return 0.0;
        bool other = std::any_of(unfinished_.begin(), unfinished_.end(), [](bool u) { return u; });
        return other ? kMidSentence * 2 : 0.0;
    }

    // The row's free-text cell at position q ends inside a sentence (after a
    // page break: the row goes on).
    bool free_unfinished(std::size_t q) const {
        return q < unfinished_.size() && unfinished_[q] &&
               !spec_.columns[static_cast<std::size_t>(order_[q])].fits;
    }

    // After a page break, a line beginning with a small letter goes on from a
    // sentence: not from the cell the line above ended ("... de-escalation.
    // (To the governor)" / "staff."), where a later cell of the row ends inside one.
    double ended_cost(const std::vector<std::string> &texts, std::size_t i, std::size_t p,
                      std::size_t q) const {
        if (i == 0 || p != q || q >= unfinished_.size() || texts[i].empty() ||
            !std::islower(static_cast<unsigned char>(texts[i].front())) || !ends_text(texts[i - 1]))
            return 0.0;
        for (std::size_t r = q + 1; r < unfinished_.size(); ++r)
            if (free_unfinished(r))
                return kMidSentence;
        return 0.0;
    }

    // After a page break, when two free-text cells of the row go on, a line
    // may end the first with a bracketed reference after its sentence and go
    // on in the second ("improvement. (1.37)" | "identify lessons for ...",
    // "P-Nomis. (4.26)" | "POMs will be ...").
    std::optional<Split> ended_split(const std::string &text) const {
        std::size_t going_on = 0;
        for (std::size_t q = 0; q < unfinished_.size(); ++q)
            going_on += free_unfinished(q) ? 1 : 0;
        if (going_on < 2)
            return std::nullopt;
        for (std::size_t close = text.find(") "); close != std::string::npos;
             close = text.find(") ", close + 1)) {
            std::string head = text.substr(0, close + 1), rest = text.substr(close + 2);
            if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front())) &&
                head.find('(') != std::string::npos && ends_text(head))
                return Split{std::move(head), std::move(rest)};
        }
        return std::nullopt;
    }

    // Leaving a free-text column inside a sentence costs: wrapped cells end
    // where their sentences do.
    double switch_cost(const std::vector<std::string> &texts, std::size_t i, std::size_t p,
                       std::size_t q) const {
        if (doc_.paragraph_lines || i == 0 || p == q || p >= order_.size() ||
            spec_.columns[static_cast<std::size_t>(order_[p])].fits)
            return 0.0;
        const std::string &above = texts[i - 1];
        return ends_text(above) ? 0.0 : kMidSentence;
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
    // `row_next`: the next lines begin a row with its number.
    void place_row(std::vector<std::size_t> blocks, bool row_next) {
        for (std::size_t b : leading_headings(blocks))
            put_heading(b);
        std::vector<std::size_t> below =
            row_next ? trailing_headings(blocks) : std::vector<std::size_t>{};
        if (!blocks.empty() && starts_row(flat(doc_.blocks[blocks.front()])))
            rows_placed_ = true;
        if (!blocks.empty())
            place_cells(blocks, row_next);
        for (std::size_t b : below)
            put_heading(b);
    }

    // A heading cut by a page's header ("General Recommendations Directed to"
    // / header / "the Governor"): the first line after the header ends it.
    void finish_heading(std::size_t heading, std::vector<std::size_t> &next) {
        auto h = position_of(spec_.heading.column);
        const Block &b = doc_.blocks[heading];
        if (!h || !spec_.heading.runs_on || next.empty() || !b.is_table() ||
            b.rows.front().cells.size() <= *h || b.rows.front().cells[*h].paragraphs.size() != 1)
            return;
        std::string &text = doc_.blocks[heading].rows.front().cells[*h].paragraphs.front();
        std::string line = flat(doc_.blocks[next.front()]);
        if (!spec_.heading.runs_on->matches(text) || starts_row(line) ||
            !is_heading(text + ' ' + line))
            return;
        text += ' ' + line;
        Block &taken = doc_.blocks[next.front()];
        bool page_start = taken.page_start;
        taken = Block::paragraph("", taken.page);
        taken.page_start = page_start;
        next.erase(next.begin());
    }

    void put_heading(std::size_t block) {
        if (auto h = position_of(spec_.heading.column))
            set_cell(block, *h);
    }

    // Headings before the table's first row belong to no row; later, lines
    // without a row number are a row's text going on, unless all are headings.
    std::vector<std::size_t> leading_headings(std::vector<std::size_t> &blocks) const {
        auto heading = [&](std::size_t b) {
            std::string text = flat(doc_.blocks[b]);
            return !starts_row(text) && is_heading(text);
        };
        if (rows_placed_ && !std::all_of(blocks.begin(), blocks.end(), heading))
            return {};
        std::vector<std::size_t> out;
        while (!blocks.empty() && heading(blocks.front())) {
            out.push_back(blocks.front());
            blocks.erase(blocks.begin());
        }
        return out;
    }

    // Lines wrapped at a page's width: headings after a row's last cell,
    // above the next row's number (a cell's text ends where the heading begins).
    std::vector<std::size_t> trailing_headings(std::vector<std::size_t> &blocks) const {
        std::vector<std::size_t> out;
        while (!doc_.paragraph_lines && blocks.size() > 1 && out.size() < kMaxHeadingLines) {
            std::string line = flat(doc_.blocks[blocks.back()]);
            std::string above = flat(doc_.blocks[blocks[blocks.size() - 2]]);
            // A short cell after a free-text one is the row's (its owner);
            // after an owner and a date side by side, or a date alone, the row
            // is complete, and so it is when it had its date before its text
            // went on (after a page's header); a date is never a heading. A
            // heading may be wrapped over two lines ("... Directed to the" /
            // "Governor", "... Directed to" / "the Governor").
            bool wrapped =
                is_heading(above) && spec_.heading.runs_on && spec_.heading.runs_on->matches(above);
            bool heading = is_heading(line) || (wrapped && is_heading(above + ' ' + line));
            bool complete = pair_ending_row(above) || last_value(above) || dated_before_;
            if (!heading || last_value(line) || pair_ending_row(line) ||
                (!wrapped && ((short_cells(line) && !complete) || !ends_cell(above))))
                break;
            out.insert(out.begin(), blocks.back());
            blocks.pop_back();
        }
        return out;
    }

    // Whether a line of these holds the last column's value (a date).
    bool holds_last_value(const std::vector<std::size_t> &blocks) const {
        return std::any_of(blocks.begin(), blocks.end(), [&](std::size_t b) {
            std::string text = flat(doc_.blocks[b]);
            return last_value(text) || pair_ending_row(text);
        });
    }

    // A line holding the last column's value alone, where that column is shaped.
    bool last_value(const std::string &text) const {
        return !order_.empty() && spec_.columns[static_cast<std::size_t>(order_.back())].fits &&
               fits(text, order_.size() - 1);
    }

    // Two short cells side by side, the second the last column's.
    bool pair_ending_row(const std::string &text) const {
        if (order_.empty())
            return false;
        const std::size_t last = order_.size() - 1;
        std::vector<Split> cuts = splits(text);
        return std::any_of(cuts.begin(), cuts.end(), [&](const Split &split) {
            return spec_.columns[static_cast<std::size_t>(order_[last])].fits &&
                   fits(split.rest, last);
        });
    }

    // A line a cell may end with: a sentence's end, or a short cell.
    bool ends_cell(const std::string &text) const { return ends_text(text) || short_cells(text); }

    void place_cells(const std::vector<std::size_t> &blocks, bool row_next) {
        std::vector<std::string> texts;
        for (std::size_t b : blocks)
            texts.push_back(flat(doc_.blocks[b]));
        std::vector<std::vector<Choice>> choice = place(texts, blocks);
        if (starts_row(texts.front()))
            unfinished_.assign(order_.size(), false);
        std::size_t p = 0;
        constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
        std::size_t open = kNone; // the block whose cell the next line may go on
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const Choice &c = choice[i][p];
            if (c.column < 0) {
                if (auto h = position_of(spec_.heading.column);
                    h && is_heading(texts[i]) && (row_next || !cut_by_page(texts[i], blocks[i])))
                    set_cell(blocks[i], *h);
                open = kNone;
                continue;
            }
            auto q = static_cast<std::size_t>(c.column);
            if (c.row_line) {
                set_cells(blocks[i], row_line(texts[i], p, cut_by_header(blocks[i]))->pieces);
                p = static_cast<std::size_t>(c.rest_column);
                open = kNone;
                continue;
            }
            if (c.ends_cell) {
                const Split split = *ended_split(texts[i]);
                p = static_cast<std::size_t>(c.rest_column);
                set_cells(blocks[i], {{q, split.head}, {p, split.rest}});
                open = doc_.paragraph_lines ? kNone : blocks[i];
                continue;
            }
            if (c.split == 0 && !c.row_line && open != kNone && p == q && goes_on(texts[i], q)) {
                go_on(open, q, blocks[i], starts_paragraph(texts[i - 1], texts[i], q));
                continue;
            }
            open = kNone;
            if (c.split == 0) {
                set_cell(blocks[i], q);
                p = q;
                // Lines wrapped at a page's width: a cell's next line goes on in it.
                if (!doc_.paragraph_lines)
                    open = blocks[i];
                continue;
            }
            const Split split = splits(texts[i])[c.split - 1];
            p = static_cast<std::size_t>(c.rest_column);
            set_cells(blocks[i], {{q, split.head}, {p, split.rest}});
            if (!doc_.paragraph_lines)
                open = blocks[i];
        }
    }

    // A wrapped line goes on in the cell above it: a shaped cell's always; a
    // free-text cell's unless the line reads as a short cell of its own.
    bool goes_on(const std::string &line, std::size_t position) const {
        return spec_.columns[static_cast<std::size_t>(order_[position])].fits || !short_cells(line);
    }

    // A free-text line after a sentence's end that reads as a heading begins
    // a paragraph of the cell (a heading inside a row is the cell's own).
    bool starts_paragraph(const std::string &above, const std::string &line,
                          std::size_t position) const {
        return !spec_.columns[static_cast<std::size_t>(order_[position])].fits &&
               is_heading(line) && layout::ends_sentence(above);
    }

    // Where a line goes: a column (-1: none), or split (1-based index into
    // splits()), its head to `column` and the rest to `rest_column`.
    struct Choice {
        int column = -1, rest_column = -1;
        std::size_t split = 0;
        bool row_line = false;  // the line holds a row's cells side by side (row_line())
        bool ends_cell = false; // the line ends one cell and goes on in a later (ended_split())
    };

    double score(const std::string &text, std::size_t q) const {
        bool shaped = spec_.columns[static_cast<std::size_t>(order_[q])].fits != nullptr;
        return shaped ? kFit : fits_shaped(text) ? kMisfit : 0.0;
    }

    // The best placement of a row's lines: choice[i][p] for line i when the
    // row has reached column p (a line fitting its shaped column scores, a
    // line left out costs, never going back).
    std::vector<std::vector<Choice>> place(const std::vector<std::string> &texts,
                                           const std::vector<std::size_t> &blocks) const {
        const std::size_t n = texts.size(), m = order_.size();
        std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, 0.0));
        std::vector<std::vector<Choice>> choice(n + 1, std::vector<Choice>(m + 1));
        for (std::size_t i = n; i-- > 0;) {
            std::vector<Split> line_splits = splits(texts[i]);
            const bool ended = i == 0 && ended_split(texts[i]).has_value();
            for (std::size_t p = m + 1; p-- > 0;) {
                double top = (may_be_heading(texts, i) ? kDropHeading : kDrop) + best[i + 1][p];
                Choice pick;
                if (auto q = next_sub_row(texts[i], p, i + 1 == n);
                    q && fits(texts[i], *q) && !too_wide(texts[i], *q)) {
                    if (double s = score(texts[i], *q) + kSubRow + best[i + 1][*q]; s > top) {
                        top = s;
                        pick = {static_cast<int>(*q), -1, 0};
                    }
                }
                if (auto q = after_empty_cells(blocks, i, p); q && fits(texts[i], *q)) {
                    if (double s = score(texts[i], *q) + kEmptyCells + best[i + 1][*q]; s > top) {
                        top = s;
                        pick = {static_cast<int>(*q), -1, 0};
                    }
                }
                for (std::size_t q = p; q < m; ++q) {
                    bool wrapped = (q == p && wraps_on(texts, i, q)) ||
                                   (i + 1 < n && wraps_on(texts, i + 1, q));
                    if (!(fits(texts[i], q) || wrapped) || too_wide(texts[i], q))
                        continue;
                    bool shaped = wrapped || score(texts[i], q) == kFit;
                    double s = (wrapped ? kFit : score(texts[i], q)) + switch_cost(texts, i, p, q) +
                               goes_on_cost(texts, i, q) + ended_cost(texts, i, p, q) +
                               best[i + 1][q];
                    // Of two shaped columns a line fits equally, the later: an
                    // owner-like "Completed" after the owners is a date.
                    if (s > top || (s == top && shaped && pick.column >= 0)) {
                        top = s;
                        pick = {static_cast<int>(q), -1, 0};
                    }
                }
                for (std::size_t k = 0; k < line_splits.size(); ++k)
                    for (std::size_t q = p; q < m; ++q) {
                        if (score(line_splits[k].head, q) != kFit || !fits(line_splits[k].head, q))
                            continue;
                        for (std::size_t r = q + 1; r < m; ++r) {
                            const std::string &rest = line_splits[k].rest;
                            // (a value wrapped onto the next line, or, before a
                            // page's header, going on after it: "Governor September")
                            const bool rest_fits = fits(rest, r);
                            bool rest_wraps =
                                (i + 1 < n && wraps_into(rest, texts[i + 1], r)) ||
                                (!rest_fits && r + 1 == m && cut_by_header(blocks[i]) &&
                                 last_value_or_start(rest, true));
                            if (!rest_fits && !rest_wraps)
                                continue;
                            double s = kFit + (rest_wraps ? kFit : score(rest, r)) + best[i + 1][r];
                            if (s > top) {
                                top = s;
                                pick = {static_cast<int>(q), static_cast<int>(r), k + 1};
                            }
                        }
                    }
                if (ended)
                    for (std::size_t q = p; q < m; ++q)
                        for (std::size_t r = q + 1; r < m && free_unfinished(q); ++r)
                            if (free_unfinished(r) && kFit + best[i + 1][r] > top) {
                                top = kFit + best[i + 1][r];
                                pick = {static_cast<int>(q), static_cast<int>(r), 0, false, true};
                            }
                if (auto cells = row_line(texts[i], p, cut_by_header(blocks[i]))) {
                    double s = kFit * static_cast<double>(cells->shaped) + best[i + 1][m - 1];
                    if (s > top) {
                        top = s;
                        pick = {static_cast<int>(cells->pieces.front().first),
                                static_cast<int>(m - 1), 0, true};
                    }
                }
                best[i][p] = top;
                choice[i][p] = pick;
            }
        }
        return choice;
    }

    // A paragraph a line (a word processor's text): an empty line is an empty
    // cell, so a line after g of them, the line before it in the column at
    // position p, is in the column g + 1 further on; past the last column, in
    // the next sub-row of the same row (cells merged down over sub-rows are
    // empty lines in it: "Completed", three empty lines, a response).
    std::optional<std::size_t> after_empty_cells(const std::vector<std::size_t> &blocks,
                                                 std::size_t i, std::size_t p) const {
        const std::size_t m = order_.size();
        if (!doc_.paragraph_lines || i == 0 || p >= m || blocks[i] <= blocks[i - 1] + 1)
            return std::nullopt;
        std::size_t gap = blocks[i] - blocks[i - 1] - 1;
        return (p + 1 + gap) % m;
    }

    // Lines wrapped at a page's width: after the row's last column, free text
    // beginning a sentence begins a sub-row of the same row in the last
    // free-text column (a recommendation's next action: its response, owner
    // and date). (Text going on after a page break begins in mid-sentence; a
    // heading-shaped last line of a row is a heading between rows; a line
    // shaped as a value, another of the row's.)
    std::optional<std::size_t> next_sub_row(const std::string &text, std::size_t p,
                                            bool last) const {
        const std::size_t m = order_.size();
        if (doc_.paragraph_lines || m == 0 || p != m - 1 || text.empty() ||
            !std::isupper(static_cast<unsigned char>(text.front())) || (last && is_heading(text)) ||
            fits_shaped(text))
            return std::nullopt;
        for (std::size_t q = p; q-- > 0;)
            if (order_[q] >= 0 && !spec_.columns[static_cast<std::size_t>(order_[q])].fits)
                return q;
        return std::nullopt;
    }

    // A line holding a row's cells side by side, as pdftotext -raw writes a
    // row's first lines at a page's foot ("5.17 All prisoners ... Agreed
    // Clinical pathways ... NHS England September 2019"): its words cut into
    // cells from position p in the header's order, each shaped cell fitting
    // its column, free text between two shaped cells, the last cell the last
    // column's; the cut with the most shaped cells, at least three.
    struct RowLine {
        std::vector<std::pair<std::size_t, std::string>> pieces; // position, text
        std::size_t shaped = 0;
        std::size_t known = 0; // shaped cells written as a line of their own elsewhere
    };
    // (`page_cut`: a page's header follows the line, so its last value may
    // go on after it: "... CEO Care UK September" / header / "2020".)
    std::optional<RowLine> row_line(const std::string &text, std::size_t p, bool page_cut) const {
        const std::size_t m = order_.size();
        if (doc_.paragraph_lines || !glued_ || m < 3 || p >= m ||
            !spec_.columns[static_cast<std::size_t>(order_[m - 1])].fits)
            return std::nullopt;
        std::vector<std::string> words = split_words(text);
        if (words.size() < kMinRowLineWords || !ends_in_last_column(words, page_cut))
            return std::nullopt;
        RowLineCut cut(*this, words, page_cut);
        std::optional<RowLine> best = cut.from(0, p, false);
        if (!best || best->shaped < kMinRowLineCells)
            return std::nullopt;
        return best;
    }

    bool ends_in_last_column(const std::vector<std::string> &words, bool page_cut) const {
        for (std::size_t k = 1; k <= kMaxGlued && k <= words.size(); ++k)
            if (last_value_or_start(join_words(words, words.size() - k, words.size()), page_cut))
                return true;
        return false;
    }

    // A value of the last column, or (`page_cut`) its first words.
    bool last_value_or_start(const std::string &text, bool page_cut) const {
        const std::size_t last = order_.size() - 1;
        const ColumnSpec &c = spec_.columns[static_cast<std::size_t>(order_[last])];
        return fits(text, last) || (page_cut && c.fits && c.fits->could_begin(text));
    }

    // A row's line that a page's header follows.
    bool cut_by_header(std::size_t block) const { return before_header_.contains(block); }

    // The search behind row_line(), remembering what it found at each word and position.
    class RowLineCut {
      public:
        RowLineCut(const Recovery &r, const std::vector<std::string> &words, bool page_cut)
            : r_(r), words_(words), page_cut_(page_cut) {}

        // Words w.. cut into cells at positions q.. (`after_free`: the cell
        // before was free text, so this one must be shaped).
        std::optional<RowLine> from(std::size_t w, std::size_t q, bool after_free) {
            const std::size_t n = words_.size(), m = r_.order_.size();
            if (w == n)
                return std::nullopt;
            auto key = std::make_tuple(w, q, after_free);
            if (auto at = seen_.find(key); at != seen_.end())
                return at->second;
            std::optional<RowLine> best;
            for (std::size_t r = q; r < m; ++r) {
                bool shaped =
                    r_.spec_.columns[static_cast<std::size_t>(r_.order_[r])].fits != nullptr;
                if (!shaped && after_free)
                    continue;
                std::size_t most = shaped ? std::min(kMaxGlued, n - w) : n - w;
                for (std::size_t len = 1; len <= most; ++len) {
                    std::string piece = join_words(words_, w, w + len);
                    const bool last = w + len == n;
                    if (shaped && !(last && r == m - 1 ? r_.last_value_or_start(piece, page_cut_)
                                                       : r_.fits(piece, r)))
                        continue;
                    std::optional<RowLine> rest;
                    if (last) {
                        if (r != m - 1 || !shaped)
                            continue;
                        rest = RowLine{};
                    } else if (r + 1 < m) {
                        rest = from(w + len, r + 1, !shaped);
                    }
                    if (!rest)
                        continue;
                    rest->pieces.insert(rest->pieces.begin(), {r, piece});
                    rest->shaped += shaped ? 1 : 0;
                    rest->known += shaped && r_.lines_.contains(piece) ? 1 : 0;
                    // Of cuts with as many shaped cells, the one with more the
                    // document writes as lines of their own ("Director", not
                    // "Prisoner Telephone Director"; "NHS England", not "England").
                    if (!best ||
                        std::pair(rest->shaped, rest->known) > std::pair(best->shaped, best->known))
                        best = std::move(rest);
                }
            }
            seen_[key] = best;
            return best;
        }

      private:
        const Recovery &r_;
        const std::vector<std::string> &words_;
        bool page_cut_; // a page's header follows the line
        std::map<std::tuple<std::size_t, std::size_t, bool>, std::optional<RowLine>> seen_;
    };

    // In wrapped text the headings between rows were taken out before the
    // row's lines are placed (leading_headings, trailing_headings): a line
    // inside a row that reads as one is the row's own.
    bool may_be_heading(const std::vector<std::string> &texts, std::size_t i) const {
        return is_heading(texts[i]) && doc_.paragraph_lines;
    }

    // A line of short cells only: one, or two side by side ("Director October 2019").
    bool short_cells(const std::string &text) const {
        if (fits_shaped(text))
            return true;
        std::vector<Split> cuts = splits(text);
        return std::any_of(cuts.begin(), cuts.end(),
                           [&](const Split &split) { return fits_shaped(split.rest); });
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

    // A row's last line before a page's header, where the row goes on after
    // the header, is inside the row, not a heading ("October" / header /
    // "2022"; a response's first line run together with its owner and date's
    // month): headings sit between rows, before a row's number. Unless it runs
    // on into the line after the header (a heading cut by the page).
    bool cut_by_page(const std::string &text, std::size_t block) const {
        return before_header_.contains(block) &&
               !(spec_.heading.runs_on && spec_.heading.runs_on->matches(text));
    }

    // The line of block `from` goes on in the cell at `position` of block
    // `into`, in its last paragraph or (`paragraph`) in a new one.
    void go_on(std::size_t into, std::size_t position, std::size_t from, bool paragraph) {
        std::vector<std::string> &paragraphs =
            doc_.blocks[into].rows.front().cells[position].paragraphs;
        if (paragraph)
            paragraphs.push_back(doc_.blocks[from].text);
        else
            layout::append_line(paragraphs.back(), doc_.blocks[from].text);
        note_end(position, doc_.blocks[from].text);
        Block &line = doc_.blocks[from];
        bool page_start =
            line.page_start || (!line.text.empty() && line.text.front() == kPageBreak);
        line = Block::paragraph("", line.page);
        line.page_start = page_start;
    }

    void set_cell(std::size_t block, std::size_t position) {
        set_cells(block, {{position, doc_.blocks[block].text}});
    }

    // Whether the cell at `position` of the row being placed ends inside a sentence.
    void note_end(std::size_t position, const std::string &text) {
        if (position >= unfinished_.size())
            return;
        std::string end = collapse_spaces(clean_spaces(text));
        unfinished_[position] = !ends_text(end);
    }

    void set_cells(std::size_t block,
                   const std::vector<std::pair<std::size_t, std::string>> &cells) {
        Block &b = doc_.blocks[block];
        Row row;
        row.cells.resize(order_.size());
        for (const auto &[position, text] : cells) {
            row.cells[position].paragraphs.push_back(text);
            note_end(position, text);
        }
        Block table = Block::table({std::move(row)}, b.page);
        table.page_start = b.page_start;
        b = std::move(table);
    }

    Document &doc_;
    const TableSpec &spec_;
    mutable layout::LabelNamer label_names_; // (a cache: asked from const members)
    std::vector<int> order_;                 // the grammar column at each of the header's positions
    bool glued_ = false;                     // the header's labels shared lines: so may cells
    std::vector<Pending> pending_;           // the rows read, to be placed
    std::set<std::size_t> before_header_;    // rows' last lines before a page's header
    bool dated_before_ = false; // the row the lines placed go on from had its date already
    std::unordered_set<std::string> lines_; // the rows' lines (page-width text), to know values by
    std::vector<std::size_t> wraps_;        // each free-text column's wrap width (0: unknown)
    bool rows_placed_ = false;              // a row that begins with its number was placed
    std::vector<bool> unfinished_; // per position: the row's cell there ends inside a sentence
};

} // namespace

std::size_t recover_cell_lines(Document &doc, const TableSpec &spec) {
    if (spec.header_min == 0)
        return 0;
    return Recovery(doc, spec).run();
}

} // namespace inspex
