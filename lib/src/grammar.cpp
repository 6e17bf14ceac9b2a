#include "inspex/grammar.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <toml++/toml.h>

namespace inspex {
namespace {

namespace fs = std::filesystem;

// Thrown only inside this file; load_grammar turns it into an Error value.
struct GrammarError {
    Error error;
};

const std::map<std::string, FieldType> kFieldTypes = {
    {"text", FieldType::text},   {"ref", FieldType::ref},     {"key", FieldType::key},
    {"vocab", FieldType::vocab}, {"list", FieldType::list},   {"dates", FieldType::dates},
    {"date", FieldType::date},   {"range", FieldType::range}, {"integer", FieldType::integer},
    {"span", FieldType::span}};

// A TOML table's entries in the order the file writes them (toml++ sorts keys).
std::vector<std::pair<std::string, const toml::node *>> in_file_order(const toml::table &t) {
    std::vector<std::pair<std::string, const toml::node *>> entries;
    for (const auto &[key, node] : t)
        entries.emplace_back(std::string(key.str()), &node);
    std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return a.second->source().begin < b.second->source().begin;
    });
    return entries;
}

// A grammar file's TOML, parsed once per process while its text stays the
// same: every tool reads each file to see whether it is a grammar and then
// loads it, and every grammar includes common.toml. Throws as parse_file does.
std::shared_ptr<const toml::table> parse_once(const std::string &path) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!fs::is_regular_file(path, ec) || !in)
        return std::make_shared<const toml::table>(toml::parse_file(path)); // its error
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    struct Parsed {
        std::string text;
        std::shared_ptr<const toml::table> table;
    };
    static std::mutex mutex;
    static std::map<std::string, Parsed> parsed;
    {
        std::lock_guard lock(mutex);
        if (auto it = parsed.find(path); it != parsed.end() && it->second.text == text)
            return it->second.table;
    }
    auto table = std::make_shared<const toml::table>(toml::parse(text, path));
    std::lock_guard lock(mutex);
    parsed[path] = {std::move(text), table};
    return table;
}

class Loader {
  public:
    Loader(Grammar &g, MatchLimits limits, std::vector<std::string> search, Compile when)
        : g_(g), search_(std::move(search)), when_(when) {
        g_.patterns.set_limits(limits);
    }

    void load(const fs::path &path, int depth);

    // An included file: beside the including one, else along the search path.
    [[nodiscard]] fs::path include_path(const fs::path &from, const std::string &name) const {
        fs::path beside = from.parent_path() / name;
        std::error_code ec;
        if (fs::is_regular_file(beside, ec))
            return beside;
        for (const std::string &dir : search_)
            if (fs::path candidate = fs::path(dir) / name; fs::is_regular_file(candidate, ec))
                return candidate;
        return beside; // not found: its error names the file beside
    }

  private:
    [[noreturn]] void fail(const toml::node *node, const std::string &message) const {
        std::size_t line = node ? node->source().begin.line : 0;
        throw GrammarError{Error{message, file_, line}};
    }
    std::string string_at(const toml::node &node, std::string_view what) const {
        if (auto s = node.value<std::string>())
            return *s;
        fail(&node, fmt::format("{} must be a string", what));
    }
    // Compiled now, or, with Compile::when_used, when the grammar is first
    // used (detection's patterns are always compiled now: detection uses them).
    RegexPtr regex(const toml::node &node, std::string_view what, bool now = false) const {
        return compiled(string_at(node, what), node.source().begin.line, now);
    }
    RegexPtr compiled(const std::string &text, std::size_t line, bool now = false) const {
        auto compiled = now || when_ == Compile::at_load
                            ? g_.patterns.compile(text, {file_, line})
                            : g_.patterns.compile_later(text, {file_, line});
        if (!compiled)
            throw GrammarError{compiled.error()};
        return compiled.value();
    }
    RegexPtr optional_regex(const toml::table &t, std::string_view key) const {
        const toml::node *n = t.get(key);
        return n ? regex(*n, key) : nullptr;
    }
    std::string optional_string(const toml::table &t, std::string_view key) const {
        const toml::node *n = t.get(key);
        return n ? string_at(*n, key) : std::string();
    }
    const toml::table *table_at(const toml::table &t, std::string_view key) const {
        const toml::node *n = t.get(key);
        if (n && !n->is_table())
            fail(n, fmt::format("[{}] must be a table", key));
        return n ? n->as_table() : nullptr;
    }
    template <typename F> void each(const toml::table &t, std::string_view key, F &&f) const {
        const toml::node *n = t.get(key);
        if (!n)
            return;
        const toml::array *a = n->as_array();
        if (!a)
            fail(n, fmt::format("{} must be an array", key));
        for (const toml::node &item : *a)
            f(item);
    }
    std::vector<std::string> strings(const toml::table &t, std::string_view key) const {
        std::vector<std::string> out;
        each(t, key, [&](const toml::node &n) { out.push_back(string_at(n, key)); });
        return out;
    }
    std::size_t column(const toml::node &node) const { return column_of(g_.table, node); }
    std::size_t column_of(const TableSpec &spec, const toml::node &node) const {
        std::string name = string_at(node, "column");
        auto index = spec.column_index(name);
        if (!index)
            fail(&node, fmt::format("no table column named \"{}\"", name));
        return *index;
    }

