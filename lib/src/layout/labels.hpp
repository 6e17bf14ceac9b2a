// Words of text lines, shared by the layout recoveries (layout-internal):
// splitting and joining, widths, sentence ends, and cutting words into header labels.
#pragma once

#include "inspex/table.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace inspex::layout {

// The words of a line (single spaces), and words a..b joined again.
std::vector<std::string> split_words(const std::string &text);
std::string join_words(const std::vector<std::string> &words, std::size_t from, std::size_t to);

// A cell's next line appended to its text: after a space, or after nothing
// where the line before ends in a slash (a typesetter breaks
// "Governor/Prison Group Director" after its slash).
void append_line(std::string &cell, std::string_view line);

// Characters, not bytes: widths of wrapped lines are compared.
std::size_t width(std::string_view text);

// Text ending as a sentence or a clause does (".", ":", ";", "?", "!").
bool ends_sentence(std::string_view text);

// Which columns words name by their header patterns, remembering the labels
// it has matched: a header repeated on every page is matched once.
class LabelNamer {
  public:
    explicit LabelNamer(const TableSpec &spec) : spec_(spec) {}
    // For each label length from word a (1..8 words), the columns its words
    // name (a bit per column); empty when no length names one.
    std::vector<unsigned> operator()(const std::vector<std::string> &words, std::size_t a);
    const TableSpec &spec() const { return spec_; }

  private:
    unsigned columns_named(const std::string &label);

    const TableSpec &spec_;
    std::unordered_map<std::string, unsigned> known_;
};

// Whether some column's label could begin with this text (its header
// pattern matches it, or could go on to match it).
bool could_begin_label(const TableSpec &spec, std::string_view text);

// Cuts words into consecutive labels, each naming a different column:
// `names[a][len - 1]` holds the columns the words a..a+len name (label_names).
// Returns each label's column and the word after it.
class LabelCutter {
  public:
    using Cuts = std::vector<std::pair<int, std::size_t>>;
    explicit LabelCutter(std::vector<std::vector<unsigned>> names) : names_(std::move(names)) {}

    // The cut of words 0..end into labels, if there is one.
    std::optional<Cuts> cut(std::size_t end);

  private:
    bool from(std::size_t pos, unsigned used, Cuts &cuts);

    std::vector<std::vector<unsigned>> names_;
    std::set<std::pair<std::size_t, unsigned>> failed_;
    std::size_t end_ = 0;
};

// The labels (column, text) the whole of `words` cuts into, if it does.
std::optional<std::vector<std::pair<int, std::string>>>
cut_labels(LabelNamer &names, const std::vector<std::string> &words);

} // namespace inspex::layout
