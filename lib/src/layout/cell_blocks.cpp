#include "inspex/layout/cell_blocks.hpp"

#include "inspex/layout/lost_hyphens.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/normalize.hpp"
#include "labels.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>
#include <utility>

namespace inspex {
namespace {

using layout::width;

using layout::ends_sentence;

constexpr std::size_t kMaxLabelLines = 6;   // lines of one header block (two labels interleaved)
constexpr std::size_t kMaxHeadWords = 16;   // words of a header block's first line
constexpr std::size_t kMaxHeadingLines = 3; // heading lines above a row's number
constexpr std::size_t kMaxGluedWords = 3;   // words of a short cell ending a row's first line
constexpr double kShortShare = 0.6;         // a line this share of its run's widest is short
constexpr std::size_t kWidthSlack = 1;      // characters a wrapped line may exceed its column
constexpr std::size_t kMinWrapped = 3;      // lines of a run whose wrapping tells its column
constexpr std::size_t kMinGap = 4;          // characters between two columns' wrapping widths
constexpr std::size_t kEdgeGap = 3;         // characters above a column's widest runs: glued cells

std::string flat(const Block &b) {
    return collapse_spaces(clean_spaces(b.text));
}

// The width a run of free text wraps at: its widest line but the first,
// which may carry the next column's cell glued to its end.
std::size_t run_width(const std::vector<std::string> &lines) {
    std::size_t widest = 0;
    for (std::size_t k = 1; k < lines.size(); ++k)
        widest = std::max(widest, width(lines[k]));
    return widest;
}

std::string join_lines(const std::vector<std::string> &lines, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k)
        layout::append_line(out, lines[k]);
    return out;
}

using Labels = std::vector<std::pair<int, std::string>>; // column, label text

// A cell cut from the text: its column, its text, from blocks first..last.
struct Cut {
    std::size_t column = 0, first = 0, last = 0;
    std::string text;
};

// A line cut where another column's short cell was glued to its end.
struct Glued {
    std::string head, tail;
    std::size_t column = 0;
};

class Recovery {
  public:
    Recovery(Document &doc, const TableSpec &spec) : doc_(doc), spec_(spec), label_names_(spec) {}

    std::size_t run() {
        number_pages();
        for (std::size_t i = 0; i < doc_.blocks.size();) {
            std::optional<Group> group = label_group(i);
            if (!group || group->labels.size() < std::max<std::size_t>(spec_.header_min, 2)) {
                ++i;
                continue;
            }
            learn_columns(*group);
            learn_widths(group->last + 1);
            put_header(*group);
            i = read_rows(group->last + 1);
        }
        if (headers_)
            number_lines(doc_);
        return headers_;
    }

  private:
    // Consecutive blocks of header labels, each naming another column.
    struct Group {
        Labels labels;
        std::size_t first = 0, last = 0;
    };

    bool plain(std::size_t b) const {
        const Block &block = doc_.blocks[b];
        return !block.is_table() && block.text.find('\n') == std::string::npos &&
               block.words.empty() && block.text.find("   ") == std::string::npos;
    }
    bool blank(std::size_t b) const { return plain(b) && text(b).empty(); }
    std::string text(std::size_t b) const { return flat(doc_.blocks[b]); }

    // A new page begins a new run (pdftotext's form feed, or the reader's mark).
    bool page_start(std::size_t b) const {
        const Block &block = doc_.blocks[b];
        return block.page_start || (!block.text.empty() && block.text.front() == kPageBreak);
    }

    // Each block's page, counted by the page starts above it (text marks a
    // new page with a form feed; a PDF's blocks carry their page).
    void number_pages() {
        pages_.clear();
        std::size_t page = 0;
        for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
            if (b > 0 && page_start(b))
                ++page;
            pages_.push_back(std::max(page, doc_.blocks[b].page));
        }
    }

    // The last block of the run of non-blank plain lines beginning at b.
    std::optional<std::size_t> run_end(std::size_t b) const {
        if (b >= doc_.blocks.size() || !plain(b) || blank(b))
            return std::nullopt;
        std::size_t e = b;
        while (e + 1 < doc_.blocks.size() && plain(e + 1) && !blank(e + 1) && !page_start(e + 1))
            ++e;
        return e;
    }

    std::size_t next_nonblank(std::size_t b) const {
        while (b < doc_.blocks.size() && blank(b))
            ++b;
        return b;
    }