    // A key the grammar language does not have is a mistake worth a message.
    void allow(const toml::table &t, std::initializer_list<std::string_view> keys,
               std::string_view where) const {
        for (const auto &[key, node] : t)
            if (std::find(keys.begin(), keys.end(), key.str()) == keys.end())
                fail(&node, fmt::format("unknown key \"{}\" in {}", key.str(), where));
    }

    std::string part(const toml::node &node) const {
        std::string name = string_at(node, "part");
        if (!g_.part_index(name))
            fail(&node, fmt::format("no part named \"{}\" in the layout", name));
        return name;
    }

    void define_patterns(const toml::table &root);
    void read_layout(const toml::table &root);
    void read_stream(const toml::table &t);
    void read_columns(const toml::table &t, TableSpec &spec, std::string_view where);
    void read_detect(const toml::table &root);
    void read_validate(const toml::table &root);
    void read_prose(const toml::table &t);
    void read_lookups(const toml::table &root);
    void read_numbers(const toml::table &root);
    std::vector<LineClass> read_classes(const toml::table &t) const;
    std::vector<StreamRule> read_rules(const toml::table &t) const;
    char letter(const toml::table &t, std::string_view key, char fallback) const;
    void read_grammar(const toml::table &root);
    void read_dates(const toml::table &root);
    void read_normalize(const toml::table &root);
    void read_vocab(const toml::table &root);
    void read_table(const toml::table &t);
    std::vector<CaptureRule> read_captures(const toml::table &root, std::string_view key,
                                           bool parts);
    FieldSpec read_field(const std::string &name, const toml::table &t) const;
    std::map<std::string, FieldSpec> read_fields(const toml::table *t) const;
    void read_document(const toml::table &root);
    void check_order(const toml::table &root) const;
    std::vector<Replacement> replacements(const toml::table &t, std::string_view key) const;

    Grammar &g_;
    std::vector<std::string> search_;
    Compile when_;
    std::string file_;
};

void Loader::load(const fs::path &path, int depth) {
    if (depth > 8)
        throw GrammarError{Error{"includes nest too deeply", path.string()}};
    std::shared_ptr<const toml::table> parsed;
    try {
        parsed = parse_once(path.string());
    } catch (const toml::parse_error &e) {
        throw GrammarError{
            Error{std::string(e.description()), path.string(), e.source().begin.line}};
    }
    const toml::table &root = *parsed;
    std::string saved = file_;
    file_ = path.string();
    if (const toml::table *meta = table_at(root, "grammar")) {
        for (const std::string &inc : strings(*meta, "include"))
            load(include_path(path, inc), depth + 1);
    }
    file_ = path.string();
    define_patterns(root);
    if (depth == 0) {
        read_grammar(root);
    }
    read_dates(root);
    read_vocab(root);
    read_numbers(root);
    if (depth == 0) {
        read_normalize(root);
        read_layout(root);
        read_detect(root);
        read_lookups(root);
        g_.captures = read_captures(root, "capture", true);
        g_.fields = read_fields(table_at(root, "fields"));
        read_document(root);
        read_validate(root);
        check_order(root);
    }
    file_ = saved;
}

