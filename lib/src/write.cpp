#include "inspex/write.hpp"

#include "inspex/flatten.hpp"
#include "inspex/output_file.hpp"
#include "inspex/workbook_limits.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <map>
#include <unistd.h>
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
        std::vector<std::string> header;
        for (const std::string &c : table_.columns())
            header.push_back(cell({c, false}));
        line(header);
        for (const FlatRow &row : table_.rows()) {
            std::vector<std::string> values;
            for (const std::string &c : table_.columns())
                values.push_back(row.count(c) ? cell(row.at(c)) : std::string());
            line(values);
        }
        out_.flush();
        return true;
    }

  private:
    std::string cell(const FlatCell &c) const {
        return c.number || options_.keep_formulas ? c.text : neutralise_formula(c.text);
    }
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
        const json &field = record.contains("kind") ? record["kind"] : json();
        std::string kind = field.is_string() ? field.get<std::string>() : "record";
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
                    ("inspex-" + std::to_string(::getpid()) + "-" +
                     std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".xlsx");
        track_temporary(path.string());
        struct Forget {
            std::string path;
            ~Forget() {
                std::error_code ec;
                std::filesystem::remove(path, ec);
                forget_temporary(path);
            }
        } forget{path.string()};
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
        SheetNames names;
        for (auto &[kind, table] : sheets_) {
            table.settle(options_.fields);
            std::size_t per_sheet = std::max<std::size_t>(options_.xlsx_rows, 2) - 1;
            for (std::size_t first = 0, part = 1; first < table.rows().size() || part == 1;
                 first += per_sheet, ++part) {
                std::string name =
                    names.add(part == 1 ? kind : kind + " (" + std::to_string(part) + ")");
                if (part == 2)
                    warn(fmt::format("more \"{}\" records than a sheet holds ({} rows): continued "
                                     "in sheets \"{}\" and after",
                                     kind, per_sheet, name));
                sheet(book, name, table, first, std::min(first + per_sheet, table.rows().size()),
                      f);
            }
        }
        lxw_error closed = workbook_close(book);
        if (closed != LXW_NO_ERROR)
            return Error(std::string("cannot write the workbook: ") + lxw_strerror(closed),
                         path.string());
        std::ifstream in(path, std::ios::binary);
        out_ << in.rdbuf();
        out_.flush();
        return true;
    }

  private:
    struct Formats {
        lxw_format *header;
        lxw_format *wrap;
        std::map<std::string, lxw_format *> dates;
    };

    // Rows [first, last) of a table in a sheet of its own.
    void sheet(lxw_workbook *book, const std::string &name, const FlatTable &table,
               std::size_t first, std::size_t last, Formats &f) {
        lxw_worksheet *ws = workbook_add_worksheet(book, name.c_str());
        const auto &columns = table.columns();
        for (lxw_col_t c = 0; c < columns.size(); ++c) {
            worksheet_write_string(ws, 0, c, columns[c].c_str(), f.header);
            worksheet_set_column(ws, c, c, width(table, columns[c]), nullptr);
        }
        lxw_row_t r = 1;
        for (std::size_t i = first; i < last; ++i, ++r) {
            const FlatRow &row = table.rows()[i];
            for (lxw_col_t c = 0; c < columns.size(); ++c) {
                auto cell = row.find(columns[c]);
                if (cell == row.end() || cell->second.text.empty())
                    continue;
                write_cell(ws, r, c, cell->second, f);
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (!columns.empty())
            worksheet_autofilter(ws, 0, 0, r - 1, static_cast<lxw_col_t>(columns.size() - 1));
    }

    void warn(const std::string &message) {
        if (options_.on_warning)
            options_.on_warning(message);
    }

    void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const FlatCell &cell, Formats &f) {
        if (cell.number) {
            worksheet_write_number(ws, r, c, std::strtod(cell.text.c_str(), nullptr), f.wrap);
        } else if (auto date = excel_date(cell.text)) {
            worksheet_write_datetime(ws, r, c, &date->first, f.dates[date->second]);
        } else if (cell.text.size() > kCellBytes) {
            std::size_t cut = utf8_prefix(cell.text, kCellBytes);
            warn(fmt::format("a cell of {} bytes cut to {} (a spreadsheet cell holds {} at most; "
                             "row {}, column {})",
                             cell.text.size(), cut, kCellBytes, r + 1, c + 1));
            worksheet_write_string(ws, r, c, cell.text.substr(0, cut).c_str(), f.wrap);
        } else {
            worksheet_write_string(ws, r, c, cell.text.c_str(), f.wrap);
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
