#include "inspex/layout/columns.hpp"

#include "inspex/model/text_view.hpp"
#include "inspex/normalize.hpp"
#include "labels.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace inspex {
namespace {

constexpr std::size_t kMaxBand = 5;       // lines a wrapped header may take
constexpr std::size_t kMaxCutWords = 10;  // words of a header phrase cut into labels
constexpr double kGutter = 1.6;           // a gap this many characters wide parts columns
constexpr std::size_t kProseRun = 6;      // lines across the columns that end a table
constexpr double kUnknownCharWidth = 1.0; // a line of no words
// How far left of its column a word may sit and still be the column's (text
// laid out by pdftotext -layout squeezes a short cell against its neighbour).
constexpr double kSqueeze = 8.0;
// How far left of its label a column's text may begin on a line, after a
// gutter (a label centred over its column).
constexpr double kSnap = 12.0;
// The space between a column's text and the next column's (padding, rules).
constexpr double kCellMargin = 1.5;

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The words of a line of text at their character columns (code points).
std::vector<Word> words_of_text(std::string_view text) {
    std::vector<Word> words;
    double column = 0;
    Word current;
    bool in_word = false;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        bool end = i == text.size();
        if (!end && is_continuation_byte(text[i])) {
            current.text += text[i];
            continue;
        }
        bool space = end || text[i] == ' ' || text[i] == '\t' || text[i] == kPageBreak;
        if (space && in_word) {
            current.x1 = column;
            words.push_back(std::move(current));
            current = Word{};
            in_word = false;
        } else if (!space) {
            if (!in_word)
                current.x0 = column;
            in_word = true;
            current.text += text[i];
        }
        if (!end && text[i] != kPageBreak)
            column += 1;
    }
    return words;
}

// A line of the document as positioned words.
struct PlacedLine {
    std::size_t block = 0;
    std::vector<Word> words;
    double char_width = kUnknownCharWidth;
    bool from_text = false; // positions are character columns of aligned text
    [[nodiscard]] bool blank() const { return words.empty(); }
};

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation_byte(c); }));
}

PlacedLine place_line(const Block &b, std::size_t index) {
    PlacedLine line{index, b.words.empty() ? words_of_text(b.text) : b.words, kUnknownCharWidth,
                    b.words.empty()};
    double width = 0;
    std::size_t chars = 0;
    for (const Word &w : line.words) {
        width += w.x1 - w.x0;
        chars += code_points(w.text);
    }
    if (chars > 0 && width > 0)
        line.char_width = width / static_cast<double>(chars);
    return line;
}

// The left edges of a line's phrases: runs of words closer than a gutter.
std::vector<double> phrase_starts(const PlacedLine &line) {
    std::vector<double> starts;
    for (std::size_t i = 0; i < line.words.size(); ++i)
        if (i == 0 || line.words[i].x0 - line.words[i - 1].x1 >= kGutter * line.char_width)
            starts.push_back(line.words[i].x0);
    return starts;
}

// The column (index into starts) a word falls in: the last start at or left of it.
std::size_t column_of(const Word &w, const std::vector<double> &starts, double tolerance) {
    std::size_t c = 0;
    for (std::size_t j = 1; j < starts.size(); ++j)
        if (w.x0 + tolerance >= starts[j])
            c = j;
    return c;
}

std::vector<std::string> cells_of(const PlacedLine &line, const std::vector<double> &starts) {
    std::vector<std::string> cells(starts.size());
    for (const Word &w : line.words) {
        std::string &cell = cells[column_of(w, starts, line.char_width)];
        if (!cell.empty())
            cell += ' ';
        cell += w.text;
    }
    return cells;
}

// The words of a line in column c.
std::vector<const Word *> words_in(const PlacedLine &line, const std::vector<double> &starts,
                                   std::size_t c) {
    std::vector<const Word *> out;
    for (const Word &w : line.words)
        if (column_of(w, starts, line.char_width) == c)
            out.push_back(&w);
    return out;
}

// The first of column c's words on a line that a pull into column c + 1 may
// take: its second (a cell's first word stays where it began), or its first
// when that lies nearer column c + 1's edge than its own (text begins at its
// column's edge: "2019" squeezed left of the date's edge under "September").
std::size_t first_pullable(const std::vector<const Word *> &words,
                           const std::vector<double> &starts, std::size_t c) {
    if (words.empty() || c + 1 >= starts.size())
        return 1;
    double x = words.front()->x0;
    return x - starts[c] > starts[c + 1] - x ? 0 : 1;
}

// The text of words[k..], a space between each.
std::string text_from(const std::vector<const Word *> &words, std::size_t k) {
    std::string text;
    for (std::size_t t = k; t < words.size(); ++t)
        text += (text.empty() ? "" : " ") + words[t]->text;
    return text;
}