// Every field named in an output order must say how it is read.
void Loader::check_order(const toml::table &root) const {
    for (const std::string &name : g_.record_fields)
        if (!g_.fields.count(name))
            fail(root.get("grammar"),
                 fmt::format("field \"{}\" is in [grammar] order but has no [fields.{}]", name,
                             name));
    for (const std::string &name : g_.document.fields)
        if (name != g_.document.counts_field && !g_.document.types.count(name))
            fail(root.get("document"),
                 fmt::format("field \"{}\" is in [document] order but has no [document.fields.{}]",
                             name, name));
}

void Loader::define_patterns(const toml::table &root) {
    const toml::table *patterns = table_at(root, "patterns");
    if (!patterns)
        return;
    for (const auto &[name, node] : *patterns)
        g_.patterns.define(std::string(name.str()), string_at(node, name.str()),
                           {file_, node.source().begin.line});
}

void Loader::read_grammar(const toml::table &root) {
    const toml::table *meta = table_at(root, "grammar");
    if (!meta)
        fail(&root, "missing [grammar] table");
    allow(*meta, {"name", "description", "include", "record", "order"}, "[grammar]");
    g_.name = optional_string(*meta, "name");
    if (g_.name.empty())
        fail(meta, "[grammar] needs a name");
    g_.description = optional_string(*meta, "description");
    g_.record_kind = optional_string(*meta, "record");
    g_.record_fields = strings(*meta, "order");
}

void Loader::read_dates(const toml::table &root) {
    const toml::table *dates = table_at(root, "dates");
    if (!dates)
        return;
    if (const toml::table *months = table_at(*dates, "months"))
        for (const auto &[name, node] : *months) {
            auto number = node.value<int64_t>();
            if (!number || *number < 1 || *number > 12)
                fail(&node, "a month number must be 1 to 12");
            g_.dates.months[std::string(name.str())] = static_cast<int>(*number);
        }
    if (auto r = optional_regex(*dates, "item"))
        g_.dates.item = r;
    if (auto r = optional_regex(*dates, "range"))
        g_.dates.range = r;
}

std::vector<Replacement> Loader::replacements(const toml::table &t, std::string_view key) const {
    std::vector<Replacement> out;
    each(t, key, [&](const toml::node &n) {
        const toml::array *pair = n.as_array();
        if (!pair || pair->size() != 2)
            fail(&n, fmt::format("each {} entry is ['pattern', 'replacement']", key));
        out.push_back({regex(*pair->get(0), key), string_at(*pair->get(1), key)});
    });
    return out;
}

void Loader::read_normalize(const toml::table &root) {
    const toml::table *n = table_at(root, "normalize");
    if (!n)
        return;
    allow(*n, {"html", "line_replace", "text_replace"}, "[normalize]");
    g_.normalize.html = n->get("html") && n->get("html")->value_or(false);
    g_.normalize.line_replace = replacements(*n, "line_replace");
    g_.normalize.text_replace = replacements(*n, "text_replace");
}

void Loader::read_vocab(const toml::table &root) {
    const toml::table *vocab = table_at(root, "vocab");
    if (!vocab)
        return;
    for (const auto &[name, node] : *vocab) {
        const toml::table *values = node.as_table();
        if (!values)
            fail(&node, "each [vocab.NAME] is a table of value = 'pattern'");
        Vocabulary v;
        for (const auto &[value, pattern] : in_file_order(*values)) {
            std::string whole = "^(?:" + string_at(*pattern, value) + ")$";
            v.values.emplace_back(value, compiled(whole, pattern->source().begin.line));
        }
        g_.vocabularies[std::string(name.str())] = std::move(v);
    }
}

void Loader::read_layout(const toml::table &root) {
    const toml::table *table = table_at(root, "table");
    const toml::table *stream = table_at(root, "stream");
    const toml::table *prose = table_at(root, "prose");
    if ((table != nullptr) + (stream != nullptr) + (prose != nullptr) != 1)
        fail(&root, "a grammar needs one layout: [table], [stream] or [prose]");
    if (stream)
        return read_stream(*stream);
    if (prose)
        return read_prose(*prose);
    g_.layout = LayoutKind::table;
    read_table(*table);
    for (const ColumnSpec &c : g_.table.columns)
        g_.parts.push_back(c.name);
}

