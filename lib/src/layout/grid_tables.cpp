#include "inspex/layout/grid_tables.hpp"

#include "inspex/model/text_view.hpp"

#include <algorithm>
#include <optional>

namespace inspex {
namespace {

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The characters of a line (UTF-8 sequences kept whole): grids are aligned by
// character, not by byte.
std::vector<std::string> characters(const std::string &text) {
    std::vector<std::string> out;
    for (char c : text) {
        if (is_continuation_byte(c) && !out.empty())
            out.back() += c;
        else
            out.emplace_back(1, c);
    }
    return out;
}

std::size_t length(const std::string &s) {
    std::size_t n = 0;
    for (char c : s)
        n += !is_continuation_byte(c);
    return n;
}

std::string trim(const std::string &s) {
    std::size_t b = s.find_first_not_of(' ');
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_sign_or_digit(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == '/' || c == ',' || c == '-';
}
// Punctuation that ends a word and begins none: "Rec" over "." in a column
// one character wide is "Rec.".
bool is_closing(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == '/';
}

// The `+` positions of a border line ("+---+===+"), or nothing.
std::optional<std::vector<std::size_t>> border(const std::string &text) {
    std::string t = trim(text);
    if (t.size() < 3 || t.front() != '+' || t.back() != '+')
        return std::nullopt;
    std::size_t indent = text.find('+');
    std::vector<std::size_t> plus;
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '+')
            plus.push_back(indent + i);
        else if (c != '-' && c != '=' && c != ':')
            return std::nullopt;
    }
    if (plus.size() < 2)
        return std::nullopt;
    return plus;
}

// The cells of a content line drawn on the border's positions, or nothing.
std::optional<std::vector<std::string>> cells(const std::string &text,
                                              const std::vector<std::size_t> &plus) {
    std::vector<std::string> chars = characters(text);
    while (!chars.empty() && chars.back() == " ")
        chars.pop_back();
    if (chars.size() != plus.back() + 1)
        return std::nullopt;
    for (std::size_t i = 0; i < plus.front(); ++i)
        if (chars[i] != " ")
            return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t k = 0; k < plus.size(); ++k) {
        if (chars[plus[k]] != "|")
            return std::nullopt;
        if (k + 1 == plus.size())
            break;
        std::string cell;
        for (std::size_t i = plus[k] + 1; i < plus[k + 1]; ++i)
            cell += chars[i];
        out.push_back(trim(cell));
    }
    return out;
}

// A cell's lines as paragraphs: a blank line between paragraphs.
std::vector<std::string> paragraphs(const std::vector<std::string> &lines, std::size_t width) {
    std::vector<std::string> out;
    std::vector<std::string> current;
    auto flush = [&] {
        if (!current.empty())
            out.push_back(join_cell_lines(current, width));
        current.clear();
    };
    for (const std::string &line : lines) {
        if (line.empty())
            flush();
        else
            current.push_back(line);
    }
    flush();
    return out;
}

// Block i becomes a one-row table, keeping its page.
void set_row(Document &doc, std::size_t i, Row row) {
    Block &b = doc.blocks[i];
    Block table = Block::table({std::move(row)}, b.page);
    table.page_start = b.page_start;
    b = std::move(table);
}

// Rewrites the grid that begins at block `first` (a border); returns the
// index after it, or `first` when no grid row follows.
class Grid {
  public:
    Grid(Document &doc, std::size_t first, std::vector<std::size_t> plus)
        : doc_(doc), first_(first), plus_(std::move(plus)) {}

    std::size_t rewrite() {
        std::size_t i = first_ + 1;
        std::size_t end = first_;
        std::size_t columns = plus_.size() - 1;
        while (i < doc_.blocks.size()) {
            std::size_t row_start = i;
            std::vector<std::vector<std::string>> lines(columns);
            while (i < doc_.blocks.size() && !is_border(i)) {
                auto row = line_cells(i);
                if (!row)
                    break;
                for (std::size_t k = 0; k < columns; ++k)
                    lines[k].push_back((*row)[k]);
                ++i;
            }
            if (i == row_start || i >= doc_.blocks.size() || !is_border(i))
                break;
            place_row(row_start, lines);
            end = i;
            ++i;
        }
        if (end == first_)
            return first_ + 1;
        blank(first_);
        return end + 1;
    }

  private:
    bool is_paragraph_line(std::size_t i) const {
        const Block &b = doc_.blocks[i];
        return !b.is_table() && b.text.find('\n') == std::string::npos;
    }