// The columns' left edges on one line: a phrase beginning a little left of a
// column's label, after a gutter, begins that column here (a cell's text set
// a few characters left of its label: "...with Line      Governor and Head of").
std::vector<double> edges_on(const PlacedLine &line, std::vector<double> starts) {
    std::vector<double> phrases = phrase_starts(line);
    for (std::size_t j = 1; j < starts.size(); ++j)
        for (double p : phrases)
            if (p < starts[j] - line.char_width && p >= starts[j] - kSnap * line.char_width &&
                p > starts[j - 1] + kSnap * line.char_width) {
                starts[j] = p;
                break;
            }
    return starts;
}

// Where each column's text begins on a line (0: no text there).
std::vector<double> text_begins(const PlacedLine &line, const std::vector<double> &starts) {
    std::vector<double> begins(starts.size(), 0);
    for (const Word &w : line.words)
        if (double &b = begins[column_of(w, starts, line.char_width)]; b == 0)
            b = w.x0;
    return begins;
}

// The columns' left edges on a line once its cells are settled: where each
// column's text begins there (a value pulled from the column before, words
// given back to it), elsewhere the edge found before; the edges as found
// where those would not stay in order.
std::vector<double> placed_edges(const std::vector<double> &starts,
                                 const std::vector<double> &begins) {
    std::vector<double> edges = starts;
    for (std::size_t j = 1; j < edges.size() && j < begins.size(); ++j)
        if (begins[j] > 0)
            edges[j] = begins[j];
    return std::is_sorted(edges.begin(), edges.end()) ? edges : starts;
}

// A word lying across a column's left edge: a line of prose, not of the table.
bool crosses_columns(const PlacedLine &line, const std::vector<double> &starts) {
    for (const Word &w : line.words)
        for (std::size_t j = 1; j < starts.size(); ++j)
            if (w.x0 < starts[j] - line.char_width && w.x1 > starts[j] + line.char_width)
                return true;
    return false;
}

struct Header {
    std::vector<double> starts;     // left edge of each column found
    std::vector<std::string> texts; // each column's label, over the band's lines
    std::vector<int> columns;       // the grammar column each label names (-1: none)
    std::size_t lines = 0;          // lines of the band
};

class Recovery {
  public:
    Recovery(Document &doc, const TableSpec &spec) : doc_(doc), spec_(spec) {
        for (std::size_t i = 0; i < doc.blocks.size(); ++i)
            if (!doc.blocks[i].is_table())
                lines_.push_back(place_line(doc.blocks[i], i));
            else
                lines_.push_back(PlacedLine{i, {}, kUnknownCharWidth});
    }

    std::size_t run() {
        std::size_t tables = 0;
        for (std::size_t i = 0; i < lines_.size();) {
            auto header = header_at(i);
            if (!header) {
                ++i;
                continue;
            }
            ++tables;
            i = read_table(i, *header);
        }
        if (tables)
            number_lines(doc_);
        return tables;
    }

  private:
    bool is_paragraph(std::size_t i) const { return !doc_.blocks[lines_[i].block].is_table(); }

    // The grammar column each label names by its header pattern, each once (-1: none).
    std::vector<int> named(const std::vector<std::string> &labels) const {
        std::vector<int> columns(labels.size(), -1);
        std::vector<bool> used(spec_.columns.size(), false);
        for (std::size_t l = 0; l < labels.size(); ++l)
            for (std::size_t j = 0; j < spec_.columns.size() && columns[l] < 0; ++j)
                if (!used[j] && spec_.columns[j].header &&
                    spec_.columns[j].header->matches(labels[l])) {
                    used[j] = true;
                    columns[l] = static_cast<int>(j);
                }
        return columns;
    }

    static std::size_t count_named(const std::vector<int> &columns) {
        return static_cast<std::size_t>(
            std::count_if(columns.begin(), columns.end(), [](int c) { return c >= 0; }));
    }

    // Words at the end of a cell that fit the next column's declared shape and
    // lie near its edge (its label's, or where its text began on the line
    // above, if further left) belong to it, when it is empty on this line, or when
    // it holds one short value they begin ("... of Partly" | "Agreed"); so do
    // words that make the next column's text begin a row ("Regime Recovery
    // i)" | "A Recovery ..."). Only where a cell can begin: on a row's first
    // line, or on the line after one where the cell already had text (a cell
    // wrapped over lines). Returns where each column's text begins on the line
    // (0: none).
    std::vector<double> pull_squeezed(const PlacedLine &line, const Header &header,
                                      const std::vector<std::string> &previous,
                                      const std::vector<double> &began_above,
                                      const PlacedLine *below,
                                      std::vector<std::string> &cells) const {
        Squeeze squeeze{line,     header,
                        previous, began_above,
                        below,    starts_row(header, cells),
                        cells,    text_begins(line, header.starts)};
        for (std::size_t j = cells.size(); j-- > 1;) {
            bool wrapped = j < previous.size() && !previous[j].empty();
            if (header.columns[j] >= 0 && (squeeze.row_start || wrapped))
                pull_into(squeeze, j);
        }
        return squeeze.begins;
    }

