#include "labels.hpp"

#include <algorithm>

namespace inspex::layout {

namespace {
constexpr std::size_t kMaxLabelWords = 8;        // words of one header label
constexpr std::size_t kMaxColumns = 32;          // columns a bit set can hold
constexpr std::size_t kMaxKnownLabels = 1 << 16; // labels LabelNamer remembers
} // namespace

std::vector<std::string> split_words(const std::string &text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t sp; (sp = text.find(' ', start)) != std::string::npos; start = sp + 1)
        if (sp > start)
            words.push_back(text.substr(start, sp - start));
    if (start < text.size())
        words.push_back(text.substr(start));
    return words;
}

std::string join_words(const std::vector<std::string> &words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from)
            out += ' ';
        out += words[k];
    }
    return out;
}

void append_line(std::string &cell, std::string_view line) {
    bool slash = cell.size() >= 2 && cell.back() == '/' && cell[cell.size() - 2] != ' ';
    if (!cell.empty() && !slash) // (a slash set between spaces keeps them: "rotas / shift")
        cell += ' ';
    cell += line;
}

std::size_t width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool ends_sentence(std::string_view text) {
    return !text.empty() && std::string_view(".!?:;").find(text.back()) != std::string_view::npos;
}

unsigned LabelNamer::columns_named(const std::string &label) {
    if (auto known = known_.find(label); known != known_.end())
        return known->second;
    unsigned bits = 0;
    for (std::size_t j = 0; j < spec_.columns.size() && j < kMaxColumns; ++j)
        if (spec_.columns[j].header && spec_.columns[j].header->matches(label))
            bits |= 1U << j;
    if (known_.size() >= kMaxKnownLabels) // text of many distinct labels: memory stays bounded
        known_.clear();
    known_.emplace(label, bits);
    return bits;
}

std::vector<unsigned> LabelNamer::operator()(const std::vector<std::string> &words, std::size_t a) {
    std::vector<unsigned> out;
    bool any = false;
    for (std::size_t len = 1; len <= kMaxLabelWords && a + len <= words.size(); ++len) {
        unsigned bits = columns_named(join_words(words, a, a + len));
        any = any || bits;
        out.push_back(bits);
    }
    return any ? out : std::vector<unsigned>{};
}

bool could_begin_label(const TableSpec &spec, std::string_view text) {
    return std::any_of(spec.columns.begin(), spec.columns.end(), [&](const ColumnSpec &c) {
        return c.header && c.header->could_begin(text);
    });
}

std::optional<LabelCutter::Cuts> LabelCutter::cut(std::size_t end) {
    failed_.clear();
    end_ = end;
    Cuts cuts;
    if (!from(0, 0, cuts))
        return std::nullopt;
    return cuts;
}

bool LabelCutter::from(std::size_t pos, unsigned used, Cuts &cuts) {
    if (pos == end_)
        return true;
    if (failed_.count({pos, used}))
        return false;
    for (std::size_t len = 1; len <= names_[pos].size() && pos + len <= end_; ++len)
        for (unsigned j = 0; j < kMaxColumns; ++j) {
            unsigned bit = 1U << j;
            if (!(names_[pos][len - 1] & bit) || (used & bit))
                continue;
            cuts.emplace_back(static_cast<int>(j), pos + len);
            if (from(pos + len, used | bit, cuts))
                return true;
            cuts.pop_back();
        }
    failed_.insert({pos, used});
    return false;
}

std::optional<std::vector<std::pair<int, std::string>>>
cut_labels(LabelNamer &label_names, const std::vector<std::string> &words) {
    // Cheap refusals first: this runs on every run of lines of a document.
    const TableSpec &spec = label_names.spec();
    if (words.empty() || spec.columns.size() > kMaxColumns ||
        words.size() > kMaxLabelWords * spec.columns.size())
        return std::nullopt;
    std::vector<std::vector<unsigned>> names{label_names(words, 0)};
    if (names.front().empty())
        return std::nullopt;
    for (std::size_t a = 1; a < words.size(); ++a)
        names.push_back(label_names(words, a));
    auto cuts = LabelCutter(std::move(names)).cut(words.size());
    if (!cuts)
        return std::nullopt;
    std::vector<std::pair<int, std::string>> labels;
    std::size_t from = 0;
    for (const auto &[column, to] : *cuts) {
        labels.emplace_back(column, join_words(words, from, to));
        from = to;
    }
    return labels;
}

} // namespace inspex::layout