    bool is_border(std::size_t i) const {
        if (!is_paragraph_line(i))
            return false;
        auto p = border(doc_.blocks[i].text);
        return p && *p == plus_;
    }

    std::optional<std::vector<std::string>> line_cells(std::size_t i) const {
        if (!is_paragraph_line(i))
            return std::nullopt;
        return cells(doc_.blocks[i].text, plus_);
    }

    std::size_t width(std::size_t column) const {
        std::size_t inner = plus_[column + 1] - plus_[column] - 1;
        return inner > 2 ? inner - 2 : 1;
    }

    void place_row(std::size_t row_start, const std::vector<std::vector<std::string>> &lines) {
        Row row;
        for (std::size_t k = 0; k < lines.size(); ++k)
            row.cells.push_back({paragraphs(lines[k], width(k))});
        for (std::size_t i = row_start + 1; i <= row_start + lines[0].size(); ++i)
            blank(i);
        set_row(doc_, row_start, std::move(row));
    }

    void blank(std::size_t i) { doc_.blocks[i].text.clear(); }

    Document &doc_;
    std::size_t first_;
    std::vector<std::size_t> plus_;
};

// A dash group of a rule line: the characters [start, end) it covers.
struct Span {
    std::size_t start, end;
};

// The dash groups of a rule line ("  -------- ------"), or nothing.
std::vector<Span> dash_groups(const std::string &text) {
    std::vector<Span> groups;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ')
            continue;
        if (text[i] != '-')
            return {};
        std::size_t j = i;
        while (j < text.size() && text[j] == '-')
            ++j;
        groups.push_back({i, j});
        i = j;
    }
    return groups;
}

constexpr std::size_t kMinDashes = 3; // a column rule's shortest dash group
constexpr std::size_t kMaxHeader =
    8; // header lines above a column rule (labels wrap in narrow columns)

// Rewrites a table ruled with dashes (pandoc's simple and multiline tables)
// whose column rule ("---- -------", one dash group per column) is block
// `rule`. A full-width rule above the header means rows run to the next one,
// separated by blank lines; otherwise rows are single lines ending at a blank.
class RuledTable {
  public:
    RuledTable(Document &doc, std::size_t rule, std::vector<Span> columns)
        : doc_(doc), rule_(rule), columns_(std::move(columns)) {}

    // The index after the table, or nothing when the lines do not make one.
    std::optional<std::size_t> rewrite() {
        std::size_t header = rule_;
        while (header > 0 && rule_ - header < kMaxHeader && !blank_line(header - 1) &&
               !full_rule(header - 1))
            --header;
        bool top = header > 0 && full_rule(header - 1);
        bool multiline = top || (header == rule_ && closed_by_rule());
        std::size_t end = multiline ? closing_rule() : simple_end();
        if (end == rule_ + 1 || !aligned(header, end))
            return std::nullopt;
        if (header < rule_)
            place_row(header, rule_);
        bool blank_between_rows = false;
        for (std::size_t i = rule_ + 1; i < end; ++i)
            blank_between_rows = blank_between_rows || blank_line(i);
        for (std::size_t i = rule_ + 1; i < end;) {
            std::size_t next = i + 1;
            if (blank_line(i)) {
                i = next;
                continue;
            }
            if (blank_between_rows)
                while (next < end && !blank_line(next))
                    ++next;
            place_row(i, next);
            i = next;
        }
        blank(rule_);
        if (top)
            blank(header - 1);
        if (multiline && end < doc_.blocks.size()) {
            blank(end);
            return end + 1;
        }
        return end;
    }