void Loader::read_stream(const toml::table &t) {
    g_.layout = LayoutKind::stream;
    allow(t,
          {"start", "end", "skip", "classes", "other", "split", "split_at_foot", "parts", "rules",
           "columns"},
          "[stream]");
    StreamSpec &spec = g_.stream;
    spec.start = optional_regex(t, "start");
    spec.end = optional_regex(t, "end");
    spec.skip = optional_regex(t, "skip");
    spec.other = letter(t, "other", 'T');
    spec.classes = read_classes(t);
    each(t, "split", [&](const toml::node &n) { spec.split.push_back(regex(n, "split")); });
    each(t, "split_at_foot",
         [&](const toml::node &n) { spec.split_at_foot.push_back(regex(n, "split_at_foot")); });
    spec.parts = strings(t, "parts");
    g_.parts = spec.parts;
    spec.rules = read_rules(t);
    if (const toml::table *columns = table_at(t, "columns")) {
        allow(*columns, {"columns", "header_min", "key", "row_start"}, "[stream.columns]");
        read_columns(*columns, spec.columns, "[stream.columns]");
    }
}

std::vector<LineClass> Loader::read_classes(const toml::table &t) const {
    std::vector<LineClass> classes;
    each(t, "classes", [&](const toml::node &n) {
        const toml::array *pair = n.as_array();
        if (!pair || pair->size() != 2 || string_at(*pair->get(0), "class").size() != 1)
            fail(&n, "each class is ['letter', 'pattern']");
        classes.push_back({string_at(*pair->get(0), "class")[0], regex(*pair->get(1), "class")});
    });
    return classes;
}

std::vector<StreamRule> Loader::read_rules(const toml::table &t) const {
    std::vector<StreamRule> rules;
    each(t, "rules", [&](const toml::node &n) {
        const toml::table *r = n.as_table();
        if (!r || !r->get("pattern"))
            fail(&n,
                 "each rule is { pattern = '...', context = true|false, continues = true|false }");
        allow(*r, {"pattern", "context", "continues", "first_line"}, "a rule");
        auto flag = [&](const char *key) { return r->get(key) && r->get(key)->value_or(false); };
        if (flag("context") && flag("continues"))
            fail(&n, "a rule sets context values or continues an item, not both");
        rules.push_back({regex(*r->get("pattern"), "pattern"), flag("context"), flag("continues"),
                         optional_regex(*r, "first_line")});
    });
    if (rules.empty())
        fail(&t, "the layout needs rules");
    return rules;
}

char Loader::letter(const toml::table &t, std::string_view key, char fallback) const {
    std::string value = optional_string(t, key);
    if (value.size() > 1)
        fail(t.get(key), "a class is one letter");
    return value.empty() ? fallback : value[0];
}

void Loader::read_prose(const toml::table &t) {
    g_.layout = LayoutKind::prose;
    allow(t,
          {"start", "end", "skip", "starts", "key", "page_start", "classes", "other", "heading",
           "caption_lines", "join_hyphenated", "parts", "rules"},
          "[prose]");
    ProseSpec &spec = g_.prose;
    spec.start = optional_regex(t, "start");
    spec.end = optional_regex(t, "end");
    spec.skip = optional_regex(t, "skip");
    each(t, "starts", [&](const toml::node &n) { spec.starts.push_back(regex(n, "starts")); });
    spec.key = optional_regex(t, "key");
    spec.page_start = optional_regex(t, "page_start");
    spec.classes = read_classes(t);
    spec.other = letter(t, "other", 'X');
    spec.heading = letter(t, "heading", 'H');
    if (const toml::node *n = t.get("caption_lines"))
        spec.caption_lines = static_cast<std::size_t>(n->value_or(int64_t{2}));
    spec.join_hyphenated = optional_regex(t, "join_hyphenated");
    spec.parts = strings(t, "parts");
    g_.parts = spec.parts;
    spec.rules = read_rules(t);
}

