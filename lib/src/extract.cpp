#include "inspex/extract.hpp"

#include "inspex/infer.hpp"
#include "inspex/layout/cell_blocks.hpp"
#include "inspex/layout/cell_lines.hpp"
#include "inspex/layout/columns.hpp"
#include "inspex/layout/grid_tables.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/read/reader.hpp"
#include "inspex/word_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

// Text of one row (or of the document) while capture rules run: what remains
// of each column, and the values named groups have captured so far.
struct Working {
    std::map<std::string, std::string> text;
    std::map<std::string, std::string> captured;
};

std::string join(const std::vector<Fragment> &fragments) {
    std::string out;
    for (const auto &f : fragments) {
        if (!out.empty())
            out += ' ';
        out += f.text;
    }
    return out;
}

std::vector<std::string_view> split_on(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        std::size_t at = text.find(separator, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void apply_capture(const CaptureRule &rule, std::string &subject, Working &w) {
    // A value once captured is kept: a rule that cuts nothing and names only
    // values already captured would change nothing, and is not run.
    auto captured = [&](const auto &group) { return w.captured.count(group.first) > 0; };
    const auto &names = rule.pattern->named_groups();
    if (!rule.cut && !names.empty() && std::all_of(names.begin(), names.end(), captured))
        return;
    std::vector<Match> matches;
    if (rule.all)
        matches = rule.pattern->search_all(subject);
    else if (auto m = rule.pattern->search(subject))
        matches.push_back(std::move(*m));
    for (const Match &m : matches)
        for (const std::string &name : m.matched_names())
            w.captured.emplace(name, collapse_spaces(*m.text(name)));
    if (!rule.cut || matches.empty())
        return;
    std::string rest;
    std::size_t last = 0;
    for (const Match &m : matches) {
        rest.append(subject, last, m.whole().begin - last);
        rest += ' ';
        last = m.whole().end;
    }
    rest.append(subject, last);
    subject = collapse_spaces(rest);
}

// The first template whose {name} placeholders all have a value, filled in.
std::string formatted(const std::vector<std::string> &templates, const Working &w,
                      const std::map<std::string, std::string> &context) {
    auto lookup = [&](const std::string &name) -> std::string {
        if (auto c = w.captured.find(name); c != w.captured.end() && !c->second.empty())
            return c->second;
        if (auto c = context.find(name); c != context.end())
            return collapse_spaces(c->second);
        return {};
    };
    for (const std::string &t : templates) {
        std::string out;
        bool complete = true;
        for (std::size_t i = 0; i < t.size() && complete; ++i) {
            std::size_t close = t[i] == '{' ? t.find('}', i) : std::string::npos;
            if (close == std::string::npos) {
                out += t[i];
                continue;
            }
            std::string value = lookup(t.substr(i + 1, close - i - 1));
            complete = !value.empty();
            out += value;
            i = close;
        }
        if (complete)
            return out;
    }
    return {};
}

class RecordBuilder {
  public:
    RecordBuilder(const Grammar &g, const Input &input, const std::vector<std::size_t> &pages)
        : g_(g), input_(input), pages_(pages), norm_(g.normalize) {}

    // Reads the tables the document states elsewhere ([[lookup]]), once.
    void read_lookups(const std::vector<Line> &lines);
    json document(const std::vector<Line> &lines, std::vector<Warning> warnings) const;
    json row(const Item &row) const;
    void infer(json &document, std::vector<json> &rows) const;

  private:
    std::optional<std::string> text_value(const FieldSpec &f, const Working &w,
                                          const std::map<std::string, std::string> &context) const;
    json field_value(const FieldSpec &f, const Item &row, const Working &w,
                     std::vector<Warning> &warnings) const;
    json vocab_value(const FieldSpec &f, const std::vector<Fragment> &cells,
                     std::vector<Warning> &warnings) const;
    json list_value(const FieldSpec &f, const std::vector<Fragment> &cells) const;
    json dates_value(const FieldSpec &f, const std::vector<Fragment> &cells,
                     std::vector<Warning> &warnings) const;
    json counts(const std::string &text) const;
    json lookup_value(const FieldSpec &f, const json &record, std::size_t line,
                      std::vector<Warning> &warnings) const;
    json span_value(const std::vector<Fragment> &parts) const;
    [[nodiscard]] const std::vector<Fragment> &cells_of(const Item &row,
                                                        const std::string &column) const;
    json head(const std::string &kind, std::size_t first, std::size_t last) const {
        json source = {{"file", input_.file}, {"lines", {first, last}}};
        if (!pages_.empty())
            source["pages"] = {page_of(first), page_of(last)};
        return {{"kind", kind}, {"doc", input_.doc}, {"source", std::move(source)}};
    }
    std::size_t page_of(std::size_t line) const {
        return line >= 1 && line <= pages_.size() ? pages_[line - 1] : 0;
    }

    const Grammar &g_;
    const Input &input_;
    const std::vector<std::size_t> &pages_;
    Normalizer norm_;
    // A lookup's entries, each with the words of its text, made once: every
    // record compares its own text with all of them.
    struct Entry {
        WordSet words;
        std::string value;
    };
    std::map<std::string, std::vector<Entry>> lookups_;
};

constexpr double kSameText = 0.6; // least similarity for two texts to be one statement

const std::vector<Fragment> &RecordBuilder::cells_of(const Item &row,
                                                     const std::string &part) const {
    static const std::vector<Fragment> none;
    auto index = g_.part_index(part);
    return index && *index < row.parts.size() ? row.parts[*index] : none;
}

std::optional<std::string>
RecordBuilder::text_value(const FieldSpec &f, const Working &w,
                          const std::map<std::string, std::string> &context) const {
    std::string value;
    if (auto c = w.captured.find(f.name); c != w.captured.end())
        value = c->second;
    else if (auto t = w.text.find(f.part); !f.part.empty() && t != w.text.end())
        value = t->second;
    if (value.empty() && !f.context.empty())
        if (auto c = context.find(f.context); c != context.end())
            value = norm_.text_field(c->second); // a context's lines joined, as a part's
    if (value.empty() && !f.format.empty())
        value = formatted(f.format, w, context);
    for (const auto &r : f.replace)
        r.pattern->replace_in(value, r.with);
    value = collapse_spaces(value);
    if (f.lower)
        value = lower(value);
    if (value.empty())
        return std::nullopt;
    return value;
}

json RecordBuilder::vocab_value(const FieldSpec &f, const std::vector<Fragment> &cells,
                                std::vector<Warning> &warnings) const {
    const Vocabulary &vocab = g_.vocabularies.at(f.vocab);
    json value = nullptr;
    for (const Fragment &cell : cells) {
        std::string text = collapse_spaces(cell.text);
        std::string v = vocab.lookup(text);
        if (v.empty())
            warnings.push_back({"not-in-vocabulary",
                                fmt::format("{} \"{}\" is not a known value", f.name, text),
                                cell.line, cell.line});
        else if (value.is_null())
            value = v;
        else if (value != v)
            warnings.push_back({"conflicting-values",
                                fmt::format("{} given as both \"{}\" and \"{}\"", f.name,
                                            value.get<std::string>(), v),
                                cell.line, cell.line});
    }
    return value;
}

json RecordBuilder::list_value(const FieldSpec &f, const std::vector<Fragment> &cells) const {
    json items = json::array();
    const std::string item_break(1, kBlockBreak);
    for (const Fragment &cell : cells) {
        // The split pattern marks where one written item ends and the next begins.
        std::string marked = f.split ? f.split->replace_all(cell.text, item_break) : cell.text;
        for (std::string_view part : split_on(marked, kBlockBreak))
            if (std::string item = collapse_spaces(part); !item.empty())
                items.push_back(item);
    }
    return items;
}

json RecordBuilder::dates_value(const FieldSpec &f, const std::vector<Fragment> &cells,
                                std::vector<Warning> &warnings) const {
    json dates = json::array();
    for (const Fragment &cell : cells) {
        FoundDates found = find_dates(collapse_spaces(cell.text), g_.dates);
        for (const DateValue &d : found.dates)
            dates.push_back(d.to_json());
        if (!found.leftover.empty())
            warnings.push_back({"not-a-date",
                                fmt::format("{} text \"{}\" is not a date", f.name, found.leftover),
                                cell.line, cell.line});
    }
    return dates;
}

void RecordBuilder::read_lookups(const std::vector<Line> &lines) {
    for (const LookupSpec &spec : g_.lookups) {
        std::string text;
        bool inside = !spec.start;
        for (const Line &line : lines) {
            if (inside && spec.end && spec.end->matches(line.text))
                break;
            bool furniture = spec.skip && spec.skip->matches(line.text);
            if (inside && !furniture && line.text.find_first_not_of(" \t\f") != std::string::npos)
                text += line.text + '\n';
            else if (spec.start->matches(line.text))
                inside = true;
        }
        auto &entries = lookups_[spec.name];
        for (const Match &m : spec.entry->search_all(text))
            if (m.group("text") && m.group("value"))
                entries.push_back(
                    {WordSet(collapse_spaces(*m.text("text"))), collapse_spaces(*m.text("value"))});
    }
}

json RecordBuilder::lookup_value(const FieldSpec &f, const json &record, std::size_t line,
                                 std::vector<Warning> &warnings) const {
    auto table = lookups_.find(f.lookup);
    const json &key = record.contains(f.match) ? record[f.match] : json();
    if (table == lookups_.end() || table->second.empty() || !key.is_string())
        return nullptr;
    double best = 0;
    const std::string *value = nullptr;
    const WordSet key_words(key.get<std::string>());
    for (const Entry &entry : table->second)
        if (double score = similarity(entry.words, key_words); score > best) {
            best = score;
            value = &entry.value;
        }
    if (!value || best < kSameText) {
        warnings.push_back(
            {"no-lookup-entry",
             fmt::format("no entry of {} matches this record's {}", f.lookup, f.match), line,
             line});
        return nullptr;
    }
    if (f.type != FieldType::vocab)
        return *value;
    std::string v = g_.vocabularies.at(f.vocab).lookup(*value);
    return v.empty() ? json(nullptr) : json(v);
}

json RecordBuilder::span_value(const std::vector<Fragment> &parts) const {
    auto first =
        std::find_if(parts.begin(), parts.end(), [](const Fragment &p) { return !p.key.empty(); });
    auto last = std::find_if(parts.rbegin(), parts.rend(),
                             [](const Fragment &p) { return !p.key.empty(); });
    if (first == parts.end())
        return nullptr;
    return {{"first", first->key}, {"last", last->key}};
}

json RecordBuilder::field_value(const FieldSpec &f, const Item &row, const Working &w,
                                std::vector<Warning> &warnings) const {
    if (auto c = w.captured.find(f.name); f.type == FieldType::vocab && c != w.captured.end()) {
        std::string v = g_.vocabularies.at(f.vocab).lookup(c->second);
        if (v.empty())
            warnings.push_back({"not-in-vocabulary",
                                fmt::format("{} \"{}\" is not a known value", f.name, c->second),
                                row.first_line, row.first_line});
        return v.empty() ? json(nullptr) : json(v);
    }
    switch (f.type) {
    case FieldType::span:
        return span_value(cells_of(row, f.part));
    case FieldType::vocab:
        return vocab_value(f, cells_of(row, f.part), warnings);
    case FieldType::list:
        return list_value(f, cells_of(row, f.part));
    case FieldType::dates:
        return dates_value(f, cells_of(row, f.part), warnings);
    default:
        break;
    }
    auto text = text_value(f, w, row.context);
    if (!text)
        return nullptr;
    switch (f.type) {
    case FieldType::date: {
        FoundDates found = find_dates(*text, g_.dates);
        return found.dates.empty() ? json(nullptr) : found.dates.front().to_json();
    }
    case FieldType::range:
        return read_range(*text, g_.dates);
    case FieldType::integer:
        return std::all_of(text->begin(), text->end(), ::isdigit) && text->size() < 10
                   ? json(std::stol(*text))
                   : json(nullptr);
    default:
        return *text;
    }
}

json RecordBuilder::row(const Item &row) const {
    Working w;
    for (std::size_t p = 0; p < g_.parts.size() && p < row.parts.size(); ++p)
        w.text[g_.parts[p]] = norm_.text_field(join(row.parts[p]));
    for (const CaptureRule &rule : g_.captures)
        apply_capture(rule, w.text[rule.part], w);
    json rec = head(g_.record_kind, row.first_line, row.last_line);
    // Room for every field at once: grown by doubling, a record of 17 fields
    // would hold room for 32 (a document of 100,000 rows keeps them all).
    rec.get_ref<json::object_t &>().reserve(rec.size() + g_.record_fields.size() + 2);
    std::vector<Warning> warnings = row.warnings;
    for (const std::string &name : g_.record_fields) {
        const FieldSpec &f = g_.fields.at(name);
        rec[name] = f.lookup.empty() ? field_value(f, row, w, warnings)
                                     : lookup_value(f, rec, row.first_line, warnings);
    }
    rec["inferred"] = json::array();
    rec["warnings"] = json::array();
    for (const Warning &warning : warnings)
        rec["warnings"].push_back(warning.to_json());
    return rec;
}

// The counts the document states, at their paths ("group.value"); a count it
// does not state is null, and no stated count at all makes the whole null.
json RecordBuilder::counts(const std::string &text) const {
    json counts = json::object();
    bool any = false;
    for (const StatedCount &c : g_.document.stated) {
        json *at = &counts;
        std::string_view path = c.path;
        for (std::size_t dot; (dot = path.find('.')) != std::string_view::npos;
             path.remove_prefix(dot + 1))
            at = &(*at)[std::string(path.substr(0, dot))];
        json &slot = (*at)[std::string(path)] = nullptr;
        auto m = c.pattern->search(text);
        std::string n = m && m->text("n") ? lower(std::string(*m->text("n"))) : "";
        if (auto word = g_.numbers.find(n); word != g_.numbers.end())
            slot = word->second;
        else if (!n.empty() && n.size() < 10 && std::all_of(n.begin(), n.end(), ::isdigit))
            slot = std::stol(n);
        any = any || !slot.is_null();
    }
    return any ? counts : json(nullptr);
}

json RecordBuilder::document(const std::vector<Line> &lines, std::vector<Warning> warnings) const {
    std::string text;
    for (const Line &line : lines) {
        text += line.text;
        text += '\n';
    }
    Working w;
    for (const CaptureRule &rule : g_.document.rules)
        apply_capture(rule, text, w);
    json rec = head("document", lines.empty() ? 0 : lines.front().number,
                    lines.empty() ? 0 : lines.back().number);
    rec["grammar"] = g_.name;
    Item none;
    json inferred = json::array();
    for (const std::string &name : g_.document.fields) {
        if (name == g_.document.counts_field) {
            rec[name] = counts(text);
            continue;
        }
        const FieldSpec &f = g_.document.types.at(name);
        auto text = text_value(f, w, none.context);
        if (f.type == FieldType::range && !f.year_before.empty() && text) {
            // The date the span ends on or before, as this record gives it.
            json limit = rec.contains(f.year_before)
                             ? rec[f.year_before]
                             : field_value(g_.document.types.at(f.year_before), none, w, warnings);
            std::optional<std::string> before;
            if (limit.is_object() && limit.contains("date") && limit["date"].is_string())
                before = limit["date"].get<std::string>();
            RangeRead range = read_range(*text, g_.dates, before);
            rec[name] = std::move(range.value);
            if (range.year_inferred)
                inferred.push_back(name);
            continue;
        }
        rec[name] = field_value(f, none, w, warnings);
    }
    // A document record lists what it deduced only when it deduced something,
    // so records of documents that state everything keep their shape.
    if (!inferred.empty())
        rec["inferred"] = std::move(inferred);
    rec["warnings"] = json::array();
    for (const Warning &warning : warnings)
        rec["warnings"].push_back(warning.to_json());
    return rec;
}

void RecordBuilder::infer(json &document, std::vector<json> &rows) const {
    for (const auto &[name, f] : g_.fields) {
        if (f.infer.empty())
            continue;
        std::vector<Slot> slots;
        for (const json &r : rows)
            slots.push_back(
                {r[name].is_string() ? std::optional(r[name].get<std::string>()) : std::nullopt,
                 false});
        if (f.infer == "sequence" && f.valid) {
            infer_sequence(slots, *f.valid);
            for (const Gap &gap : sequence_gaps(slots, *f.valid)) {
                const json &before = rows[gap.before_index - 1], &after = rows[gap.before_index];
                document["warnings"].push_back(Warning{
                    "sequence-gap",
                    fmt::format("{} {} absent between {} and {}: not in the text, not invented",
                                name, fmt::join(gap.missing, ", "), before[name].get<std::string>(),
                                after[name].get<std::string>()),
                    before["source"]["lines"][1].get<std::size_t>(),
                    after["source"]["lines"][0].get<std::size_t>()}
                                                   .to_json());
            }
        } else if (f.infer == "stated" && document.contains(g_.document.counts_field) &&
                   document[g_.document.counts_field].is_object()) {
            std::map<std::string, long> stated;
            for (const auto &[value, pattern] : g_.vocabularies.at(f.vocab).values)
                if (auto n = document[g_.document.counts_field].find(value);
                    n != document[g_.document.counts_field].end() && n->is_number())
                    stated[value] = n->get<long>();
            infer_from_counts(slots, stated);
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            json &r = rows[i];
            if (slots[i].inferred) {
                r[name] = *slots[i].value;
                r["inferred"].push_back(name);
            } else if (f.valid && r[name].is_string() &&
                       !f.valid->matches(r[name].get<std::string>())) {
                r["warnings"].push_back(
                    Warning{"incomplete-value",
                            fmt::format("{} \"{}\" is incomplete and could not be deduced", name,
                                        r[name].get<std::string>()),
                            r["source"]["lines"][0], r["source"]["lines"][0]}
                        .to_json());
                r[name] = nullptr;
            }
        }
    }
}

} // namespace

std::string Vocabulary::lookup(std::string_view text) const {
    for (const auto &[value, pattern] : values)
        if (pattern->matches(text))
            return value;
    return {};
}

std::string document_id(const std::string &path) {
    if (path == "-")
        return "stdin";
    return std::filesystem::path(path).stem().string();
}

GrammarView grammar_view(const Grammar &grammar, Document &document) {
    Normalizer norm(grammar.normalize);
    const TableSpec &table =
        grammar.layout == LayoutKind::stream ? grammar.stream.columns : grammar.table;
    bool recoverable = grammar.layout != LayoutKind::prose && table.header_min > 0;
    // What the grammar removes from lines (site debris, bookmarks) is gone
    // before the table is recovered from them.
    for (Block &b : document.blocks)
        if (!b.is_table() && b.words.empty())
            b.text = norm.replace_lines(b.text);
    bool by_lines = grammar.layout != LayoutKind::stream;
    std::vector<Line> lines = text_view(document);
    if (recoverable && !TableLayout(table).find_header(lines)) {
        if (!(by_lines &&
              (recover_cell_lines(document, table) || recover_cell_blocks(document, table))))
            recover_aligned_tables(document, table);
        lines = text_view(document); // the lines of the tables recovered
    }
    GrammarView view{std::move(lines), line_pages(document), document.paragraph_lines};
    // The view holds all the blocks said: a large document is not held twice.
    std::vector<Block>().swap(document.blocks);
    for (Line &line : view.lines)
        line = norm.line(line);
    return view;
}

namespace {

// A pattern that stopped at its match limit (pattern.hpp) on this thread: a
// warning naming the rule and the line whose text it ran over.
std::vector<Warning> limit_warnings(const std::vector<Line> &lines) {
    std::vector<Warning> out;
    for (const LimitHit &hit : take_limit_hits()) {
        std::size_t line = 0;
        std::string_view probe = std::string_view(hit.subject).substr(0, 30);
        for (const Line &l : lines)
            if (!probe.empty() && l.text.find(probe) != std::string::npos) {
                line = l.number;
                break;
            }
        out.push_back({"match-limit",
                       fmt::format("the pattern at {}:{} stopped at its match limit on \"{}\": "
                                   "what it decides there may be wrong",
                                   hit.rule.file, hit.rule.line, hit.subject),
                       line, line});
    }
    return out;
}

// Traces the lines the document record's rules read a value from: each of
// its fields from the first rule to give it, and each stated count. Runs the rules
// again, over the same text, only when a trace is asked for.
void trace_document(const TraceSink *trace, const Grammar &g, const std::vector<Line> &lines) {
    std::string text;
    std::vector<std::size_t> starts;
    for (const Line &line : lines) {
        starts.push_back(text.size());
        text += line.text + '\n';
    }
    auto at = [&](std::size_t offset) -> const Line & {
        auto next = std::upper_bound(starts.begin(), starts.end(), offset);
        return lines[static_cast<std::size_t>(next - starts.begin()) - 1];
    };
    auto said = [&](const Match &m, const std::string &group, const Regex &rule,
                    const std::string &what) {
        const Line &line = at(m.group(group)->begin);
        inspex::trace(trace, {line.number, 0, "document",
                              what + " (document rule at " + rule_at(rule) + ")", "", line.text});
    };
    std::set<std::string> given;
    for (const CaptureRule &rule : g.document.rules)
        if (auto m = rule.pattern->search(text))
            for (const std::string &name : m->matched_names())
                if (g.document.types.count(name) && given.insert(name).second)
                    said(*m, name, *rule.pattern, "field " + name);
    for (const StatedCount &c : g.document.stated)
        if (auto m = c.pattern->search(text); m && m->group("n"))
            said(*m, "n", *c.pattern, "stated count " + c.path);
}

} // namespace

Result<Extraction> extract(const Grammar &grammar, const Input &input,
                           const ExtractOptions &options) {
    if (auto ready = grammar.patterns.ready(); !ready)
        return ready.error();
    auto document = read_document(input.bytes, input.file);
    if (!document)
        return document.error();
    return extract_document(grammar, input, std::move(document.value()), options);
}

Extraction extract_text(const Grammar &grammar, const Input &input, std::string_view text,
                        const ExtractOptions &options) {
    Document document = text_document(text);
    recover_grid_tables(document);
    return extract_document(grammar, input, std::move(document), options);
}

Extraction extract_document(const Grammar &grammar, const Input &input, Document model,
                            const ExtractOptions &options) {
    const GrammarView view = grammar_view(grammar, model);
    const std::vector<Line> &lines = view.lines;
    RecordBuilder builder(grammar, input, view.pages);
    const TraceSink *trace = options.trace ? &options.trace : nullptr;
    LayoutResult layout = grammar.layout == LayoutKind::stream
                              ? StreamLayout(grammar.stream).run(lines, trace)
                          : grammar.layout == LayoutKind::prose
                              ? ProseLayout(grammar.prose).run(lines, view.paragraph_lines, trace)
                              : TableLayout(grammar.table).run(lines, trace);
    builder.read_lookups(lines);
    if (trace && !lines.empty())
        trace_document(trace, grammar, lines);
    std::vector<Warning> doc_warnings = std::move(model.warnings);
    doc_warnings.insert(doc_warnings.end(), layout.warnings.begin(), layout.warnings.end());
    model = Document{}; // the view and the layout own what is read from here on
    if (layout.start_line == 0)
        doc_warnings.push_back({"no-table", "the start of the items was not found", 1,
                                lines.empty() ? 1 : lines.back().number});
    Extraction out;
    json document = builder.document(lines, std::move(doc_warnings));
    std::vector<json> rows;
    rows.reserve(layout.items.size());
    for (Item &row : layout.items) {
        rows.push_back(builder.row(row));
        row = Item{}; // each item's text let go as its record is made: never both in full
    }
    builder.infer(document, rows);
    for (const Warning &w : limit_warnings(lines))
        document["warnings"].push_back(w.to_json());
    out.records.push_back(std::move(document));
    for (json &r : rows)
        out.records.push_back(std::move(r));
    return out;
}

} // namespace inspex