    // The labels a run of lines cuts into: its words in order, or two labels
    // side by side whose lines alternate: the first line holds the first
    // label's start, or both labels' starts ("1. Rec 2. Recommendation" over
    // "No"), and each line below goes on with one of the two ("3. Agreed/",
    // "4. Response", "Partly Agreed/").
    std::optional<Labels> run_labels(std::size_t first, std::size_t last) const {
        std::vector<std::string> lines;
        for (std::size_t b = first; b <= last; ++b)
            lines.push_back(text(b));
        if (lines.size() > kMaxLabelLines)
            return std::nullopt;
        std::vector<std::string> head = layout::split_words(lines[0]);
        // Cheap refusal first: this runs on every run of lines of a document.
        if (head.empty() || head.size() > kMaxHeadWords ||
            !layout::could_begin_label(spec_, head.front()))
            return std::nullopt;
        if (auto labels = layout::cut_labels(
                label_names_, layout::split_words(join_lines(lines, 0, lines.size()))))
            return labels;
        const std::size_t n = lines.size();
        for (std::size_t split = 1; split <= head.size(); ++split)
            for (unsigned mask = 0; mask < (1U << (n - 1)); ++mask)
                if (auto labels = side_by_side(lines, head, split, mask))
                    return labels;
        return std::nullopt;
    }

    // The labels of two columns side by side: the first line's words before
    // `split` and the lines below whose bit in `mask` is 0 make the left
    // one's, the rest the right one's.
    std::optional<Labels> side_by_side(const std::vector<std::string> &lines,
                                       const std::vector<std::string> &head, std::size_t split,
                                       unsigned mask) const {
        std::vector<std::string> left(head.begin(), head.begin() + static_cast<long>(split));
        std::vector<std::string> right(head.begin() + static_cast<long>(split), head.end());
        for (std::size_t k = 1; k < lines.size(); ++k) {
            std::vector<std::string> words = layout::split_words(lines[k]);
            std::vector<std::string> &side = (mask >> (k - 1)) & 1U ? right : left;
            side.insert(side.end(), words.begin(), words.end());
        }
        if (right.empty())
            return std::nullopt;
        auto a = layout::cut_labels(label_names_, left);
        auto b = a ? layout::cut_labels(label_names_, right) : std::nullopt;
        if (!b)
            return std::nullopt;
        a->insert(a->end(), b->begin(), b->end());
        return distinct(*a) ? a : std::nullopt;
    }

    static bool distinct(const Labels &labels) {
        for (std::size_t i = 0; i < labels.size(); ++i)
            for (std::size_t j = i + 1; j < labels.size(); ++j)
                if (labels[i].first == labels[j].first)
                    return false;
        return true;
    }

    // Label runs from block i, blank lines between, until a run that is not
    // labels or names a column again (the next header).
    std::optional<Group> label_group(std::size_t i) const {
        Group group;
        for (std::size_t b = i;;) {
            std::optional<std::size_t> end = run_end(b);
            if (!end)
                break;
            std::size_t last = *end;
            std::optional<Labels> labels = run_labels(b, last);
            // A header's last labels with a cell's text run on below them, no
            // blank line between (a repeated header, pdftotext): the labels' lines.
            for (std::size_t k = std::min(last, b + kMaxLabelLines);
                 !labels && k > b && !group.labels.empty();)
                if ((labels = run_labels(b, --k)))
                    last = k;
            if (!labels)
                break;
            Labels joined = group.labels;
            joined.insert(joined.end(), labels->begin(), labels->end());
            if (!distinct(joined))
                break;
            if (group.labels.empty())
                group.first = b;
            group.labels = std::move(joined);
            group.last = last;
            if (last < *end)
                break; // the text below the labels begins the rows
            b = next_nonblank(last + 1);
        }
        if (group.labels.size() < 2)
            return std::nullopt;
        return group;
    }