void Loader::read_lookups(const toml::table &root) {
    each(root, "lookup", [&](const toml::node &n) {
        const toml::table *l = n.as_table();
        if (!l)
            fail(&n, "each [[lookup]] is a table");
        allow(*l, {"name", "start", "end", "entry", "skip"}, "[[lookup]]");
        LookupSpec spec{optional_string(*l, "name"), optional_regex(*l, "start"),
                        optional_regex(*l, "end"), optional_regex(*l, "entry"),
                        optional_regex(*l, "skip")};
        if (spec.name.empty() || !spec.entry)
            fail(&n, "a [[lookup]] needs a name and an entry pattern");
        g_.lookups.push_back(std::move(spec));
    });
}

void Loader::read_numbers(const toml::table &root) {
    const toml::table *numbers = table_at(root, "numbers");
    if (!numbers)
        return;
    for (const auto &[word, node] : *numbers) {
        auto value = node.value<int64_t>();
        if (!value)
            fail(&node, "a number word maps to an integer");
        g_.numbers[std::string(word.str())] = static_cast<long>(*value);
    }
}

void Loader::read_validate(const toml::table &root) {
    const toml::table *v = table_at(root, "validate");
    if (!v)
        return;
    allow(*v, {"required", "sequence", "count", "agree", "dates", "text"}, "[validate]");
    ValidateSpec &spec = g_.validate;
    spec.required = strings(*v, "required");
    spec.sequence = optional_string(*v, "sequence");
    auto field = [&](const toml::table &t, std::string_view key) {
        std::string name = optional_string(t, key);
        if (!name.empty() && !g_.fields.count(name))
            fail(t.get(key), fmt::format("no field named \"{}\"", name));
        return name;
    };
    each(*v, "count", [&](const toml::node &n) {
        const toml::table *c = n.as_table();
        if (!c)
            fail(&n, "each [[validate.count]] is a table");
        allow(*c, {"stated", "field", "where", "total"}, "[[validate.count]]");
        CountCheck check{
            optional_string(*c, "stated"), field(*c, "field"), {}, optional_string(*c, "total")};
        if (const toml::table *where = table_at(*c, "where"))
            for (const auto &[key, value] : *where)
                check.where[std::string(key.str())] = string_at(value, key.str());
        spec.counts.push_back(std::move(check));
    });
    each(*v, "agree", [&](const toml::node &n) {
        const toml::array *pair = n.as_array();
        if (!pair || pair->size() != 2)
            fail(&n, "each agree entry is ['field', 'field']");
        spec.agree.emplace_back(string_at(*pair->get(0), "agree"),
                                string_at(*pair->get(1), "agree"));
    });
    each(*v, "dates", [&](const toml::node &n) {
        const toml::table *d = n.as_table();
        if (!d)
            fail(&n, "each [[validate.dates]] is a table");
        allow(*d, {"field", "not_before", "max_years"}, "[[validate.dates]]");
        spec.dates.push_back(
            {field(*d, "field"), optional_string(*d, "not_before"),
             static_cast<int>(d->get("max_years") ? d->get("max_years")->value_or(int64_t{0})
                                                  : 0)});
    });
    each(*v, "text", [&](const toml::node &n) {
        const toml::table *t = n.as_table();
        if (!t)
            fail(&n, "each [[validate.text]] is a table");
        allow(*t, {"field", "min_words"}, "[[validate.text]]");
        spec.texts.push_back(
            {field(*t, "field"),
             static_cast<int>(t->get("min_words") ? t->get("min_words")->value_or(int64_t{0})
                                                  : 0)});
    });
}

void Loader::read_detect(const toml::table &root) {
    const toml::table *d = table_at(root, "detect");
    if (!d)
        return;
    allow(*d, {"threshold", "patterns", "header"}, "[detect]");
    if (const toml::node *t = d->get("threshold"))
        g_.threshold = t->value_or(0.5);
    // Detection's patterns are compiled at once: every document is scored with them.
    auto read = [&](const char *key, std::vector<DetectRule> &rules) {
        each(*d, key, [&](const toml::node &n) {
            const toml::array *pair = n.as_array();
            if (!pair || pair->size() != 2 || !pair->get(1)->is_number())
                fail(&n, fmt::format("each detect {} pattern is ['pattern', weight] or "
                                     "[['pattern', ...], weight]",
                                     key));
            DetectRule rule{{}, pair->get(1)->value_or(1.0)};
            if (const toml::array *any = pair->get(0)->as_array())
                for (const toml::node &p : *any)
                    rule.patterns.push_back(regex(p, "detect", true));
            else
                rule.patterns.push_back(regex(*pair->get(0), "detect", true));
            if (rule.patterns.empty())
                fail(&n, fmt::format("a detect {} rule has no pattern", key));
            rules.push_back(std::move(rule));
        });
    };
    read("patterns", g_.detect);
    read("header", g_.detect_header);
}