    // A line whose cells' tails may be pulled into the next columns.
    struct Squeeze {
        const PlacedLine &line;
        const Header &header;
        const std::vector<std::string> &previous; // the line above's cells
        const std::vector<double> &began_above;   // where they began
        const PlacedLine *below;                  // the line below, if one
        bool row_start;
        std::vector<std::string> &cells;
        std::vector<double> begins; // where each column's text begins on the line
    };

    // Pulls a tail of column j - 1's words into column j: near its label,
    // the longest that fits; further left on a row's first line, the fewest;
    // near where the column began on the line above, a value it already had.
    void pull_into(Squeeze &sq, std::size_t j) const {
        std::vector<const Word *> left = words_in(sq.line, sq.header.starts, j - 1);
        double near = sq.header.starts[j] - kSqueeze * sq.line.char_width;
        double far = sq.header.starts[j] - kSnap * sq.line.char_width;
        // A value the column already had, set clear of its neighbours, that a
        // tail near the label makes with the column's text, the longest
        // ("CEO Care" | "UK": "CEO Care UK", not "UK").
        if (j < clean_values_.size())
            for (std::size_t k = 1; k < left.size(); ++k)
                if (left[k]->x0 >= far && pull_known(sq, j, left, k))
                    return;
        // In a PDF, where positions are exact, a line going on gives a tail
        // left of a many-values column only when it is a value the column
        // already had ("... In-Patients Unit" keeps "Unit"); in aligned
        // text, where character columns squeeze a proportional font, any
        // that fits.
        const ColumnSpec &spec = spec_.columns[static_cast<std::size_t>(sq.header.columns[j])];
        bool any = sq.row_start || spec.one_paragraph || sq.line.from_text;
        for (std::size_t k = first_pullable(left, sq.header.starts, j - 1); k < left.size();
             ++k) // longest tail first
            if (left[k]->x0 >= near && (any || known(j, text_from(left, k))) &&
                pull(sq, j, left, k, near))
                return;
        if (!sq.cells[j].empty())
            return;
        // A row's first line with nothing in the column: its value may sit
        // further left (a label set well right of its column's edge); then
        // the fewest words that fit, the least taken from the sentence.
        if (sq.row_start)
            for (std::size_t k = left.size(); k-- > 1;)
                if (left[k]->x0 >= far && left[k]->x0 < near && pull(sq, j, left, k, near))
                    return;
        // Near where the column's text began on the line above, further
        // left: a value the column already had in this table, set clear of
        // its neighbours ("Director" below "Director"; never a sentence's
        // last capitalised word, "Security Hub").
        if (j >= sq.began_above.size() || sq.began_above[j] <= 0 || j >= clean_values_.size())
            return;
        double above = sq.began_above[j] - kSqueeze * sq.line.char_width;
        for (std::size_t k = 1; k < left.size(); ++k)
            if (left[k]->x0 >= above && left[k]->x0 < near &&
                clean_values_[j].contains(text_from(left, k)) && pull(sq, j, left, k, near))
                return;
    }

    bool known(std::size_t j, const std::string &value) const {
        return j < clean_values_.size() && clean_values_[j].contains(value);
    }

    // Moves the tail of column j - 1 from word k into column j where the
    // value it makes there is one of the column's clean values.
    bool pull_known(Squeeze &sq, std::size_t j, const std::vector<const Word *> &left,
                    std::size_t k) const {
        std::string tail = text_from(left, k);
        std::string &cell = sq.cells[j];
        std::string value = cell.empty() ? tail : tail + ' ' + cell;
        if (!clean_values_[j].contains(value))
            return false;
        move_tail(sq, j, left[k]->x0, tail.size(), std::move(value));
        return true;
    }

    // Moves the tail of column j - 1 from word k into column j, if the column
    // takes it, or it is part of a value wrapped over two lines.
    bool pull(Squeeze &sq, std::size_t j, const std::vector<const Word *> &left, std::size_t k,
              double near) const {
        int column = sq.header.columns[j];
        std::string tail = text_from(left, k);
        std::string &cell = sq.cells[j];
        const std::string &above = j < sq.previous.size() ? sq.previous[j] : std::string();
        std::optional<std::string> value = takes(static_cast<std::size_t>(column), tail, cell);
        if (!value && cell.empty() &&
            part_of_value(column, tail, above,
                          sq.below ? tails_near(*sq.below, sq.header.starts, j, near)
                                   : std::vector<std::string>{}))
            value = tail;
        if (!value || (!sq.row_start && after_whole_value(column, above, cell)))
            return false;
        move_tail(sq, j, left[k]->x0, tail.size(), std::move(*value));
        return true;
    }

    // Column j's cell becomes `value`, its text beginning at x; the tail
    // (`tail_size` bytes) leaves the end of column j - 1's cell.
    static void move_tail(Squeeze &sq, std::size_t j, double x, std::size_t tail_size,
                          std::string value) {
        sq.cells[j] = std::move(value);
        std::string &before = sq.cells[j - 1];
        before.resize(before.size() > tail_size ? before.size() - tail_size - 1 : 0);
        if (before.empty()) // the tail was all of it: column j - 1 has no text on the line
            sq.begins[j - 1] = 0;
        sq.begins[j] = x;
    }