  private:
    const std::string *line(std::size_t i) const {
        const Block &b = doc_.blocks[i];
        if (b.is_table() || b.text.find('\n') != std::string::npos)
            return nullptr;
        return &b.text;
    }
    bool blank_line(std::size_t i) const {
        const std::string *t = line(i);
        return t && trim(*t).empty();
    }
    bool full_rule(std::size_t i) const {
        const std::string *t = line(i);
        if (!t)
            return false;
        std::vector<Span> g = dash_groups(*t);
        return g.size() == 1 && g[0].start <= columns_.front().start &&
               g[0].end >= columns_.back().end;
    }
    bool same_rule(std::size_t i) const {
        const std::string *t = line(i);
        if (!t)
            return false;
        std::vector<Span> g = dash_groups(*t);
        return g.size() == columns_.size() &&
               std::equal(g.begin(), g.end(), columns_.begin(),
                          [](Span a, Span b) { return a.start == b.start && a.end == b.end; });
    }
    // Scans stop at the next rule of any kind, so that a text of many rules
    // is read in linear time.
    bool any_rule(std::size_t i) const {
        const std::string *t = line(i);
        return !t || !dash_groups(*t).empty();
    }
    std::size_t next_rule() const {
        std::size_t i = rule_ + 1;
        while (i < doc_.blocks.size() && !any_rule(i))
            ++i;
        return i;
    }
    bool closed_by_rule() const {
        std::size_t i = next_rule();
        return i < doc_.blocks.size() && same_rule(i);
    }
    std::size_t closing_rule() const {
        std::size_t i = next_rule();
        return i < doc_.blocks.size() && (full_rule(i) || same_rule(i)) ? i : rule_ + 1;
    }
    std::size_t simple_end() const {
        std::size_t i = rule_ + 1;
        while (i < doc_.blocks.size() && line(i) && !blank_line(i) && !same_rule(i))
            ++i;
        return i;
    }
    // No line of the table writes across the gutter before a column (and
    // each is a line of text: a row of tabs is no part of a ruled table).
    bool aligned(std::size_t first, std::size_t end) const {
        for (std::size_t i = first; i < end; ++i) {
            if (i == rule_)
                continue;
            const std::string *text = line(i);
            if (!text)
                return false;
            std::vector<std::string> chars = characters(*text);
            for (std::size_t k = 1; k < columns_.size(); ++k) {
                std::size_t gutter = columns_[k].start - 1;
                if (gutter < chars.size() && chars[gutter] != " ")
                    return false;
            }
        }
        return true;
    }

    void place_row(std::size_t first, std::size_t end) {
        std::vector<std::vector<std::string>> lines(columns_.size());
        for (std::size_t i = first; i < end; ++i) {
            std::vector<std::string> chars = characters(*line(i));
            for (std::size_t k = 0; k < columns_.size(); ++k) {
                std::size_t from = columns_[k].start;
                std::size_t to = k + 1 < columns_.size() ? columns_[k + 1].start : chars.size();
                std::string cell;
                for (std::size_t c = from; c < std::min(to, chars.size()); ++c)
                    cell += chars[c];
                if (!trim(cell).empty())
                    lines[k].push_back(trim(cell));
            }
        }
        Row row;
        for (std::size_t k = 0; k < columns_.size(); ++k)
            row.cells.push_back({paragraphs(lines[k], columns_[k].end - columns_[k].start)});
        for (std::size_t i = first + 1; i < end; ++i)
            blank(i);
        set_row(doc_, first, std::move(row));
    }

    void blank(std::size_t i) { doc_.blocks[i].text.clear(); }

    Document &doc_;
    std::size_t rule_;
    std::vector<Span> columns_;
};

} // namespace

std::string join_cell_lines(const std::vector<std::string> &lines, std::size_t width) {
    std::string out;
    bool word_alone = false; // the line before held one word alone: a cut word's first piece?
    for (const std::string &line : lines) {
        bool one_word = line.find(' ') == std::string::npos;
        bool piece = word_alone && one_word && length(line) == width &&
                     (is_lower(line.front()) || is_closing(line.front()) ||
                      (is_sign_or_digit(line.front()) && is_sign_or_digit(out.back())));
        if (!out.empty() && !piece)
            out += ' ';
        out += line;
        word_alone = one_word;
    }
    return out;
}

std::size_t recover_grid_tables(Document &doc) {
    std::size_t tables = 0;
    for (std::size_t i = 0; i < doc.blocks.size();) {
        const Block &b = doc.blocks[i];
        if (b.is_table()) {
            ++i;
            continue;
        }
        if (auto plus = border(b.text)) {
            std::size_t next = Grid(doc, i, std::move(*plus)).rewrite();
            tables += next > i + 1;
            i = next;
            continue;
        }
        std::vector<Span> columns = dash_groups(b.text);
        bool column_rule =
            columns.size() > 1 && std::all_of(columns.begin(), columns.end(),
                                              [](Span g) { return g.end - g.start >= kMinDashes; });
        auto after = column_rule ? RuledTable(doc, i, std::move(columns)).rewrite() : std::nullopt;
        tables += after.has_value();
        i = after ? *after : i + 1;
    }
    if (tables)
        number_lines(doc);
    return tables;
}

} // namespace inspex