void Loader::read_columns(const toml::table &t, TableSpec &spec, std::string_view where) {
    each(t, "columns", [&](const toml::node &n) {
        const toml::table *c = n.as_table();
        if (!c)
            fail(&n, "each column is { name = ..., fits = ... }");
        allow(*c, {"name", "label", "fits", "header", "one_paragraph", "goes_on_below"},
              "a column");
        ColumnSpec col{optional_string(*c, "name"),
                       optional_string(*c, "label"),
                       optional_regex(*c, "fits"),
                       optional_regex(*c, "header"),
                       c->get("one_paragraph") && c->get("one_paragraph")->value_or(false),
                       optional_regex(*c, "goes_on_below")};
        if (col.label.empty())
            col.label = col.name;
        spec.columns.push_back(std::move(col));
    });
    if (spec.columns.empty())
        fail(&t, fmt::format("{} needs columns", where));
    if (const toml::node *n = t.get("header_min"))
        spec.header_min = static_cast<std::size_t>(n->value_or(0));
    if (const toml::node *key = t.get("key"))
        spec.key_column = column_of(spec, *key);
    each(t, "row_start", [&](const toml::node &n) {
        const toml::table *r = n.as_table();
        if (!r || !r->get("column") || !r->get("pattern"))
            fail(&n, "each row_start is { column = ..., pattern = ... }");
        spec.row_starts.push_back(
            {column_of(spec, *r->get("column")), regex(*r->get("pattern"), "pattern")});
    });
}

void Loader::read_table(const toml::table &t) {
    allow(t,
          {"start", "end", "skip", "noise", "columns", "key", "row_start", "heading", "header_min"},
          "[table]");
    TableSpec &spec = g_.table;
    spec.start = optional_regex(t, "start");
    spec.end = optional_regex(t, "end");
    spec.skip = optional_regex(t, "skip");
    spec.noise = optional_regex(t, "noise");
    read_columns(t, spec, "[table]");
    if (const toml::table *h = table_at(t, "heading")) {
        spec.has_heading = true;
        if (!h->get("column") || !h->get("pattern"))
            fail(h, "[table.heading] needs column and pattern");
        spec.heading.column = column(*h->get("column"));
        spec.heading.pattern = regex(*h->get("pattern"), "pattern");
        spec.heading.runs_on = optional_regex(*h, "runs_on");
        each(*h, "empty", [&](const toml::node &n) { spec.heading.empty.push_back(column(n)); });
        each(*h, "context",
             [&](const toml::node &n) { spec.heading.context.push_back(regex(n, "context")); });
    }
}

std::vector<CaptureRule> Loader::read_captures(const toml::table &root, std::string_view key,
                                               bool parts) {
    std::vector<CaptureRule> out;
    each(root, key, [&](const toml::node &n) {
        const toml::table *c = n.as_table();
        if (!c || !c->get("pattern"))
            fail(&n, fmt::format("each [[{}]] needs a pattern", key));
        allow(*c, {"part", "pattern", "cut", "all"}, fmt::format("[[{}]]", key));
        CaptureRule rule;
        rule.pattern = regex(*c->get("pattern"), "pattern");
        if (parts) {
            if (!c->get("part"))
                fail(&n, fmt::format("each [[{}]] needs a part", key));
            rule.part = part(*c->get("part"));
        }
        rule.cut = c->get("cut") && c->get("cut")->value_or(false);
        rule.all = c->get("all") && c->get("all")->value_or(false);
        rule.where = {file_, n.source().begin.line};
        out.push_back(std::move(rule));
    });
    return out;
}

