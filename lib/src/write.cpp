#include "inspex/write.hpp"

#include "inspex/flatten.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <vector>
#include <xlsxwriter.h>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json &j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json selected(const json &record, const std::vector<std::string> &fields) {
    if (fields.empty())
        return record;
    json out = json::object();
    for (const std::string &f : fields)
        if (record.contains(f))
            out[f] = record[f];
    return out;
}

class JsonLinesWriter : public RecordWriter {
  public:
    JsonLinesWriter(std::ostream &out, WriteOptions options)
        : out_(out), options_(std::move(options)) {}
    void write(const json &record) override {
        out_ << dump(selected(record, options_.fields)) << '\n';
    }
    Result<bool> finish() override {
        out_.flush();
        return true;
    }

  private:
    std::ostream &out_;
    WriteOptions options_;
};

class JsonArrayWriter : public RecordWriter {
  public:
    JsonArrayWriter(std::ostream &out, WriteOptions options)
        : out_(out), options_(std::move(options)) {}
    void write(const json &record) override {
        out_ << (first_ ? "[\n" : ",\n") << dump(selected(record, options_.fields));
        first_ = false;
    }
    Result<bool> finish() override {
        out_ << (first_ ? "[]\n" : "\n]\n");
        out_.flush();
        return true;
    }

  private:
    std::ostream &out_;
    WriteOptions options_;
    bool first_ = true;
};

// CSV (RFC 4180) or TSV (a tab or line break inside a value becomes a space).
class DelimitedWriter : public RecordWriter {
  public:
    DelimitedWriter(std::ostream &out, WriteOptions options, char separator)
        : out_(out), options_(std::move(options)), separator_(separator),
          table_(options_.list_separator) {}

    void write(const json &record) override {
        if (record.value("kind", "") != "document")
            table_.add(record);
    }

    Result<bool> finish() override {
        table_.settle(options_.fields);
        if (options_.bom && separator_ == ',')
            out_ << "\xEF\xBB\xBF";
        line(table_.columns());
        for (const FlatRow &row : table_.rows()) {
            std::vector<std::string> values;
            for (const std::string &c : table_.columns())
                values.push_back(row.count(c) ? row.at(c).text : std::string());
            line(values);
        }
        out_.flush();
        return true;
    }

  private:
    std::string field(const std::string &text) const {
        if (separator_ == ',')
            return csv_field(text);
        std::string out = text;
        std::replace_if(
            out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; },
            ' ');
        return out;
    }
    void line(const std::vector<std::string> &values) {
        for (std::size_t i = 0; i < values.size(); ++i)
            out_ << (i ? std::string(1, separator_) : "") << field(values[i]);
        out_ << (separator_ == ',' ? "\r\n" : "\n");
    }

    std::ostream &out_;
    WriteOptions options_;
    char separator_;
    FlatTable table_;
};

// "2022-06-29" or "2022-09": an Excel date, and the format that shows it as written.
std::optional<std::pair<lxw_datetime, const char *>> excel_date(const std::string &text) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
        return std::pair{lxw_datetime{y, m, d, 0, 0, 0}, "yyyy-mm-dd"};
    if (text.size() == 7 && std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2)
        return std::pair{lxw_datetime{y, m, 1, 0, 0, 0}, "mmm yyyy"};
    return std::nullopt;
}

class XlsxWriter : public RecordWriter {
  public:
    XlsxWriter(std::ostream &out, WriteOptions options) : out_(out), options_(std::move(options)) {}

    void write(const json &record) override {
        std::string kind = record.value("kind", "record");
        auto it = std::find_if(sheets_.begin(), sheets_.end(),
                               [&](const auto &s) { return s.first == kind; });
        if (it == sheets_.end()) {
            sheets_.emplace_back(kind, FlatTable(options_.list_separator));
            it = sheets_.end() - 1;
        }
        it->second.add(record);
    }

