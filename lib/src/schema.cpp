#include "inspex/schema.hpp"

#include <algorithm>
#include <cctype>

namespace inspex {
namespace {

bool contains(const std::vector<std::string> &list, const std::string &name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

bool ends_with(const std::string &s, const std::string &tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void add_column(std::vector<Column> &out, Column column) {
    column.detail = column.detail || ends_with(column.name, "_state") ||
                    ends_with(column.name, "_key") || column.name.rfind("source_", 0) == 0;
    auto same = [&](const Column &c) { return c.name == column.name; };
    if (std::none_of(out.begin(), out.end(), same))
        out.push_back(std::move(column));
}

// The flattened columns of one field (flatten.hpp names them the same way):
// a date object gives name (its text), name_date and name_state.
void field_columns(std::vector<Column> &out, const FieldSpec &f, bool exploded) {
    const std::string &n = f.name;
    switch (f.type) {
    case FieldType::text:
        add_column(out, {n, ColumnType::text, ColumnRole::prose});
        break;
    case FieldType::key:
    case FieldType::vocab:
        add_column(out, {n, ColumnType::text, ColumnRole::category});
        break;
    case FieldType::integer:
        add_column(out, {n, ColumnType::integer, ColumnRole::plain});
        break;
    case FieldType::date:
    case FieldType::dates: {
        bool single = f.type == FieldType::date || exploded;
        add_column(out, {n, ColumnType::text, ColumnRole::plain});
        // A list of dates is text ("2022-09 | 2022-10"), shown as written beside it.
        add_column(out, {n + "_date", single ? ColumnType::date : ColumnType::text,
                         single ? ColumnRole::category : ColumnRole::plain, !single});
        add_column(out, {n + "_state", ColumnType::text, ColumnRole::plain});
        break;
    }
    case FieldType::range:
        add_column(out, {n, ColumnType::text, ColumnRole::plain});
        add_column(out, {n + "_start", ColumnType::date, ColumnRole::category});
        add_column(out, {n + "_end", ColumnType::date, ColumnRole::category});
        break;
    case FieldType::span:
        add_column(out, {n + "_first", ColumnType::text, ColumnRole::plain});
        add_column(out, {n + "_last", ColumnType::text, ColumnRole::plain});
        break;
    case FieldType::ref:
    case FieldType::list:
        add_column(out, {n, ColumnType::text, ColumnRole::plain});
        break;
    }
}

FieldSpec spec_of(const std::map<std::string, FieldSpec> &types, const std::string &name) {
    auto it = types.find(name);
    FieldSpec f = it == types.end() ? FieldSpec{} : it->second;
    f.name = name;
    return f;
}

const std::vector<Column> kLeading = {{"kind", ColumnType::text, ColumnRole::category, true},
                                      {"doc", ColumnType::text, ColumnRole::category}};
const std::vector<Column> kSource = {{"source_file", ColumnType::text, ColumnRole::plain},
                                     {"source_lines", ColumnType::text, ColumnRole::plain},
                                     {"source_pages", ColumnType::text, ColumnRole::plain}};
const std::vector<Column> kTrailing = {
    {"inferred", ColumnType::text, ColumnRole::plain, true},
    {"warnings_code", ColumnType::text, ColumnRole::plain, true},
    {"warnings_message", ColumnType::text, ColumnRole::plain},
    {"warnings_lines", ColumnType::text, ColumnRole::plain, true}};

// The document's own columns: its fields by type, the stated counts by path.
// `counts` names every grammar's counts field: a grammar that states no
// totals still lists the field (always null), whose columns others give.
std::vector<Column> document_fields(const Grammar &g, const std::vector<std::string> &counts) {
    std::vector<Column> out;
    for (const std::string &name : g.document.fields) {
        if (name != g.document.counts_field && contains(counts, name))
            continue;
        if (name != g.document.counts_field) {
            field_columns(out, spec_of(g.document.types, name), false);
            for (Column &c : out) // a document's text fields are names, not prose
                if (c.role == ColumnRole::prose)
                    c.role = ColumnRole::category;
            continue;
        }
        for (const StatedCount &c : g.document.stated) {
            std::string path = c.path;
            std::replace(path.begin(), path.end(), '.', '_');
            add_column(out, {name + "_" + path, ColumnType::integer, ColumnRole::plain});
        }
    }
    return out;
}

} // namespace

std::string natural_key(std::string_view ref) {
    static const std::string roman = "ivxlcdmIVXLCDM";
    auto roman_value = [](std::string_view s) {
        auto digit = [](char c) {
            switch (std::tolower(static_cast<unsigned char>(c))) {
            case 'i':
                return 1;
            case 'v':
                return 5;
            case 'x':
                return 10;
            case 'l':
                return 50;
            case 'c':
                return 100;
            case 'd':
                return 500;
            default:
                return 1000;
            }
        };
        int total = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            int v = digit(s[i]);
            total += i + 1 < s.size() && v < digit(s[i + 1]) ? -v : v;
        }
        return total;
    };
    auto padded = [](std::string digits) {
        return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
    };
    std::string out;
    std::size_t i = 0;
    while (i < ref.size()) {
        std::size_t end = i;
        if (std::isdigit(static_cast<unsigned char>(ref[i]))) {
            while (end < ref.size() && std::isdigit(static_cast<unsigned char>(ref[end])))
                ++end;
            out += padded(std::string(ref.substr(i, end - i)));
        } else if (bool after_dot = i > 0 && ref[i - 1] == '.';
                   after_dot && roman.find(ref[i]) != std::string::npos) {
            while (end < ref.size() && roman.find(ref[end]) != std::string::npos)
                ++end;
            if (end == ref.size() || ref[end] == '.')
                out += padded(std::to_string(roman_value(ref.substr(i, end - i))));
            else
                out += ref.substr(i, end - i);
        } else {
            end = i + 1;
            out += ref[i];
        }
        i = end;
    }
    return out;
}

TableSchema TableSchema::from_grammars(const std::vector<Grammar> &grammars,
                                       const SchemaOptions &options) {
    TableSchema s;
    s.options_ = options;
    Kind document{"document", kLeading, {}, {}};
    std::vector<std::string> counts;
    for (const Grammar &g : grammars)
        if (!g.document.counts_field.empty())
            counts.push_back(g.document.counts_field);
    for (const Grammar &g : grammars)
        for (Column &c : document_fields(g, counts))
            if (g.document.counts_field.empty() ||
                c.name.rfind(g.document.counts_field + "_", 0) != 0) {
                // On item rows the document's dates repeat on every row: on
                // paper only its name (establishment) shows.
                c.detail = c.detail || c.role != ColumnRole::category || c.type == ColumnType::date;
                add_column(s.joined_, c);
            }
    for (const Grammar &g : grammars) {
        auto it = std::find_if(s.kinds_.begin(), s.kinds_.end(),
                               [&](const Kind &k) { return k.name == g.record_kind; });
        if (it == s.kinds_.end()) {
            s.kinds_.push_back({g.record_kind, {}, {}, {}});
            it = s.kinds_.end() - 1;
        }
        for (const std::string &name : g.record_fields) {
            FieldSpec f = spec_of(g.fields, name);
            field_columns(it->columns, f, contains(options.explode, name));
            if (!contains(it->fields, name))
                it->fields.push_back(name);
            if (f.type == FieldType::ref && it->keyed.empty()) {
                it->keyed = name;
                add_column(it->columns, {name + "_key", ColumnType::text, ColumnRole::plain});
            }
        }
        add_column(document.columns, {"grammar", ColumnType::text, ColumnRole::category});
        for (Column &c : document_fields(g, counts))
            add_column(document.columns, c);
        for (const std::string &name : g.document.fields)
            if (!contains(document.fields, name))
                document.fields.push_back(name);
    }
    add_column(document.columns, {"error", ColumnType::text, ColumnRole::plain});
    if (!grammars.empty())
        s.kinds_.push_back(std::move(document));
    return s;
}

std::vector<std::string> TableSchema::kinds() const {
    std::vector<std::string> out;
    for (const Kind &k : kinds_)
        out.push_back(k.name);
    return out;
}

bool TableSchema::knows(const std::string &kind) const {
    return find(kind) != nullptr;
}

const TableSchema::Kind *TableSchema::find(const std::string &kind) const {
    auto it =
        std::find_if(kinds_.begin(), kinds_.end(), [&](const Kind &k) { return k.name == kind; });
    return it == kinds_.end() ? nullptr : &*it;
}

std::vector<Column> TableSchema::columns_of(const std::vector<std::string> &kinds) const {
    std::vector<Column> out = kLeading;
    bool items = std::any_of(kinds.begin(), kinds.end(),
                             [](const std::string &k) { return k != "document"; });
    if (items && options_.join_document)
        for (const Column &c : joined_)
            add_column(out, c);
    for (const Column &c : kSource)
        add_column(out, c);
    for (const std::string &kind : kinds)
        if (const Kind *k = find(kind))
            for (const Column &c : k->columns)
                add_column(out, c);
    for (const Column &c : kTrailing)
        add_column(out, c);
    add_column(out, {"extra", ColumnType::text, ColumnRole::plain, true});
    return out;
}

std::string TableSchema::keyed_field(const std::string &kind) const {
    const Kind *k = find(kind);
    return k ? k->keyed : std::string();
}

std::vector<std::string> TableSchema::fields_of(const std::vector<std::string> &kinds) const {
    std::vector<std::string> out = {"kind", "doc", "source"};
    if (std::find(kinds.begin(), kinds.end(), "document") != kinds.end())
        out.push_back("grammar");
    for (const std::string &kind : kinds)
        if (const Kind *k = find(kind))
            for (const std::string &f : k->fields)
                if (!contains(out, f))
                    out.push_back(f);
    for (const char *f : {"inferred", "warnings"})
        out.push_back(f);
    return out;
}

} // namespace inspex