FieldSpec Loader::read_field(const std::string &name, const toml::table &t) const {
    allow(t,
          {"type", "part", "context", "format", "vocab", "split", "valid", "lower", "replace",
           "infer", "lookup", "match", "year_before"},
          fmt::format("[fields.{}]", name));
    FieldSpec f;
    f.name = name;
    std::string type = optional_string(t, "type");
    if (!type.empty()) {
        auto it = kFieldTypes.find(type);
        if (it == kFieldTypes.end())
            fail(t.get("type"), fmt::format("unknown field type \"{}\"", type));
        f.type = it->second;
    }
    if (const toml::node *p = t.get("part"))
        f.part = part(*p);
    f.format = strings(t, "format");
    f.context = optional_string(t, "context");
    f.vocab = optional_string(t, "vocab");
    if (f.type == FieldType::vocab && !g_.vocabularies.count(f.vocab))
        fail(&t, fmt::format("field {} names no known vocabulary \"{}\"", name, f.vocab));
    f.split = optional_regex(t, "split");
    f.valid = optional_regex(t, "valid");
    f.lower = t.get("lower") && t.get("lower")->value_or(false);
    f.replace = replacements(t, "replace");
    f.infer = optional_string(t, "infer");
    f.lookup = optional_string(t, "lookup");
    f.match = optional_string(t, "match");
    f.year_before = optional_string(t, "year_before");
    if (!f.year_before.empty() && f.type != FieldType::range)
        fail(t.get("year_before"), fmt::format("field {} has year_before but is no range", name));
    if (!f.lookup.empty() && f.match.empty())
        fail(&t, fmt::format("field {} has a lookup but no match field", name));
    if (!f.infer.empty() && f.infer != "sequence" && f.infer != "stated")
        fail(t.get("infer"), "infer is \"sequence\" or \"stated\"");
    return f;
}

std::map<std::string, FieldSpec> Loader::read_fields(const toml::table *t) const {
    std::map<std::string, FieldSpec> out;
    if (!t)
        return out;
    for (const auto &[name, node] : *t) {
        const toml::table *f = node.as_table();
        if (!f)
            fail(&node, "each [fields.NAME] is a table");
        out[std::string(name.str())] = read_field(std::string(name.str()), *f);
    }
    return out;
}

void Loader::read_document(const toml::table &root) {
    const toml::table *d = table_at(root, "document");
    if (!d)
        return;
    allow(*d, {"order", "capture", "fields", "counts_field", "counts"}, "[document]");
    g_.document.fields = strings(*d, "order");
    g_.document.rules = read_captures(*d, "capture", false);
    g_.document.types = read_fields(table_at(*d, "fields"));
    g_.document.counts_field = optional_string(*d, "counts_field");
    for (const auto &[name, f] : g_.document.types)
        if (!f.year_before.empty() && !g_.document.types.count(f.year_before))
            fail(d, fmt::format("field {} takes its year from \"{}\", no [document.fields.{}]",
                                name, f.year_before, f.year_before));
    if (const toml::table *counts = table_at(*d, "counts"))
        for (const auto &[path, node] : in_file_order(*counts))
            g_.document.stated.push_back({path, regex(*node, path)});
}

} // namespace

std::optional<std::size_t> Grammar::part_index(std::string_view name) const {
    auto it = std::find(parts.begin(), parts.end(), name);
    if (it == parts.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - parts.begin());
}

bool is_grammar_file(const std::string &path) {
    try {
        return parse_once(path)->contains("grammar");
    } catch (const toml::parse_error &) {
        return true; // broken TOML: let loading it report the error
    }
}

Result<Grammar> load_grammar(const std::string &path, MatchLimits limits,
                             const std::vector<std::string> &search, Compile when) {
    Grammar g;
    g.file = path;
    std::error_code unreadable; // a symbolic link loop, a name too long: not found either
    if (!fs::is_regular_file(path, unreadable)) {
        bool absent = !unreadable || unreadable == std::errc::no_such_file_or_directory;
        return Error{absent ? std::string("grammar file not found")
                            : "grammar file cannot be read: " + unreadable.message(),
                     path};
    }
    try {
        Loader(g, limits, search, when).load(path, 0);
    } catch (const GrammarError &e) {
        return e.error;
    }
    return g;
}

} // namespace inspex