    // The cells of value columns that fit them and begin clear of the words
    // before them (after a gutter): values the table writes in that column.
    void remember_clean_values(const PlacedLine &line, const Header &header,
                               const std::vector<std::string> &cells,
                               const std::vector<double> &begins) {
        clean_values_.resize(cells.size());
        for (std::size_t j = 0; j < cells.size() && j < begins.size(); ++j) {
            int column = header.columns[j];
            if (column < 0 || cells[j].empty() || !spec_.columns[column].fits ||
                !spec_.columns[column].fits->matches(cells[j]))
                continue;
            double before = 0; // the right edge of the word before the cell's first
            for (const Word &w : line.words)
                if (w.x1 <= begins[j])
                    before = std::max(before, w.x1);
            if (before == 0 || begins[j] - before >= kGutter * line.char_width)
                clean_values_[j].insert(cells[j]);
        }
    }

    // A value column's cell followed by words near the next column's edge
    // that make it fit no value: when the words before them fit, those words
    // begin the next column's free text ("Partly Agreed This" | "recommendation
    // is ...", the reply set against the status).
    void push_overflow(const PlacedLine &line, const Header &header,
                       std::vector<std::string> &cells, std::vector<double> &begins) const {
        for (std::size_t j = 0; j + 1 < cells.size(); ++j) {
            int column = header.columns[j], next = header.columns[j + 1];
            if (column < 0 || next < 0 || cells[j].empty() || spec_.columns[next].fits)
                continue;
            const Regex *fits = spec_.columns[column].fits.get();
            if (!fits || fits->matches(cells[j]))
                continue;
            std::vector<const Word *> here = words_in(line, header.starts, j);
            double near = header.starts[j + 1] - kSqueeze * line.char_width;
            std::string head;
            for (std::size_t k = 0; k + 1 < here.size(); ++k) {
                head += (head.empty() ? "" : " ") + here[k]->text;
                if (here[k + 1]->x0 < near || !fits->matches(head))
                    continue;
                std::string tail = cells[j].substr(head.size() + 1);
                cells[j + 1] = cells[j + 1].empty() ? tail : tail + ' ' + cells[j + 1];
                cells[j] = head;
                begins[j + 1] = here[k + 1]->x0;
                break;
            }
        }
    }

    // On a row's first line (where a value begins, none goes on from above), a
    // value column's cell whose first words, near its edge, make it fit no
    // value while the rest fits: those words end the free text of the column
    // before ("... child protection or" | "Agreed").
    void give_back_leading(const PlacedLine &line, const Header &header,
                           std::vector<std::string> &cells, std::vector<double> &begins) const {
        if (!starts_row(header, cells))
            return;
        for (std::size_t j = 1; j < cells.size(); ++j) {
            int column = header.columns[j], before = header.columns[j - 1];
            if (column < 0 || before < 0 || cells[j].empty() || cells[j - 1].empty() ||
                spec_.columns[before].fits)
                continue;
            const Regex *fits = spec_.columns[column].fits.get();
            if (!fits || fits->matches(cells[j]))
                continue;
            std::vector<const Word *> here = words_in(line, header.starts, j);
            double near = header.starts[j] + kSqueeze * line.char_width;
            std::string head;
            for (std::size_t k = 0; k + 1 < here.size() && here[k]->x0 < near; ++k) {
                head += (head.empty() ? "" : " ") + here[k]->text;
                std::string rest = cells[j].substr(head.size() + 1);
                if (!fits->matches(rest))
                    continue;
                cells[j - 1] += ' ' + head;
                cells[j] = rest;
                begins[j] = here[k + 1]->x0;
                break;
            }
        }
    }

    // The tails of a line's words in the column before column j that begin at
    // or right of `near`, longest first, then the line's own text in column j.
    static std::vector<std::string> tails_near(const PlacedLine &line,
                                               const std::vector<double> &starts, std::size_t j,
                                               double near) {
        std::vector<const Word *> left = words_in(line, starts, j - 1);
        std::vector<std::string> tails;
        for (std::size_t k = first_pullable(left, starts, j - 1); k < left.size(); ++k)
            if (left[k]->x0 >= near)
                tails.push_back(text_from(left, k));
        if (std::vector<const Word *> own = words_in(line, starts, j); !own.empty())
            tails.push_back(text_from(own, 0)); // the column's own text there
        return tails;
    }

