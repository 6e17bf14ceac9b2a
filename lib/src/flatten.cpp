#include "inspex/flatten.hpp"

#include <algorithm>
#include <optional>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

struct Collected {
    std::vector<std::string> items;
    bool number = false;
};

class Flattener {
  public:
    Flattener(std::map<std::string, Collected> &cells, std::vector<std::string> *order)
        : cells_(cells), order_(order) {}

    void flatten(const std::string &name, const json &value) {
        if (value.is_object()) {
            for (const auto &[key, inner] : value.items())
                flatten(key == "text" ? name : name + "_" + key, inner);
        } else if (value.is_array() && value.size() == 2 && value[0].is_number_integer() &&
                   value[1].is_number_integer()) {
            add(name,
                std::to_string(value[0].get<long>()) + "-" + std::to_string(value[1].get<long>()));
        } else if (value.is_array()) {
            if (value.empty())
                add(name, std::nullopt); // keeps the column even when no row has items
            for (const json &item : value)
                flatten(name, item);
        } else {
            add(name, value.is_null()     ? std::string()
                      : value.is_string() ? value.get<std::string>()
                                          : value.dump());
            if (value.is_number())
                cells_[name].number = true;
        }
    }

  private:
    void add(const std::string &name, std::optional<std::string> text) {
        if (order_ && std::find(order_->begin(), order_->end(), name) == order_->end())
            order_->push_back(name);
        Collected &c = cells_[name];
        if (text)
            c.items.push_back(*text);
    }

    std::map<std::string, Collected> &cells_;
    std::vector<std::string> *order_;
};

// Copies of the record with one item of the list field each (the record
// itself when the field holds one item or none).
std::vector<json> explode(const json &record, const std::string &field) {
    auto it = record.find(field);
    if (it == record.end() || !it->is_array() || it->size() < 2)
        return {record};
    std::vector<json> out;
    for (const json &item : *it) {
        json copy = record;
        copy[field] = json::array({item});
        out.push_back(std::move(copy));
    }
    return out;
}

} // namespace

FlatRow flatten_record(const json &record, const std::string &list_separator,
                       std::vector<std::string> *order) {
    std::map<std::string, Collected> cells;
    Flattener flat(cells, order);
    for (const auto &[key, value] : record.items())
        flat.flatten(key, value);
    FlatRow row;
    for (auto &[name, collected] : cells) {
        if (collected.items.empty())
            continue;
        std::string joined;
        for (std::size_t i = 0; i < collected.items.size(); ++i)
            joined += (i ? list_separator : "") + collected.items[i];
        row[name] = {joined, collected.number && collected.items.size() == 1};
    }
    return row;
}

namespace {
// A record's text field, or "" where it is missing, null or not a text (a
// record of the wrong shape is the reader's to report, not a crash here).
std::string text_field(const json &record, const char *key) {
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}
} // namespace

std::vector<FlatRow> RowMaker::rows(const json &record) {
    if (text_field(record, "kind") == "document") {
        FlatRow cells = flatten_record(record, separator_);
        std::vector<std::pair<std::size_t, FlatCell>> joined;
        for (std::size_t i = 0; i < schema_.joined().size(); ++i)
            if (auto it = cells.find(schema_.joined()[i].name); it != cells.end())
                joined.emplace_back(i, std::move(it->second));
        if (schema_.options().documents_in_order)
            documents_.clear();
        documents_[text_field(record, "doc")] = std::move(joined);
    }
    if (schema_.options().explode.empty())
        return {row(record)}; // one row, and no copy of the record
    std::vector<json> records = {record};
    for (const std::string &field : schema_.options().explode) {
        std::vector<json> next;
        for (const json &r : records)
            for (json &e : explode(r, field))
                next.push_back(std::move(e));
        records = std::move(next);
    }
    std::vector<FlatRow> out;
    for (const json &r : records)
        out.push_back(row(r));
    return out;
}

FlatRow RowMaker::row(const json &record) const {
    std::string kind = text_field(record, "kind");
    FlatRow cells = flatten_record(record, separator_);
    if (kind != "document" && schema_.options().join_document)
        if (auto doc = documents_.find(text_field(record, "doc")); doc != documents_.end())
            for (const auto &[index, cell] : doc->second)
                cells.emplace(schema_.joined()[index].name, cell);
    if (std::string keyed = schema_.keyed_field(kind); !keyed.empty())
        if (auto it = record.find(keyed); it != record.end() && it->is_string())
            cells[keyed + "_key"] = {natural_key(it->get<std::string>()), false};
    std::vector<std::string> known = schema_.fields_of({kind});
    known.push_back("error");
    json extra = json::object();
    for (const auto &[key, value] : record.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            extra[key] = value;
    if (!extra.empty())
        cells["extra"] = {extra.dump(-1, ' ', false, json::error_handler_t::replace), false};
    return cells;
}

void FlatTable::add(const json &record) {
    rows_.push_back(flatten_record(record, separator_, &columns_));
}

void FlatTable::settle(const std::vector<std::string> &chosen) {
    if (!chosen.empty()) {
        columns_ = chosen;
        return;
    }
    auto is_part = [](const std::string &column, const std::string &name) {
        return column.size() > name.size() && column.compare(0, name.size() + 1, name + "_") == 0;
    };
    // A bare column with parts (an object's name) that no row fills: null where
    // other rows hold an object ("followup": null), or the empty list of
    // objects ("warnings"). Its parts take its place.
    auto unused = [&](const std::string &name) {
        bool has_parts = std::any_of(columns_.begin(), columns_.end(),
                                     [&](const std::string &c) { return is_part(c, name); });
        bool has_values = std::any_of(rows_.begin(), rows_.end(), [&](const FlatRow &row) {
            auto it = row.find(name);
            return it != row.end() && !it->second.text.empty();
        });
        return has_parts && !has_values;
    };
    std::vector<std::string> settled;
    for (const std::string &c : columns_) {
        if (std::find(settled.begin(), settled.end(), c) != settled.end())
            continue;
        if (!unused(c)) {
            settled.push_back(c);
            continue;
        }
        for (const std::string &part : columns_)
            if (is_part(part, c) &&
                std::find(settled.begin(), settled.end(), part) == settled.end())
                settled.push_back(part);
    }
    columns_ = std::move(settled);
}

} // namespace inspex
