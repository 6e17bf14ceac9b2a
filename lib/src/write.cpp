#include "inspex/write.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json &j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

class JsonLinesWriter : public RecordWriter {
  public:
    explicit JsonLinesWriter(std::ostream &out) : out_(out) {}
    void write(const json &record) override { out_ << dump(record) << '\n'; }
    void finish() override { out_.flush(); }

  private:
    std::ostream &out_;
};

class JsonArrayWriter : public RecordWriter {
  public:
    explicit JsonArrayWriter(std::ostream &out) : out_(out) {}
    void write(const json &record) override {
        out_ << (first_ ? "[\n" : ",\n") << dump(record);
        first_ = false;
    }
    void finish() override {
        out_ << (first_ ? "[]\n" : "\n]\n");
        out_.flush();
    }

  private:
    std::ostream &out_;
    bool first_ = true;
};

// Flattens one value into named cells: an object's keys become name_key (its
// "text" key becomes the name itself), list items are joined, a pair of
// numbers (a line span) becomes "a-b".
class Flattener {
  public:
    explicit Flattener(const std::string &separator) : separator_(separator) {}

    void flatten(const std::string &name, const json &value,
                 std::map<std::string, std::vector<std::string>> &cells,
                 std::vector<std::string> &order) const {
        if (value.is_object()) {
            for (const auto &[key, inner] : value.items())
                flatten(key == "text" ? name : name + "_" + key, inner, cells, order);
            return;
        }
        if (value.is_array() && is_span(value)) {
            add(name,
                std::to_string(value[0].get<long>()) + "-" + std::to_string(value[1].get<long>()),
                cells, order);
            return;
        }
        if (value.is_array()) {
            if (value.empty())
                add(name, std::nullopt, cells,
                    order); // keeps the column even when no row has items
            for (const json &item : value)
                flatten(name, item, cells, order);
            return;
        }
        add(name, scalar(value), cells, order);
    }

    std::string join(const std::vector<std::string> &items) const {
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? separator_ : "") + items[i];
        return out;
    }

  private:
    static bool is_span(const json &v) {
        return v.size() == 2 && v[0].is_number_integer() && v[1].is_number_integer();
    }
    static std::string scalar(const json &v) {
        if (v.is_null())
            return {};
        if (v.is_string())
            return v.get<std::string>();
        return dump(v);
    }
    static void add(const std::string &name, std::optional<std::string> text,
                    std::map<std::string, std::vector<std::string>> &cells,
                    std::vector<std::string> &order) {
        if (std::find(order.begin(), order.end(), name) == order.end())
            order.push_back(name);
        if (text)
            cells[name].push_back(*text);
    }
    std::string separator_;
};

class CsvWriter : public RecordWriter {
  public:
    CsvWriter(std::ostream &out, WriteOptions options)
        : out_(out), options_(std::move(options)), flat_(options_.list_separator) {}

    void write(const json &record) override {
        if (record.value("kind", "") == "document")
            return;
        std::map<std::string, std::vector<std::string>> cells;
        for (const auto &[key, value] : record.items())
            flat_.flatten(key, value, cells, columns_);
        std::map<std::string, std::string> row;
        for (auto &[name, items] : cells)
            row[name] = flat_.join(items);
        rows_.push_back(std::move(row));
    }

    void finish() override {
        drop_unused_placeholders();
        if (options_.bom)
            out_ << "\xEF\xBB\xBF";
        line(columns_);
        for (auto &row : rows_) {
            std::vector<std::string> values;
            for (const auto &c : columns_)
                values.push_back(row.count(c) ? row[c] : std::string());
            line(values);
        }
        out_.flush();
    }

  private:
    // An empty list of objects (no warnings) leaves a bare "warnings" column;
    // once some row has flattened "warnings_code" etc., the bare one is noise.
    void drop_unused_placeholders() {
        auto unused = [&](const std::string &name) {
            bool has_parts =
                std::any_of(columns_.begin(), columns_.end(), [&](const std::string &c) {
                    return c.size() > name.size() && c.compare(0, name.size() + 1, name + "_") == 0;
                });
            bool has_values = std::any_of(rows_.begin(), rows_.end(),
                                          [&](auto &row) { return row.count(name) > 0; });
            return has_parts && !has_values;
        };
        columns_.erase(std::remove_if(columns_.begin(), columns_.end(), unused), columns_.end());
    }

    void line(const std::vector<std::string> &values) {
        for (std::size_t i = 0; i < values.size(); ++i)
            out_ << (i ? "," : "") << csv_field(values[i]);
        out_ << "\r\n";
    }
    std::ostream &out_;
    WriteOptions options_;
    Flattener flat_;
    std::vector<std::string> columns_;
    std::vector<std::map<std::string, std::string>> rows_;
};

} // namespace

Result<Format> parse_format(const std::string &name) {
    if (name == "jsonl")
        return Format::jsonl;
    if (name == "json")
        return Format::json;
    if (name == "csv")
        return Format::csv;
    return Error{"unknown output format \"" + name + "\" (expected jsonl, json or csv)"};
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

std::unique_ptr<RecordWriter> make_writer(Format format, std::ostream &out, WriteOptions options) {
    switch (format) {
    case Format::json:
        return std::make_unique<JsonArrayWriter>(out);
    case Format::csv:
        return std::make_unique<CsvWriter>(out, std::move(options));
    case Format::jsonl:
        break;
    }
    return std::make_unique<JsonLinesWriter>(out);
}

} // namespace inspex