    // A value wrapped over two lines and squeezed on both: a tail that fits
    // the column only with a tail of the line below ("Partly" / "Agreed",
    // "December" / "2020"), or after the column's unfinished text above.
    bool part_of_value(int column, const std::string &tail, const std::string &above,
                       const std::vector<std::string> &below) const {
        const Regex *fits = spec_.columns[static_cast<std::size_t>(column)].fits.get();
        if (!fits)
            return false;
        auto joined = [](std::string first, const std::string &second) {
            layout::append_line(first, second); // as cells' lines join: none after a slash
            return first;
        };
        if (!above.empty() && !fits->matches(above) && fits->matches(joined(above, tail)))
            return true;
        return std::any_of(below.begin(), below.end(),
                           [&](const std::string &b) { return fits->matches(joined(tail, b)); });
    }

    // In a column of one value a cell (one_paragraph), a line going on from
    // the one above adds to the value only where it is unfinished ("Governor,
    // Head of" / "PPSP and ..."), never after a whole one ("Governor" / "...
    // Use of Force"). (A column of a value a paragraph takes the next one.)
    bool after_whole_value(int column, const std::string &above, const std::string &cell) const {
        const ColumnSpec &spec = spec_.columns[static_cast<std::size_t>(column)];
        return cell.empty() && spec.one_paragraph && spec.fits && spec.fits->matches(above);
    }

    // The cell a column's text makes with a tail of the cell before it, if
    // the column takes the tail: the two fit its shape, or begin a row there.
    std::optional<std::string> takes(std::size_t column, const std::string &tail,
                                     const std::string &cell) const {
        const ColumnSpec &spec = spec_.columns[column];
        if (spec.fits) {
            // Into a cell holding text, a fragment its text completes
            // ("Partly" before "Agreed") or that completes it ("Governor"
            // before "and Head of"); not a value of its own before another
            // ("Clinical" before "NHSE&I").
            if (!cell.empty() && !spec.one_paragraph)
                return std::nullopt;
            if (!cell.empty() && spec.fits->matches(tail) && spec.fits->matches(cell))
                return std::nullopt;
            // A value does not begin with a small letter: "... did not" | "Agreed"
            // leaves "not" in its sentence.
            if (!cell.empty() && std::islower(static_cast<unsigned char>(tail.front())))
                return std::nullopt;
            std::string value = cell.empty() ? tail : tail + ' ' + cell;
            return spec.fits->matches(value) ? std::optional<std::string>(value) : std::nullopt;
        }
        if (cell.empty())
            return std::nullopt;
        std::string value = tail + ' ' + cell;
        for (const RowStartRule &rule : spec_.row_starts)
            if (rule.column == column && rule.pattern->matches(value) &&
                !rule.pattern->matches(cell))
                return value;
        return std::nullopt;
    }

    // A header band beginning at line i: its first line's phrases give the
    // columns, the lines below add to their labels; a phrase is cut where its
    // parts name more columns (labels set one space apart when the columns
    // are full: "5. Responsible 6. Target Date").
    std::optional<Header> header_at(std::size_t i) const {
        if (!is_paragraph(i) || lines_[i].blank())
            return std::nullopt;
        std::vector<double> phrases = phrase_starts(lines_[i]);
        Header best = band_header(i, phrases);
        std::size_t named_here = count_named(best.columns);
        // Cutting is tried only where the phrases already look like labels.
        if (named_here >= 1 && named_here < spec_.columns.size()) {
            std::vector<double> cut = cut_phrases(i, phrases);
            if (cut.size() > phrases.size())
                if (Header other = band_header(i, cut); count_named(other.columns) > named_here)
                    best = std::move(other);
        }
        if (count_named(best.columns) < std::max<std::size_t>(spec_.header_min, 2))
            return std::nullopt;
        return best;
    }

    // The lines of a header band from line i: up to kMaxBand, a label's
    // wrapped words possibly a paragraph gap below the rest.
    std::vector<std::size_t> band_lines(std::size_t i) const {
        std::vector<std::size_t> band;
        std::size_t blanks = 0;
        for (std::size_t k = 0; k < kMaxBand && i + k < lines_.size(); ++k) {
            if (!is_paragraph(i + k))
                break;
            if (lines_[i + k].blank()) {
                if (k == 0 || ++blanks > 1)
                    break;
                continue;
            }
            band.push_back(i + k);
        }
        return band;
    }

    // The header the band from line i gives with these column starts: of its
    // first lines, those naming the most columns.
    Header band_header(std::size_t i, const std::vector<double> &starts) const {
        Header best;
        std::size_t best_named = 0;
        Header h{starts, std::vector<std::string>(starts.size()), {}, 0};
        for (std::size_t k : band_lines(i)) {
            std::vector<std::string> cells = cells_of(lines_[k], h.starts);
            for (std::size_t c = 0; c < cells.size(); ++c)
                if (!cells[c].empty())
                    h.texts[c] += (h.texts[c].empty() ? "" : " ") + cells[c];
            h.lines = k - i + 1;
            h.columns = named(h.texts);
            std::size_t n = count_named(h.columns);
            if (n > best_named || (n == best_named && n > 0 && continues_labels(cells, h))) {
                best_named = n;
                best = h;
            }
        }
        return best;
    }

