// A grammar: everything inspex knows about one family of documents, loaded
// from a TOML file in grammars/. The engine runs any grammar; nothing here
// names a document, a heading or a vocabulary.
//
//   auto g = load_grammar("grammars/action-plan.toml");
//   if (!g) std::cerr << g.error().describe();  // "action-plan.toml:12: ..."
#pragma once

#include "inspex/dates.hpp"
#include "inspex/normalize.hpp"
#include "inspex/pattern.hpp"
#include "inspex/prose.hpp"
#include "inspex/stream.hpp"
#include "inspex/table.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace inspex {

enum class FieldType { text, ref, key, vocab, list, dates, date, range, integer, span };

// A closed set of values, each with the ways documents write it.
struct Vocabulary {
    std::vector<std::pair<std::string, RegexPtr>> values; // value -> whole-text pattern
    // The value whose pattern matches the whole text, or empty.
    [[nodiscard]] std::string lookup(std::string_view text) const;
};

// A capture rule: a pattern run over the working text of a part (or the
// whole document); its named groups give field values; with `cut`, the
// matched span is removed so later rules and the part's own field see the
// rest.
struct CaptureRule {
    std::string part; // empty: the document text
    RegexPtr pattern;
    bool cut = false;
    bool all = false; // apply to every match, not only the first
    SourceRef where;
};

struct FieldSpec {
    std::string name;
    FieldType type = FieldType::text;
    std::string part;    // value from what remains of this part after cuts
    std::string context; // else from this heading context value
    // else the first template whose {name} values (captures, context) all exist:
    // ["{priority}.{numeral}", "{priority}"]
    std::vector<std::string> format;
    std::string vocab; // for vocab fields
    RegexPtr split;    // for list fields: where one cell holds several items
    RegexPtr valid;    // for ref fields: a value that does not match is partial
    bool lower = false;
    std::vector<Replacement> replace;
    std::string infer; // "sequence" or "stated"
    // The value listed in a lookup table for the entry whose text best
    // matches this record's `match` field (e.g. a summary of judgements).
    std::string lookup;
    std::string match;
    // For a range field of the document: the date field the span ends on or
    // before, whose year a span written without one takes (marked inferred).
    std::string year_before;
};

// A table the document states elsewhere: entries of text and value, read by
// `entry` (groups "text" and "value") from the lines between start and end,
// leaving out blank lines and those `skip` matches (page furniture).
struct LookupSpec {
    std::string name;
    RegexPtr start;
    RegexPtr end;
    RegexPtr entry;
    RegexPtr skip;
};

struct StatedCount {
    std::string path; // "yes" or "group.yes": where in the counts object
    RegexPtr pattern; // group "n" gives the count
};

struct DocumentSpec {
    std::vector<std::string> fields; // output order after kind, doc, source, grammar
    std::vector<CaptureRule> rules;
    std::map<std::string, FieldSpec> types;
    std::string counts_field;        // the field that holds the stated counts
    std::vector<StatedCount> stated; // counts the document states about itself
};

enum class LayoutKind { table, stream, prose };

// What validation checks for this family of documents ([validate]).
struct CountCheck {
    std::string stated;                       // path of the stated counts: "stated.hmi_prisons"
    std::string field;                        // records are counted by this field's value
    std::map<std::string, std::string> where; // only records with these field values
    std::string total;                        // key of the stated total, if any
};
struct DateCheck {
    std::string field;      // a date or a list of dates
    std::string not_before; // document field the dates may not precede
    int max_years = 0;      // at most this many years after it (0: no limit)
};
struct TextCheck {
    std::string field;
    int min_words = 0;
};
struct ValidateSpec {
    std::vector<std::string> required;
    std::string sequence; // field with numbered references
    std::vector<CountCheck> counts;
    std::vector<std::pair<std::string, std::string>> agree; // fields stating the same fact
    std::vector<DateCheck> dates;
    std::vector<TextCheck> texts;
};

// How to recognise the grammar's documents: each rule found in the text adds
// its weight; the score is the share of the total weight found. A rule is
// found where any of its patterns is (written apart, each can be searched
// fast: one anchored at line starts, one led by a literal).
struct DetectRule {
    std::vector<RegexPtr> patterns;
    double weight = 1;
    [[nodiscard]] bool found_in(std::string_view text) const {
        return std::any_of(patterns.begin(), patterns.end(),
                           [&](const RegexPtr &p) { return p->matches(text); });
    }
};

struct Grammar {
    std::string name;
    std::string description;
    std::string file;
    std::string record_kind;
    NormalizeRules normalize;
    DateRules dates;
    LayoutKind layout = LayoutKind::table;
    TableSpec table;
    StreamSpec stream;
    ProseSpec prose;
    std::vector<std::string> parts; // the layout's part names: table columns or stream parts
    std::vector<CaptureRule> captures;
    std::map<std::string, FieldSpec> fields;
    std::vector<std::string> record_fields; // output order
    std::map<std::string, Vocabulary> vocabularies;
    DocumentSpec document;
    std::vector<DetectRule> detect;
    std::vector<DetectRule> detect_header; // the document's header alone (title, dated labels)
    std::vector<LookupSpec> lookups;
    ValidateSpec validate;
    std::map<std::string, long> numbers; // number words: "three" -> 3
    double threshold = 0.5;              // the least detection score that counts as a fit
    PatternLibrary patterns;

    [[nodiscard]] std::optional<std::size_t> part_index(std::string_view name) const;
};

// Loads a grammar file and the files it includes (looked up beside it, then
// in the `search` folders: a grammar copied to a folder of its own still
// finds common.toml). Errors name the grammar file and line; with
// Compile::when_used, those of patterns other than [detect]'s are found by
// patterns.ready(), which must come before the grammar is used.
Result<Grammar> load_grammar(const std::string &path, MatchLimits limits = {},
                             const std::vector<std::string> &search = {},
                             Compile when = Compile::at_load);

// True when the file is TOML with a [grammar] table: a grammar rather than a
// library of shared patterns that grammars include.
[[nodiscard]] bool is_grammar_file(const std::string &path);

} // namespace inspex
