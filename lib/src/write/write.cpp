// Chooses the writer for a format; what the writers share.
#include "inspex/write.hpp"

#include "writers.hpp"

#include <algorithm>
#include <map>

namespace inspex {

Result<Format> parse_format(const std::string &name) {
    static const std::map<std::string, Format> formats = {
        {"jsonl", Format::jsonl}, {"json", Format::json}, {"csv", Format::csv},
        {"tsv", Format::tsv},     {"xlsx", Format::xlsx}, {"sqlite", Format::sqlite}};
    auto it = formats.find(name);
    if (it != formats.end())
        return it->second;
    std::vector<std::string> names;
    for (const auto &[known, format] : formats)
        names.push_back(known);
    auto checked = check_names({name}, names, "output format");
    return Error(checked.error().message + " (expected jsonl, json, csv, tsv, xlsx or sqlite)");
}

std::string neutralise_formula(std::string text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        text.insert(0, 1, '\'');
    return text;
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

// SQLite writes to a file of its own, never a stream.
class NoArchive : public RecordWriter {
  public:
    void write(const nlohmann::ordered_json &) override {}
    Result<bool> finish() override {
        return Error("a SQLite archive is a file: name it with -o FILE");
    }
};

} // namespace

std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream &out, WriteOptions options) {
    switch (format) {
    case Format::json:
    case Format::jsonl:
        return detail::make_json_writer(out, std::move(options), format == Format::jsonl);
    case Format::csv:
        return detail::make_delimited_writer(out, std::move(options), ',');
    case Format::tsv:
        return detail::make_delimited_writer(out, std::move(options), '\t');
    case Format::xlsx:
        return detail::make_xlsx_writer(out, std::move(options));
    case Format::sqlite:
        break;
    }
    return std::make_unique<NoArchive>();
}

Result<bool> writer_available(Format format) {
    return format == Format::xlsx ? detail::xlsx_available() : Result<bool>(true);
}

nlohmann::ordered_json table_schema(const WriteOptions &options) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const Column &c : detail::table_columns(options, detail::table_kinds(options))) {
        nlohmann::ordered_json field = {
            {"name", c.name}, {"type", c.type == ColumnType::integer ? "integer" : "string"}};
        if (c.type == ColumnType::date)
            field["description"] =
                "ISO 8601 date, as precise as the text: 2022, 2022-09 or 2022-09-15";
        fields.push_back(std::move(field));
    }
    return {{"fields", fields}, {"missingValues", {""}}};
}

namespace detail {

std::vector<std::string> table_kinds(const WriteOptions &options) {
    if (!options.kinds.empty())
        return options.kinds;
    std::vector<std::string> kinds = options.schema.kinds();
    kinds.erase(std::remove(kinds.begin(), kinds.end(), "document"), kinds.end());
    return kinds;
}

std::vector<Column> table_columns(const WriteOptions &options,
                                  const std::vector<std::string> &kinds) {
    std::vector<Column> all = options.schema.columns_of(kinds);
    if (options.fields.empty())
        return all;
    std::vector<Column> out;
    for (const std::string &name : options.fields) {
        auto it =
            std::find_if(all.begin(), all.end(), [&](const Column &c) { return c.name == name; });
        out.push_back(it == all.end() ? Column{name} : *it);
    }
    return out;
}

std::optional<DocumentGroups::Group> DocumentGroups::add(const nlohmann::ordered_json &record) {
    std::optional<Group> closed;
    if (auto kind = record.find("kind"); kind != record.end() && *kind == "document") {
        closed = end();
        current_ = Group{record, {}};
    } else {
        if (!current_)
            current_ = Group{nullptr, {}};
        current_->items.push_back(record);
    }
    return closed;
}

std::optional<DocumentGroups::Group> DocumentGroups::end() {
    std::optional<Group> closed = std::move(current_);
    current_.reset();
    return closed;
}

std::vector<Finding> findings_of(const std::vector<Grammar> *grammars,
                                 const DocumentGroups::Group &group) {
    if (!grammars)
        return {};
    std::string name;
    if (group.document.is_object())
        if (auto it = group.document.find("grammar"); it != group.document.end() && it->is_string())
            name = it->get<std::string>();
    auto g = std::find_if(grammars->begin(), grammars->end(),
                          [&](const Grammar &grammar) { return grammar.name == name; });
    return Validator(g == grammars->end() ? nullptr : &*g).check(group.document, group.items);
}

} // namespace detail
} // namespace inspex