    // The phrases' starts, each phrase cut at the words where its parts, with
    // the band's words below them, each name a different column, as many as
    // can be (a phrase left whole where no cut names two).
    std::vector<double> cut_phrases(std::size_t i, const std::vector<double> &phrases) const {
        const PlacedLine &first = lines_[i];
        std::vector<std::size_t> band = band_lines(i);
        std::vector<double> out;
        for (std::size_t p = 0; p < phrases.size(); ++p) {
            std::vector<double> word_starts;
            for (const Word &w : first.words)
                if (column_of(w, phrases, first.char_width) == p)
                    word_starts.push_back(w.x0);
            std::vector<double> pieces = best_pieces(band, phrases, p, word_starts);
            out.insert(out.end(), pieces.begin(), pieces.end());
        }
        return out;
    }

    // The starts of phrase p's parts (a subset of its words' starts, the
    // first always) whose band texts each name a different column, the most
    // parts found; the phrase's own start alone when no cut names two.
    std::vector<double> best_pieces(const std::vector<std::size_t> &band,
                                    const std::vector<double> &phrases, std::size_t p,
                                    const std::vector<double> &word_starts) const {
        std::vector<double> best{phrases[p]};
        std::size_t n = word_starts.size();
        if (n < 2 || n > kMaxCutWords)
            return best;
        for (unsigned mask = 1; mask < (1U << (n - 1)); ++mask) {
            std::vector<double> pieces{phrases[p]};
            for (std::size_t w = 1; w < n; ++w)
                if (mask & (1U << (w - 1)))
                    pieces.push_back(word_starts[w]);
            if (pieces.size() > best.size() && pieces_name_columns(band, phrases, p, pieces))
                best = std::move(pieces);
        }
        return best;
    }

    // Whether each part of phrase p, cut at `pieces`, names a column of its
    // own with the words below it on the band's first lines.
    bool pieces_name_columns(const std::vector<std::size_t> &band,
                             const std::vector<double> &phrases, std::size_t p,
                             const std::vector<double> &pieces) const {
        std::vector<double> starts(phrases.begin(), phrases.begin() + static_cast<long>(p));
        starts.insert(starts.end(), pieces.begin(), pieces.end());
        starts.insert(starts.end(), phrases.begin() + static_cast<long>(p) + 1, phrases.end());
        std::vector<std::string> texts(pieces.size());
        for (std::size_t k : band) { // the band's first lines, as many as name them
            std::vector<std::string> cells = cells_of(lines_[k], starts);
            for (std::size_t c = 0; c < pieces.size(); ++c)
                if (const std::string &cell = cells[p + c]; !cell.empty())
                    texts[c] += (texts[c].empty() ? "" : " ") + cell;
            if (count_named(named(texts)) == pieces.size())
                return true;
        }
        return false;
    }