    Result<bool> finish() override {
        auto path = std::filesystem::temp_directory_path() /
                    ("inspex-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".xlsx");
        lxw_workbook *book = workbook_new(path.c_str());
        if (!book)
            return Error("cannot create a workbook", path.string());
        Formats f{workbook_add_format(book), workbook_add_format(book), {}};
        format_set_bold(f.header);
        format_set_text_wrap(f.header);
        format_set_text_wrap(f.wrap);
        format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
        for (const char *pattern : {"yyyy-mm-dd", "mmm yyyy"}) {
            lxw_format *date = workbook_add_format(book);
            format_set_num_format(date, pattern);
            format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
            f.dates[pattern] = date;
        }
        for (auto &[kind, table] : sheets_)
            sheet(book, kind, table, f);
        lxw_error closed = workbook_close(book);
        if (closed != LXW_NO_ERROR)
            return Error(std::string("cannot write the workbook: ") + lxw_strerror(closed),
                         path.string());
        std::ifstream in(path, std::ios::binary);
        out_ << in.rdbuf();
        out_.flush();
        in.close();
        std::filesystem::remove(path);
        return true;
    }

  private:
    struct Formats {
        lxw_format *header;
        lxw_format *wrap;
        std::map<std::string, lxw_format *> dates;
    };

    void sheet(lxw_workbook *book, const std::string &kind, FlatTable &table, Formats &f) {
        table.settle(options_.fields);
        lxw_worksheet *ws = workbook_add_worksheet(book, kind.substr(0, 31).c_str());
        const auto &columns = table.columns();
        for (lxw_col_t c = 0; c < columns.size(); ++c) {
            worksheet_write_string(ws, 0, c, columns[c].c_str(), f.header);
            worksheet_set_column(ws, c, c, width(table, columns[c]), nullptr);
        }
        lxw_row_t r = 1;
        for (const FlatRow &row : table.rows()) {
            for (lxw_col_t c = 0; c < columns.size(); ++c) {
                auto cell = row.find(columns[c]);
                if (cell == row.end() || cell->second.text.empty())
                    continue;
                write_cell(ws, r, c, cell->second, f);
            }
            ++r;
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (!columns.empty())
            worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(columns.size() - 1));
    }

    static void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const FlatCell &cell,
                           Formats &f) {
        if (cell.number) {
            worksheet_write_number(ws, r, c, std::stod(cell.text), f.wrap);
        } else if (auto date = excel_date(cell.text)) {
            worksheet_write_datetime(ws, r, c, &date->first, f.dates[date->second]);
        } else {
            std::string text = cell.text.substr(0, 32767); // Excel's limit for one cell
            worksheet_write_string(ws, r, c, text.c_str(), f.wrap);
        }
    }

    // Wide enough for short values, capped so long texts wrap.
    static double width(const FlatTable &table, const std::string &column) {
        std::size_t longest = column.size();
        for (const FlatRow &row : table.rows())
            if (auto cell = row.find(column); cell != row.end())
                longest = std::max(longest, cell->second.text.size());
        return static_cast<double>(std::clamp<std::size_t>(longest + 2, 8, 60));
    }

    std::ostream &out_;
    WriteOptions options_;
    std::vector<std::pair<std::string, FlatTable>> sheets_;
};

} // namespace

Result<Format> parse_format(const std::string &name) {
    static const std::map<std::string, Format> formats = {{"jsonl", Format::jsonl},
                                                          {"json", Format::json},
                                                          {"csv", Format::csv},
                                                          {"tsv", Format::tsv},
                                                          {"xlsx", Format::xlsx}};
    auto it = formats.find(name);
    if (it == formats.end())
        return Error{"unknown output format \"" + name +
                     "\" (expected jsonl, json, csv, tsv or xlsx)"};
    return it->second;
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
        return std::make_unique<JsonArrayWriter>(out, std::move(options));
    case Format::csv:
        return std::make_unique<DelimitedWriter>(out, std::move(options), ',');
    case Format::tsv:
        return std::make_unique<DelimitedWriter>(out, std::move(options), '\t');
    case Format::xlsx:
        return std::make_unique<XlsxWriter>(out, std::move(options));
    case Format::jsonl:
        break;
    }
    return std::make_unique<JsonLinesWriter>(out, std::move(options));
}

} // namespace inspex