    // The free-text columns in the header's order, and which lines each
    // shaped column fits (to tell the narrower of two).
    void learn_columns(const Group &group) {
        order_.clear();
        for (const auto &[column, label] : group.labels)
            order_.push_back(static_cast<std::size_t>(column));
        for (std::size_t j = 0; j < spec_.columns.size(); ++j)
            if (std::find(order_.begin(), order_.end(), j) == order_.end())
                order_.push_back(j);
        free_.clear();
        for (std::size_t j : order_)
            if (!spec_.columns[j].fits)
                free_.push_back(j);
        fitted_.assign(spec_.columns.size(), {});
        cell_values_.assign(spec_.columns.size(), {});
        for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
            if (!plain(b) || blank(b))
                continue;
            std::string line = text(b);
            for (std::size_t j = 0; j < spec_.columns.size(); ++j)
                if (spec_.columns[j].fits && spec_.columns[j].fits->matches(line)) {
                    fitted_[j].push_back(b);
                    cell_values_[j].insert(line);
                }
        }
    }

    // Column a's lines are a strict subset of column b's on this document.
    bool narrower(std::size_t a, std::size_t b) const {
        return fitted_[a].size() < fitted_[b].size() &&
               std::includes(fitted_[b].begin(), fitted_[b].end(), fitted_[a].begin(),
                             fitted_[a].end());
    }

    // The shaped column (not the key) a cell's text belongs to, if any.
    std::optional<std::size_t> shaped_column(const std::string &cell) const {
        std::vector<std::size_t> fits;
        for (std::size_t j = 0; j < spec_.columns.size(); ++j)
            if (j != spec_.key_column && spec_.columns[j].fits &&
                spec_.columns[j].fits->matches(cell))
                fits.push_back(j);
        std::optional<std::size_t> pick;
        for (std::size_t j : fits) {
            bool broader = std::any_of(fits.begin(), fits.end(),
                                       [&](std::size_t k) { return narrower(k, j); });
            if (!broader)
                pick = j; // the later of equals
        }
        return pick;
    }

    bool is_key(const std::string &line) const {
        const ColumnSpec &key = spec_.columns[spec_.key_column];
        return key.fits && key.fits->matches(line);
    }

    bool is_heading(const std::string &line) const {
        return spec_.has_heading && spec_.heading.pattern->matches(line);
    }

    void put_header(const Group &group) {
        ++headers_;
        Row header;
        header.cells.resize(spec_.columns.size());
        for (std::size_t j = 0; j < spec_.columns.size(); ++j)
            header.cells[j].paragraphs.push_back(spec_.columns[j].label);
        for (const auto &[column, label] : group.labels)
            header.cells[static_cast<std::size_t>(column)].paragraphs = {label};
        clear(group.first, group.last);
        replace(group.first, Block::table({std::move(header)}));
    }

    // Reads runs after a header to the table's end; returns where it stopped.
    std::size_t read_rows(std::size_t b) {
        since_header_ = true;
        while ((b = next_nonblank(b)) < doc_.blocks.size()) {
            if (ends_here(b))
                break;
            if (std::optional<Group> group = label_group(b)) { // a new page's header
                place_waiting();
                since_header_ = true;
                if (group->labels.size() >= std::max<std::size_t>(spec_.header_min, 2))
                    put_header(*group);
                else
                    clear(group->first, group->last);
                b = group->last + 1;
                continue;
            }
            std::optional<std::size_t> end = run_end(b);
            if (!end)
                break;
            if (stray_labels(b, *end)) { // a label a page's header left behind
                clear(b, *end);
                b = *end + 1;
                continue;
            }
            std::size_t last = *end;
            for (std::size_t k = b + 1; k <= last; ++k)
                if (ends_here(k))
                    last = k - 1;
            read_run(b, last);
            if (last < *end) {
                b = last + 1;
                break;
            }
            b = last + 1;
        }
        place_waiting();
        take_maybe_glued();
        return b;
    }

    // Header labels on their own, not a heading above a row's number.
    bool stray_labels(std::size_t first, std::size_t last) const {
        if (!run_labels(first, last))
            return false;
        std::size_t after = next_nonblank(last + 1);
        bool heading = first == last && is_heading(text(first)) && after < doc_.blocks.size() &&
                       is_key(text(after));
        return !heading;
    }

    bool ends_here(std::size_t b) const {
        auto line = [&](std::size_t k) -> std::string_view {
            return doc_.blocks[k].is_table() ? std::string_view() : doc_.blocks[k].text;
        };
        return ends_table(spec_, line, b, doc_.blocks.size());
    }

    // A run: its rows' numbers with the headings above them, and the cells between.
    void read_run(std::size_t first, std::size_t last) {
        std::size_t from = first;
        for (std::size_t k = first; k <= last; ++k) {
            if (!is_key(text(k)))
                continue;
            std::size_t h = k;
            while (h > from && k - h < kMaxHeadingLines && is_heading(text(h - 1)))
                --h;
            if (h > from && !ends_sentence(text(h - 1)))
                h = k; // the lines above go on from a sentence: not headings
            if (h > from)
                read_cells(from, h - 1);
            for (std::size_t g = h; g < k; ++g)
                put_heading(g);
            begin_row(k);
            from = k + 1;
        }
        if (from <= last)
            read_cells(from, last);
    }

    void put_heading(std::size_t b) {
        if (spec_.has_heading)
            put(b, {{spec_.heading.column, text(b)}});
    }

    // A row's number: the row takes the cells waiting for it, which join its
    // first free text's line (where the row's own text begins), or its number's.
    void begin_row(std::size_t b) {
        if (row_ && empty_row() && waiting_.empty()) {
            // Numbers written one after another, their rows' cells after them
            // in the same order: each number waits for its row's first cells.
            queued_.push_back({b, text(b)});
            clear(b, b);
            return;
        }
        settle_claimed();
        take_maybe_glued();
        put_queued_back();
        claimed_.clear();
        if (!waiting_.empty()) {
            claimed_ = std::move(waiting_.front());
            waiting_.erase(waiting_.begin());
        }
        for (const Cut &c : claimed_)
            clear(c.first, c.last);
        last_put_ = row_ ? std::optional<std::size_t>(row_last_) : std::nullopt;
        remember_previous_row();
        put(b, {{spec_.key_column, text(b)}});
        row_ = b;
        since_header_ = false;
        free_cells_ = 0;
        held_.assign(spec_.columns.size(), false);
        held_[spec_.key_column] = true;
        for (const Cut &c : claimed_)
            held_[c.column] = true;
    }

    // A row's later free text whose first line ends in a cell of the next
    // column ("... team is now Governor") that the document writes as a cell
    // of its own, and which the row never had: the cell was glued there. (Its first line is where a
    // row's cells begin side by side; the cut waits for the row's end, as the cell may still come.)
    struct MaybeGlued {
        std::size_t block = 0, column = 0;
        Glued glued;
    };

    void take_maybe_glued() {
        std::optional<MaybeGlued> maybe = std::exchange(maybe_glued_, std::nullopt);
        if (!maybe || !row_ || held_[maybe->glued.column])
            return;
        Block &b = doc_.blocks[maybe->block];
        if (!b.is_table() || b.rows.front().cells[maybe->column].paragraphs.empty())
            return;
        std::string &text = b.rows.front().cells[maybe->column].paragraphs.front();
        const std::string glued = maybe->glued.head + ' ' + maybe->glued.tail;
        if (text.rfind(glued, 0) != 0 || (text.size() > glued.size() && text[glued.size()] != ' '))
            return;
        text = maybe->glued.head + text.substr(glued.size());
        b.rows.front().cells[maybe->glued.column].paragraphs.push_back(maybe->glued.tail);
        holders_[maybe->glued.column].insert(maybe->block);
        held_[maybe->glued.column] = true;
    }

    // Nothing but its number yet.
    bool empty_row() const {
        return free_cells_ == 0 && claimed_.empty() &&
               std::count(held_.begin(), held_.end(), true) == 1;
    }

    // The next number waiting for its cells begins its row on their line.
    void begin_queued_row(const std::vector<Cut> &cells) {
        auto [origin, key] = queued_.front();
        queued_.erase(queued_.begin());
        settle_claimed();
        std::size_t at = cells.front().first;
        last_put_ = row_last_;
        remember_previous_row();
        std::vector<Cut> with_key = cells;
        with_key.insert(with_key.begin(), Cut{spec_.key_column, at, at, key});
        put_in_place(with_key);
        row_ = at;
        free_cells_ =
            static_cast<std::size_t>(std::count_if(cells.begin(), cells.end(), [&](auto &c) {
                return std::find(free_.begin(), free_.end(), c.column) != free_.end();
            }));
        held_.assign(spec_.columns.size(), false);
        for (const Cut &c : with_key)
            held_[c.column] = true;
    }

    // The row ending as another begins.
    void remember_previous_row() {
        previous_row_ = row_;
        to_previous_ = false;
    }

    // Whether a block in [from, to) holds a cell of this column (a header's labels aside).
    bool holds_between(std::size_t from, std::size_t to, std::size_t column) const {
        const std::set<std::size_t> &blocks = holders_[column];
        auto at = blocks.lower_bound(from);
        return at != blocks.end() && *at < to;
    }

    bool previous_holds(std::size_t column) const {
        return holds_between(*previous_row_, *row_, column);
    }

    // The row before, begun on the current row's page (where the cell at
    // `first` is too), lacks this column's cell but holds every free-text one
    // left of it (a short cell glued to a line is cut from it at the row's end).
    bool previous_lacks(std::size_t column, std::size_t first) const {
        if (!row_ || !previous_row_ || !last_put_)
            return false;
        const std::size_t page = pages_[*row_];
        if (pages_[*previous_row_] != page || pages_[first] != page || previous_holds(column))
            return false;
        for (std::size_t p = 0; p < position(column); ++p)
            if (!spec_.columns[order_[p]].fits && !previous_holds(order_[p]))
                return false;
        return true;
    }

    // pdftotext writes a page's cells column by column, so a row's cell may
    // come after the next row's: a later reply of the current row, which the
    // row before lacks ("5.7 / its text / 5.6's reply / 5.7's reply"), is the
    // row before's, and the shaped cells after it until it holds them.
    bool owed_to_previous(std::size_t column, std::size_t first) const {
        return free_cells_ > 0 && column == free_.back() && !held_[column] &&
               previous_lacks(column, first);
    }

    // So is a shaped cell of a column the current row holds already, or is not
    // ready for (it lacks a column left of it), that the row before lacks (its
    // owner after the next row's text, or reply and owner). (A column of one
    // paragraph a row has its own rule: a second begins a row.)
    bool shaped_owed_to_previous(const std::vector<Cut> &cells) const {
        if (!row_ || !previous_row_)
            return false;
        auto current_holds = [&](std::size_t column, std::size_t first) {
            return held_[column] || holds_between(*row_, first, column);
        };
        return std::all_of(cells.begin(), cells.end(), [&](const Cut &c) {
            bool ready = true;
            for (std::size_t p = 0; p < position(c.column); ++p)
                ready =
                    ready && (order_[p] == spec_.key_column || current_holds(order_[p], c.first));
            return !spec_.columns[c.column].one_paragraph &&
                   (current_holds(c.column, c.first) || !ready) &&
                   previous_lacks(c.column, c.first);
        });
    }

    // Cells given to the row before, on its last line; false if it holds one of them.
    bool give_previous(const std::vector<Cut> &cells) {
        if (std::any_of(cells.begin(), cells.end(),
                        [&](const Cut &c) { return previous_holds(c.column); }))
            return false;
        for (const Cut &c : cells) {
            clear(c.first, c.last);
            append(*last_put_, c.column, c.text);
        }
        return true;
    }

    // Numbers whose cells never came: back where they were written.
    void put_queued_back() {
        for (const auto &[origin, key] : queued_)
            put(origin, {{spec_.key_column, key}});
        queued_.clear();
    }

    // Claimed cells no free text took: on the row's number's line.
    void settle_claimed() {
        if (!row_ || claimed_.empty())
            return;
        std::vector<std::pair<std::size_t, std::string>> cells{{spec_.key_column, text_of_key()}};
        for (const Cut &c : claimed_)
            cells.emplace_back(c.column, c.text);
        put(*row_, cells);
        claimed_.clear();
    }

    std::string text_of_key() const {
        return doc_.blocks[*row_].rows.front().cells[spec_.key_column].paragraphs.front();
    }

    // Cells still waiting at a header or the table's end: the current row's, where they are.
    void place_waiting() {
        settle_claimed();
        put_queued_back();
        for (const std::vector<Cut> &cells : waiting_)
            if (row_)
                put_in_place(cells);
        waiting_.clear();
    }

    // Cells read together (a run): to the current row, or waiting for a row
    // whose number comes later (shaped cells after a header, before the page's
    // first row; a second cell of a column that holds one paragraph a row).
    // Free text `to_row` is the current row's even while cells wait.
    void add(const std::vector<Cut> &cells, bool free_text, bool to_row = false) {
        bool wait = !waiting_.empty() && !(free_text && (since_header_ || to_row));
        wait = wait || (!free_text && (since_header_ || !row_));
        for (const Cut &c : cells) {
            if (!spec_.columns[c.column].one_paragraph)
                continue;
            bool held = wait ? !waiting_.empty() && holds(waiting_.back(), c.column)
                             : row_ && held_[c.column];
            if (held && !wait && !queued_.empty()) {
                begin_queued_row(cells);
                return;
            }
            if (held) {
                waiting_.emplace_back();
                wait = true;
            }
        }
        if (wait) {
            if (waiting_.empty())
                waiting_.emplace_back();
            waiting_.back().insert(waiting_.back().end(), cells.begin(), cells.end());
            return;
        }
        if (!row_)
            return;
        put_in_place(cells);
        for (const Cut &c : cells)
            held_[c.column] = true;
    }

    static bool holds(const std::vector<Cut> &cells, std::size_t column) {
        return std::any_of(cells.begin(), cells.end(), [&](auto &c) { return c.column == column; });
    }

    // Each cell on its first line (cells sharing a line share its row).
    void put_in_place(const std::vector<Cut> &cells) {
        for (const Cut &c : cells)
            clear(c.first, c.last);
        std::map<std::size_t, std::vector<std::pair<std::size_t, std::string>>> lines;
        for (const Cut &c : cells)
            lines[c.first].emplace_back(c.column, c.text);
        for (const auto &[b, row] : lines)
            put(b, row);
    }

    void read_cells(std::size_t first, std::size_t last) {
        std::vector<std::string> lines;
        for (std::size_t b = first; b <= last; ++b)
            lines.push_back(text(b));
        if (std::optional<std::vector<Cut>> cells = shaped_lines(first, lines)) {
            bool previous = to_previous_ || shaped_owed_to_previous(*cells);
            if (!(previous && give_previous(*cells)))
                add(*cells, false);
            return;
        }
        if (!row_ || free_.empty())
            return; // text before the first row is not the table's
        std::size_t after = next_nonblank(last + 1);
        if (std::all_of(lines.begin(), lines.end(), [&](auto &l) { return is_heading(l); }) &&
            after < doc_.blocks.size() && is_key(text(after))) {
            for (std::size_t b = first; b <= last; ++b)
                put_heading(b);
            return;
        }
        read_free_text(first, lines);
    }

    // A run of shaped cells: the whole run one cell, or each line a cell or
    // two side by side ("Governor/Oxleas March 2023"), a column's lines joined.
    std::optional<std::vector<Cut>> shaped_lines(std::size_t first,
                                                 const std::vector<std::string> &lines) const {
        std::string whole = join_lines(lines, 0, lines.size());
        if (std::optional<std::size_t> column = shaped_column(whole))
            return std::vector<Cut>{{*column, first, first + lines.size() - 1, whole}};
        std::map<std::size_t, Cut> by_column;
        auto add_piece = [&](std::size_t column, std::size_t b, const std::string &piece) {
            auto [at, added] = by_column.try_emplace(column, Cut{column, b, b, piece});
            if (!added) {
                at->second.text += ' ' + piece;
                at->second.last = b;
            }
        };
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (std::optional<std::size_t> column = shaped_column(lines[k])) {
                add_piece(*column, first + k, lines[k]);
                continue;
            }
            std::optional<Pair> pair = shaped_pair(lines[k]);
            if (!pair)
                return std::nullopt;
            add_piece(pair->left, first + k, pair->head);
            add_piece(pair->right, first + k, pair->tail);
        }
        std::vector<Cut> cells;
        for (auto &[column, cut] : by_column)
            cells.push_back(std::move(cut));
        return cells;
    }

    // A line holding two shaped cells of columns in the header's order.
    struct Pair {
        std::string head, tail;
        std::size_t left = 0, right = 0;
    };
    std::optional<Pair> shaped_pair(const std::string &line) const {
        std::vector<std::string> words = layout::split_words(line);
        for (std::size_t cut = 1; cut < words.size(); ++cut) {
            std::string head = layout::join_words(words, 0, cut);
            std::string tail = layout::join_words(words, cut, words.size());
            std::optional<std::size_t> left = shaped_column(head), right = shaped_column(tail);
            if (left && right && position(*left) < position(*right))
                return Pair{head, tail, *left, *right};
        }
        return std::nullopt;
    }

    std::size_t position(std::size_t column) const {
        return static_cast<std::size_t>(std::find(order_.begin(), order_.end(), column) -
                                        order_.begin());
    }

    // Free text: the interleaved short cells and a glued one taken out, the
    // rest one cell of a free-text column.
    void read_free_text(std::size_t first, std::vector<std::string> lines) {
        bool to_row = waiting_.empty() || since_header_ || first_after_number(first);
        if (to_row && free_cells_ == 0 && last_put_ && continues(lines.front())) {
            // A cell's first line begins a sentence: this goes on from the row before.
            std::size_t column = free_column(lines, false, true);
            clear(first, first + lines.size() - 1);
            append(*last_put_, column, join_lines(lines, 0, lines.size()));
            return;
        }
        std::size_t column = free_column(lines, to_row);
        std::size_t limit = wraps_at(column);
        if (limit == 0 && lines.size() >= kMinWrapped)
            limit = run_width(lines);
        std::vector<Cut> cells;
        for (std::size_t k = 0; k < lines.size(); ++k)
            if (auto glued =
                    glued_at(lines[k], column, k == 0 && to_row && free_cells_ == 0, limit)) {
                cells.push_back({glued->column, first + k, first + k, glued->tail});
                lines[k] = glued->head;
            }
        if (to_row && free_cells_ > 0 && cells.empty())
            if (auto glued = glued_at(lines.front(), column, true, 0);
                glued && !held_[glued->column] && cell_values_[glued->column].contains(glued->tail))
                maybe_glued_ = MaybeGlued{first, column, *glued};
        if (std::size_t wrap = wraps_at(column))
            for (std::string &line : lines)
                line = hyphens().restore(line, wrap);
        std::size_t widest = 0;
        for (const std::string &l : lines)
            widest = std::max(widest, width(l));
        std::vector<std::string> kept;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            bool inside = k > 0 && k + 1 < lines.size() && !ends_sentence(lines[k - 1]);
            bool short_line =
                static_cast<double>(width(lines[k])) <= kShortShare * static_cast<double>(widest);
            std::optional<std::size_t> shaped =
                inside && short_line ? shaped_column(lines[k]) : std::nullopt;
            if (shaped)
                cells.push_back({*shaped, first + k, first + k, lines[k]});
            else
                kept.push_back(lines[k]);
        }
        cells.insert(cells.begin(), Cut{column, first, first + lines.size() - 1,
                                        join_lines(kept, 0, kept.size())});
        if (to_row && free_cells_ == 0)
            for (Cut c : std::exchange(claimed_, {})) {
                c.first = c.last = first;
                cells.push_back(std::move(c));
            }
        to_previous_ = to_row && owed_to_previous(column, first) && give_previous(cells);
        if (to_previous_)
            return;
        add(cells, true, to_row);
        if (to_row)
            ++free_cells_;
    }

    // A row's first free text right after its number (blank lines between): its
    // own, though cells of later rows wait (their numbers come after it).
    bool first_after_number(std::size_t first) const {
        if (!row_ || free_cells_ > 0)
            return false;
        std::size_t b = first;
        while (b > 0 && blank(b - 1))
            --b;
        return b > 0 && b - 1 == *row_;
    }

    // The next column's short cell glued to the end of a line, which it makes
    // wider than its column wraps at (`limit`; "... available Partly Agreed"),
    // or at the end of a row's first line, where the cells begin side by side.
    std::optional<Glued> glued_at(const std::string &line, std::size_t column, bool row_first,
                                  std::size_t limit) const {
        std::optional<std::size_t> next = next_column(column);
        bool wide = limit > 0 && width(line) > limit + kWidthSlack;
        if (!next || !(row_first || wide))
            return std::nullopt;
        std::size_t most = wide ? limit + kWidthSlack : width(line);
        std::vector<std::string> words = layout::split_words(line);
        std::optional<Glued> found;
        for (std::size_t k = 1; k <= kMaxGluedWords && k + 2 <= words.size(); ++k) {
            std::size_t cut = words.size() - k;
            std::string head = layout::join_words(words, 0, cut);
            std::string tail = layout::join_words(words, cut, words.size());
            bool lower = std::islower(static_cast<unsigned char>(tail.front())) != 0;
            if (lower || width(head) > most || shaped_column(tail) != next)
                continue;
            // The shortest that fits, or a longer one the document writes as a
            // cell of its own ("Agreed" or "Partly Agreed").
            if (!found || cell_values_[*next].contains(tail))
                found = Glued{head, tail, *next};
        }
        return found;
    }

    // The column after `column` in the header's order.
    std::optional<std::size_t> next_column(std::size_t column) const {
        for (std::size_t p = 0; p + 1 < order_.size(); ++p)
            if (order_[p] == column)
                return order_[p + 1];
        return std::nullopt;
    }

    // Free text goes by the width it wraps at when the two free-text columns'
    // widths are known (a cell wraps at its column's width) and it is clearly
    // one's, or when it goes on from the row before (after a page break, either
    // cell may go on); else a row's first goes to the first free-text column,
    // later ones (and those of a row whose number comes later) to the last.
    std::size_t free_column(const std::vector<std::string> &lines, bool to_row,
                            bool goes_on = false) const {
        std::size_t wraps = split_ > 0 && lines.size() >= kMinWrapped ? run_wraps_at(lines) : 0;
        if (split_ > 0 && lines.size() == 2 && continues(lines.front()) &&
            width(lines.front()) <= wide_max_ + kWidthSlack)
            wraps = width(lines.front()); // two lines going on from a cell: the first is full
        if (wraps > split_ + kWidthSlack || (goes_on && wraps > split_))
            return free_.back();
        if (wraps > 0 && (goes_on || wraps + kWidthSlack < split_))
            return free_.front();
        return to_row && free_cells_ == 0 ? free_.front() : free_.back();
    }

    // The document's words, to put back hyphens dropped where two lines were joined.
    const layout::LostHyphens &hyphens() {
        if (!hyphens_) {
            std::vector<std::string> lines;
            for (std::size_t b = 0; b < doc_.blocks.size(); ++b)
                lines.push_back(text(b));
            hyphens_.emplace(lines);
        }
        return *hyphens_;
    }

    // The width the run wraps at, its widest line: lines wider
    // than even the wide column left out (two lines joined: "... higherlevel
    // qualifications, and those working in", or a cell glued), and the first
    // if a cell of the next column could be glued to it.
    std::size_t run_wraps_at(const std::vector<std::string> &lines) const {
        std::size_t widest = 0;
        bool glued = glued_at(lines.front(), free_.front(), true, 0) ||
                     glued_at(lines.front(), free_.back(), true, 0);
        for (std::size_t k = glued ? 1 : 0; k < lines.size(); ++k)
            if (std::size_t w = width(lines[k]); w <= wide_max_ + kWidthSlack)
                widest = std::max(widest, w);
        return widest;
    }

    // The widest a free-text column's wrapped lines were seen (0: unknown).
    std::size_t wraps_at(std::size_t column) const {
        if (split_ == 0)
            return 0;
        return column == free_.front() ? narrow_max_ : wide_max_;
    }

    // The widths the runs of free text after block b wrap at fall in two
    // groups when there are two free-text columns: parted where the two
    // groups are tightest (Otsu's threshold), far outliers left out.
    void learn_widths(std::size_t b) {
        split_ = 0;
        if (free_.size() != 2)
            return;
        std::vector<std::size_t> widths;
        for (b = next_nonblank(b); b < doc_.blocks.size(); b = next_nonblank(b + 1)) {
            std::optional<std::size_t> end = run_end(b);
            if (!end)
                continue;
            std::vector<std::string> lines;
            bool key = false;
            for (std::size_t k = b; k <= *end; ++k) {
                lines.push_back(text(k));
                key = key || is_key(lines.back());
            }
            if (!key && lines.size() >= kMinWrapped && !shaped_lines(b, lines) &&
                !run_labels(b, *end))
                widths.push_back(run_width(lines));
            b = *end;
        }
        if (widths.size() < 2 * kMinWrapped)
            return;
        std::sort(widths.begin(), widths.end());
        std::size_t median = widths[widths.size() / 2];
        std::erase_if(widths, [&](std::size_t w) { return 2 * w < median || 2 * w > 3 * median; });
        split_ = otsu(widths);
        auto wide = std::upper_bound(widths.begin(), widths.end(), split_);
        narrow_max_ = group_edge({widths.begin(), wide});
        wide_max_ = group_edge({wide, widths.end()});
        if (narrow_max_ == 0 || wide_max_ == 0 || wide_max_ - narrow_max_ < kMinGap)
            split_ = 0;
    }

    // The width a group of runs (sorted) wraps at: its widest but those above a
    // gap in its upper half, runs made wider by another column's cell glued to
    // a line ("... as this training is Governor").
    static std::size_t group_edge(std::vector<std::size_t> group) {
        if (group.empty())
            return 0;
        for (std::size_t k = group.size() / 2 + 1; k < group.size(); ++k)
            if (group[k] - group[k - 1] > kEdgeGap)
                return group[k - 1];
        return group.back();
    }

    // The threshold parting sorted values into two groups of least spread.
    static std::size_t otsu(const std::vector<std::size_t> &sorted) {
        double best = -1;
        std::size_t threshold = 0;
        for (std::size_t k = 1; k < sorted.size(); ++k) {
            if (sorted[k] == sorted[k - 1])
                continue;
            double n0 = static_cast<double>(k), n1 = static_cast<double>(sorted.size() - k);
            double m0 = 0, m1 = 0;
            for (std::size_t i = 0; i < sorted.size(); ++i)
                (i < k ? m0 : m1) += static_cast<double>(sorted[i]);
            m0 /= n0;
            m1 /= n1;
            double between = n0 * n1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                threshold = sorted[k - 1];
            }
        }
        return threshold;
    }

    void clear(std::size_t first, std::size_t last) {
        for (std::size_t b = first; b <= last && b < doc_.blocks.size(); ++b)
            replace(b, Block::paragraph("", doc_.blocks[b].page));
    }

    // Block b becomes a one-row table block holding these cells.
    static bool continues(const std::string &line) {
        return !line.empty() && std::islower(static_cast<unsigned char>(line.front())) != 0;
    }

    // Adds a paragraph to a column of the one-row table block b.
    void append(std::size_t b, std::size_t column, const std::string &cell) {
        doc_.blocks[b].rows.front().cells[column].paragraphs.push_back(cell);
        holders_[column].insert(b);
    }

    void put(std::size_t b, const std::vector<std::pair<std::size_t, std::string>> &cells) {
        Row row;
        row.cells.resize(spec_.columns.size());
        for (const auto &[column, cell] : cells)
            row.cells[column].paragraphs.push_back(cell);
        replace(b, Block::table({std::move(row)}, doc_.blocks[b].page));
        for (const auto &[column, cell] : cells)
            holders_[column].insert(b);
        row_last_ = std::max(row_last_, b);
    }

    // Keeps the page a line began (a form feed in text, or the block's mark).
    void replace(std::size_t b, Block block) {
        for (std::set<std::size_t> &blocks : holders_)
            blocks.erase(b);
        Block &old = doc_.blocks[b];
        block.page_start = old.page_start ||
                           (!old.is_table() && !old.text.empty() && old.text.front() == kPageBreak);
        old = std::move(block);
    }

    Document &doc_;
    const TableSpec &spec_;
    mutable layout::LabelNamer label_names_;       // (a cache: asked from const members)
    std::vector<std::size_t> order_;               // the columns in the header's order
    std::vector<std::size_t> free_;                // free-text columns, in the header's order
    std::vector<std::vector<std::size_t>> fitted_; // per column, the lines its `fits` matches
    std::vector<std::unordered_set<std::string>> cell_values_; // and those lines' texts
    std::vector<std::vector<Cut>> waiting_; // cells of rows whose numbers come later
    std::vector<bool> held_;                // columns the current row holds
    std::optional<MaybeGlued> maybe_glued_; // a cell the current row's free text may hold
    std::vector<Cut> claimed_;              // waiting cells the current row took
    std::size_t headers_ = 0;               // header rows made, a repeated one too
    std::vector<std::pair<std::size_t, std::string>> queued_; // numbers waiting for their cells
    std::size_t row_last_ = 0;                                // the last block a cell was put on
    std::optional<std::size_t> last_put_;                     // ... before the current row began
    std::optional<std::size_t> row_;                          // the current row's first block
    std::optional<std::size_t> previous_row_;                 // the row before's
    bool to_previous_ = false;   // the last free text went to the row before
    bool since_header_ = true;   // no row began since the last header
    std::size_t free_cells_ = 0; // free-text cells given to the current row
    std::size_t split_ = 0;      // free text wrapping at most this wide is the first column's
    std::size_t narrow_max_ = 0; // the widest the first free-text column wraps at
    std::size_t wide_max_ = 0;   // the widest the last free-text column wraps at
    std::optional<layout::LostHyphens> hyphens_;
    std::vector<std::size_t> pages_; // each block's page
    // per column, the blocks holding its cells (a header's labels aside)
    std::vector<std::set<std::size_t>> holders_ =
        std::vector<std::set<std::size_t>>(spec_.columns.size());
};

} // namespace

std::size_t recover_cell_blocks(Document &doc, const TableSpec &spec) {
    if (spec.header_min == 0)
        return 0;
    return Recovery(doc, spec).run();
}

} // namespace inspex