    // Each cell of the line names, alone, the column it lies under: the line
    // is the labels' wrapped end ("Function Responsible/" over "Policy
    // Lead"), not the table's first row.
    bool continues_labels(const std::vector<std::string> &cells, const Header &h) const {
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty())
                continue;
            if (h.columns[c] < 0)
                return false;
            const ColumnSpec &column = spec_.columns[static_cast<std::size_t>(h.columns[c])];
            if (!column.header || !column.header->matches(cells[c]))
                return false;
        }
        return true;
    }

    bool ends_at(std::size_t i) const {
        auto text = [&](std::size_t k) -> std::string_view {
            return is_paragraph(k) ? std::string_view(doc_.blocks[lines_[k].block].text)
                                   : std::string_view();
        };
        return ends_table(spec_, text, i, lines_.size());
    }

    // Replaces the band by its header row and blank lines, then each line of
    // the table by a row of cells; returns the line after the table.
    std::size_t read_table(std::size_t i, Header header) {
        widest_.assign(header.starts.size(), 0);
        clean_values_.assign(header.starts.size(), {});
        page_turned_ = false;
        after_gap_ = true;
        i = write_header(i, header);
        std::vector<std::size_t> prose;    // lines across the columns, in a run
        std::vector<std::string> previous; // the last line's cells
        std::vector<double> began;         // where each of them began
        std::vector<OpenCell> open;        // per column: the cell a wrapped line would go on
        for (; i < lines_.size() && is_paragraph(i) && !ends_at(i); ++i) {
            if (auto again = header_at(i)) {
                header = *again;
                i = write_header(i, header) - 1;
                prose.clear();
                previous.clear();
                began.clear();
                page_turned_ = true; // a cell open at the foot of the page goes on at its head
                after_gap_ = true;
                continue;
            }
            const PlacedLine &line = lines_[i];
            if (line.blank()) {
                after_gap_ = true;
                if (!page_turned_) {
                    open.clear(); // a gap: what follows is a new paragraph
                    began.clear();
                }
                continue;
            }
            Header here = header;
            here.starts = edges_on_row(i, header, began);
            if (crosses_columns(line, here.starts)) {
                prose.push_back(i);
                if (prose.size() >= kProseRun)
                    return prose.front(); // prose after the table: left as it is
            } else {
                prose.clear();
            }
            std::vector<std::string> cells = cells_of(line, here.starts);
            const PlacedLine *below =
                i + 1 < lines_.size() && is_paragraph(i + 1) ? &lines_[i + 1] : nullptr;
            began = pull_squeezed(line, here, previous, began, below, cells);
            push_overflow(line, here, cells, began);
            give_back_leading(line, here, cells, began);
            remember_clean_values(line, here, cells, began);
            std::vector<std::string> written = cells;
            join_wrapped(line, here, placed_edges(here.starts, began), cells, open);
            write_row(i, cells);
            previous = std::move(written);
            page_turned_ = false;
            after_gap_ = false;
        }
        return i;
    }

    // The cell of a column still open on the line above: its row block and
    // the right edge of its last word there.
    struct OpenCell {
        std::size_t block = 0;
        double x1 = 0;
        bool open = false;
        bool sentence_end = false; // its last word there ends a sentence
        bool lone = false;         // its line, after a gap, held no other cell and began no row
        bool gap = false;          // a line since had nothing in this column
    };

    // A cell's line that begins with a word too wide to have ended the line
    // above was wrapped there by the typesetter: it joins the cell above, so
    // that a cell's paragraph is one item (an owner over two lines is one owner).
    // (`placed`: the columns' edges on this line once its cells are settled.)
    void join_wrapped(const PlacedLine &line, const Header &header,
                      const std::vector<double> &placed, std::vector<std::string> &cells,
                      std::vector<OpenCell> &open) {
        open.resize(cells.size());
        widest_.resize(cells.size(), 0);
        bool row_start = starts_row(header, cells);
        auto filled = std::count_if(cells.begin(), cells.end(),
                                    [](const std::string &c) { return !c.empty(); });
        for (std::size_t j = 0; j < cells.size(); ++j) {
            const Word *first = nullptr, *last = nullptr;
            for (const Word &w : line.words)
                if (column_of(w, placed, line.char_width) == j) {
                    first = first ? first : &w;
                    last = &w;
                }
            if (!first) {
                open[j].gap = true;
                continue;
            }
            // The last column ends where its widest line so far ends.
            widest_[j] = std::max(widest_[j], last->x1);
            double right = j + 1 < header.starts.size()
                               ? header.starts[j + 1] - kCellMargin * line.char_width
                               : widest_[j];
            // A row broken by a page break goes on at the head of the next page.
            bool next_line = open[j].open && !open[j].gap;
            // A page break ends a heading, not a row's cell.
            bool heading_ended = page_turned_ && open[j].lone;
            bool wrapped =
                (open[j].open && !row_start && !heading_ended &&
                 ((next_line && (page_turned_ ||
                                 open[j].x1 + line.char_width + (first->x1 - first->x0) > right ||
                                 runs_on(line, header, j, open[j]))) ||
                  completes(header, j, open[j], cells[j]))) ||
                goes_on_below(header, j, open[j]);
            if (wrapped) {
                append_to_cell(open[j].block, j, cells[j]);
                cells[j].clear();
            } else {
                open[j].block = lines_[&line - lines_.data()].block;
                open[j].lone = after_gap_ && !row_start && filled == 1;
            }
            open[j].x1 = last->x1;
            open[j].open = true;
            open[j].gap = false;
            open[j].sentence_end = layout::ends_sentence(last->text);
        }
    }

    // In aligned text, character columns only roughly measure a proportional
    // font, so a free-text cell's line goes on from the line above unless
    // that one ended a sentence; so does a line of a one-paragraph column. (A
    // column of shaped values, an owner or a date a line, is measured as in a PDF.)
    bool runs_on(const PlacedLine &line, const Header &header, std::size_t j,
                 const OpenCell &open) const {
        if (!line.from_text || header.columns[j] < 0)
            return false;
        const ColumnSpec &column = spec_.columns[static_cast<std::size_t>(header.columns[j])];
        return column.one_paragraph || (!open.sentence_end && column.fits == nullptr);
    }

    // A short value wrapped over two lines, which alone its second line does
    // not fit ("CEO Care UK" / "and Governor"; a date of the next column may
    // sit on a line between them), or its first ("Governor/" / "Oxleas").
    bool completes(const Header &header, std::size_t j, const OpenCell &open,
                   const std::string &text) const {
        if (header.columns[j] < 0 || text.empty())
            return false;
        const ColumnSpec &column = spec_.columns[static_cast<std::size_t>(header.columns[j])];
        const Block &above = doc_.blocks[open.block];
        if (!column.fits || !above.is_table() || above.rows.empty() ||
            above.rows[0].cells.size() <= j || above.rows[0].cells[j].paragraphs.empty())
            return false;
        const std::string &first = above.rows[0].cells[j].paragraphs.back();
        if (column.fits->matches(text) && column.fits->matches(first))
            return false;
        std::string joined = first;
        layout::append_line(joined, text);
        return column.fits->matches(joined);
    }

    // A cell of a column merged down over rows whose text above ends
    // unfinished ("Reducing Reoffending and" over "Resettlement", the next
    // priority's line): the row below does not begin a cell there.
    bool goes_on_below(const Header &header, std::size_t j, const OpenCell &open) const {
        if (header.columns[j] < 0 || !open.open)
            return false;
        const ColumnSpec &column = spec_.columns[static_cast<std::size_t>(header.columns[j])];
        const Block &above = doc_.blocks[open.block];
        if (!column.goes_on_below || !above.is_table() || above.rows.empty() ||
            above.rows[0].cells.size() <= j || above.rows[0].cells[j].paragraphs.empty())
            return false;
        return column.goes_on_below->matches(above.rows[0].cells[j].paragraphs.back());
    }

    // A line that begins a row: its key column has text, or a row_start rule
    // of the grammar matches its column's text.
    bool starts_row(const Header &header, const std::vector<std::string> &cells) const {
        for (std::size_t j = 0; j < cells.size(); ++j) {
            if (cells[j].empty() || header.columns[j] < 0)
                continue;
            auto column = static_cast<std::size_t>(header.columns[j]);
            if (column == spec_.key_column)
                return true;
            for (const RowStartRule &rule : spec_.row_starts)
                if (rule.column == column && rule.pattern->matches(cells[j]))
                    return true;
        }
        return false;
    }

    void append_to_cell(std::size_t block, std::size_t column, const std::string &text) {
        Block &b = doc_.blocks[block];
        if (!b.is_table() || b.rows.empty() || b.rows[0].cells.size() <= column)
            return;
        std::vector<std::string> &paragraphs = b.rows[0].cells[column].paragraphs;
        if (paragraphs.empty())
            paragraphs.push_back(text);
        else
            layout::append_line(paragraphs.back(), text);
    }

    // The columns' left edges on line i: where a cell's text begins there, or
    // further left where the cell's line above began (`began`) or its next
    // line begins, when the words that brings fit the column (a cell squeezed
    // against the column before: "... security and Prison Group Director,"
    // over "Herts, Essex and").
    std::vector<double> edges_on_row(std::size_t i, const Header &header,
                                     const std::vector<double> &began) const {
        const PlacedLine &line = lines_[i];
        std::vector<double> edges = edges_on(line, header.starts);
        std::vector<double> below;
        std::size_t next = i + 1;
        if (next < lines_.size() && is_paragraph(next) && !lines_[next].blank())
            below = edges_on(lines_[next], header.starts);
        for (std::size_t j = 1; j < edges.size(); ++j) {
            if (j < below.size())
                widen(line, header, j, below[j], edges);
            if (j < began.size() && began[j] > 0)
                widen(line, header, j, began[j] - line.char_width / 2, edges);
        }
        return edges;
    }

    // Column j begins at `edge` on the line, if left of where it begins now and
    // the cell it makes fits the column.
    void widen(const PlacedLine &line, const Header &header, std::size_t j, double edge,
               std::vector<double> &edges) const {
        int column = header.columns[j];
        if (edge >= edges[j] || edge <= edges[j - 1] || column < 0 || !spec_.columns[column].fits)
            return;
        std::vector<double> moved = edges;
        moved[j] = edge;
        std::string cell = cells_of(line, moved)[j];
        if (!cell.empty() && spec_.columns[column].fits->matches(cell))
            edges = std::move(moved);
    }

    std::size_t write_header(std::size_t i, const Header &header) {
        write_row(i, header.texts);
        for (std::size_t k = 1; k < header.lines; ++k) {
            Block &b = doc_.blocks[lines_[i + k].block];
            b = Block::paragraph("", b.page);
        }
        return i + header.lines;
    }

    void write_row(std::size_t i, const std::vector<std::string> &cells) {
        Block &b = doc_.blocks[lines_[i].block];
        Row row;
        for (const std::string &text : cells)
            row.cells.push_back(
                Cell{text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text}, 1,
                     false});
        bool page_start = b.page_start || (!b.text.empty() && b.text.front() == kPageBreak);
        Block table = Block::table({std::move(row)}, b.page);
        table.page_start = page_start;
        b = std::move(table);
    }

    Document &doc_;
    const TableSpec &spec_;
    std::vector<PlacedLine> lines_; // one per block
    std::vector<double> widest_;    // per column of the current table: its widest line's end
    // per column of the current table: the values met set clear of their neighbours
    std::vector<std::set<std::string>> clean_values_;
    bool page_turned_ = false; // the table's header was repeated: a new page began
    bool after_gap_ = false;   // the line before was blank or the table's header
};

} // namespace

std::size_t recover_aligned_tables(Document &doc, const TableSpec &spec) {
    bool named = std::any_of(spec.columns.begin(), spec.columns.end(),
                             [](const ColumnSpec &c) { return c.header != nullptr; });
    if (spec.header_min == 0 || !named)
        return 0;
    return Recovery(doc, spec).run();
}

} // namespace inspex
