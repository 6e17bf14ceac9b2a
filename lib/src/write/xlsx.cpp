// An XLSX workbook for reading on screen and on paper: a summary sheet
// first (documents, records by kind and by category, findings), then a
// sheet per record kind with its schema's columns, then every finding. Refs stay text, dates are
// dates shown at their precision ("Sep 2022" for a month), rows are as tall
// as their wrapped text, pages are landscape, one page wide, with the
// header row repeated; bookkeeping columns sit in collapsed groups.
#include "writers.hpp"

#include "../backend/xlsx_backend.hpp"
#include "inspex/output_file.hpp"
#include "inspex/workbook_limits.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <unistd.h>

#ifndef INSPEX_STATIC_BACKENDS
#include "../backend/module.hpp"
#endif

namespace inspex::detail {
namespace {

using json = nlohmann::ordered_json;

constexpr double kLineHeight = 15; // points per line of wrapped text
constexpr double kMaxHeight = 409; // Excel's tallest row

// "2022-06-29", "2022-09" or "2022": an Excel date, and the number format
// that shows it at that precision.
std::optional<std::pair<lxw_datetime, const char *>> excel_date(const std::string &text) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3)
        return std::pair{lxw_datetime{y, m, d, 0, 0, 0}, "yyyy-mm-dd"};
    if (text.size() == 7 && std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2)
        return std::pair{lxw_datetime{y, m, 1, 0, 0, 0}, "mmm yyyy"};
    if (text.size() == 4 && std::sscanf(text.c_str(), "%4d%c", &y, &tail) == 1)
        return std::pair{lxw_datetime{y, 1, 1, 0, 0, 0}, "yyyy"};
    return std::nullopt;
}

double column_width(const Column &c) {
    double named = static_cast<double>(c.name.size()) * 0.9 + 1;
    switch (c.type) {
    case ColumnType::date:
        return std::max(12.0, named);
    case ColumnType::integer:
        return std::max(8.0, named);
    case ColumnType::text:
        break;
    }
    if (c.role == ColumnRole::prose)
        return 45;
    if (c.name.find("ref") != std::string::npos && c.name.size() <= 12)
        return std::max(8.0, named);
    return std::max(16.0, named);
}

// Lines the text takes wrapped in a column this wide (characters).
std::size_t wrapped_lines(const std::string &text, double width) {
    std::size_t lines = 0, from = 0;
    double per_line = std::max(1.0, width * 1.1);
    while (from <= text.size()) {
        std::size_t end = text.find('\n', from);
        if (end == std::string::npos)
            end = text.size();
        lines += std::max<std::size_t>(
            1, static_cast<std::size_t>(std::ceil(static_cast<double>(end - from) / per_line)));
        from = end + 1;
    }
    return lines;
}

struct Sheet {
    lxw_worksheet *ws = nullptr;
    std::vector<Column> columns; // empty: taken from the data at the end
    lxw_row_t next = 1;
    FlatTable data{" | "};
    std::size_t part = 1; // 2, 3...: a continuation sheet of the kind's records
};

struct DocumentStats {
    std::string doc, grammar, establishment, error;
    std::size_t records = 0, warnings = 0, errors = 0;
};

// Libxlsxwriter in its module, or linked in (INSPEX_STATIC_BACKENDS).
Result<const backend::XlsxBackend *> libxlsxwriter() {
#ifdef INSPEX_STATIC_BACKENDS
    return inspex_xlsx_backend_v1();
#else
    return detail::backend<backend::XlsxBackend>("inspex-xlsx", "inspex_xlsx_backend_v1",
                                                 "cannot write XLSX");
#endif
}

class XlsxWriter : public RecordWriter {
  public:
    XlsxWriter(std::ostream &out, WriteOptions options)
        : out_(out), options_(std::move(options)), rows_(options_.schema, options_.list_separator) {
        std::error_code no_folder;
        std::filesystem::path folder = std::filesystem::temp_directory_path(no_folder);
        if (no_folder) {
            const char *tmpdir = std::getenv("TMPDIR");
            unavailable_ = fmt::format("cannot write XLSX: no folder for its temporary file "
                                       "(TMPDIR {}: {})",
                                       tmpdir ? tmpdir : "unset", no_folder.message());
            return;
        }
        path_ = folder / ("inspex-" + std::to_string(::getpid()) + "-" +
                          std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".xlsx");
        track_temporary(path_.string()); // removed on an interrupt too
        auto loaded = libxlsxwriter();
        if (!loaded) {
            unavailable_ = loaded.error().message;
            return;
        }
        x_ = loaded.value();
        // libxlsxwriter's own temporary files beside ours (TMPDIR), not always /tmp.
        std::string tmpdir = path_.parent_path().string();
        lxw_workbook_options book_options{};
        book_options.tmpdir = tmpdir.data();
        // Each sheet's rows go to disk as the next row starts (rows are
        // written in order, a sheet's header first): memory stays flat.
        book_options.constant_memory = LXW_TRUE;
        book_ = x_->workbook_new_opt(path_.c_str(), &book_options);
        if (!book_)
            return;
        formats();
        summary_ = x_->workbook_add_worksheet(book_, names_.add("summary").c_str());
        summary_line({"documents", "grammar", "establishment", "records", "warnings", "errors",
                      "input error"},
                     header_);
        for (const std::string &kind : sheet_kinds())
            add_sheet(kind, table_columns(options_, {kind}));
        if (options_.grammars)
            findings_sheet();
    }

    ~XlsxWriter() override {
        if (book_)
            x_->workbook_close(book_);
        std::error_code ec;
        std::filesystem::remove(path_, ec);
        forget_temporary(path_.string());
    }

    void write(const json &record) override {
        if (!book_)
            return;
        std::string kind = text_of(record, "kind", "record");
        note(kind, record);
        if (auto done = groups_.add(record))
            validate(*done);
        Sheet &sheet = sheet_for(kind);
        if (sheet.columns.empty()) {
            sheet.data.add(record);
            return;
        }
        for (const FlatRow &row : rows_.rows(record))
            write_row(room_in(kind, sheet), row);
    }

    Result<bool> finish() override {
        if (!book_)
            return unavailable_.empty() ? Error("cannot create a workbook", path_.string())
                                        : Error(unavailable_);
        if (auto done = groups_.end())
            validate(*done);
        for (const DocumentStats &s : stats_)
            document_line(s);
        stats_.clear();
        // By index: a full sheet adds a continuation while rows are written.
        for (std::size_t i = 0; i < sheets_.size(); ++i)
            if (sheets_[i].second.columns.empty())
                data_sheet(sheets_[i].first, sheets_[i].second);
        for (auto &[kind, sheet] : sheets_)
            finish_sheet(sheet);
        if (findings_.ws)
            finish_sheet(findings_);
        write_summary();
        lxw_error closed = x_->workbook_close(book_);
        book_ = nullptr;
        std::error_code ignored;
        if (closed != LXW_NO_ERROR) {
            std::filesystem::remove(path_, ignored);
            return Error(std::string("cannot write the workbook: ") + x_->lxw_strerror(closed),
                         path_.string());
        }
        std::ifstream in(path_, std::ios::binary);
        out_ << in.rdbuf();
        out_.flush();
        in.close();
        std::filesystem::remove(path_, ignored);
        return true;
    }

  private:
    static std::string text_of(const json &j, const char *key, const std::string &fallback = {}) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
    }

    std::vector<std::string> sheet_kinds() const {
        std::vector<std::string> kinds = options_.schema.kinds();
        if (!options_.kinds.empty())
            kinds = options_.kinds;
        // documents last: the item sheets are what a reader opens first
        std::stable_partition(kinds.begin(), kinds.end(),
                              [](const std::string &k) { return k != "document"; });
        return kinds;
    }

    void formats() {
        header_ = x_->workbook_add_format(book_);
        x_->format_set_bold(header_);
        x_->format_set_text_wrap(header_);
        x_->format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        x_->format_set_bg_color(header_, 0xDDDDDD);
        wrap_ = x_->workbook_add_format(book_);
        x_->format_set_text_wrap(wrap_);
        x_->format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
        for (const char *pattern : {"yyyy-mm-dd", "mmm yyyy", "yyyy"}) {
            lxw_format *date = x_->workbook_add_format(book_);
            x_->format_set_num_format(date, pattern);
            x_->format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
            x_->format_set_align(date, LXW_ALIGN_LEFT);
            dates_[pattern] = date;
        }
    }

    // A sheet named after the kind: valid and distinct whatever the kind
    // (workbook_limits.hpp), "kind (2)" for the rows past a full one.
    Sheet &add_sheet(const std::string &kind, std::vector<Column> columns, std::size_t part = 1) {
        Sheet &sheet = sheets_.emplace_back(kind, Sheet{}).second;
        sheet.part = part;
        std::string name = names_.add(part == 1 ? kind : kind + " (" + std::to_string(part) + ")");
        if (part == 2)
            warn(fmt::format("more \"{}\" records than a sheet holds ({} rows): continued in "
                             "sheets \"{}\" and after",
                             kind, options_.xlsx_rows - 1, name));
        sheet.ws = x_->workbook_add_worksheet(book_, name.c_str());
        sheet.columns = std::move(columns);
        sheet.data = FlatTable(options_.list_separator);
        if (!sheet.columns.empty())
            write_header(sheet);
        return sheet;
    }

    // The kind's last sheet.
    Sheet &sheet_for(const std::string &kind) {
        for (auto it = sheets_.rbegin(); it != sheets_.rend(); ++it)
            if (it->first == kind)
                return it->second;
        return add_sheet(kind, options_.schema.knows(kind) ? table_columns(options_, {kind})
                                                           : std::vector<Column>{});
    }

    // The sheet the next row goes on: this one, or when it is full a
    // continuation with the same columns.
    Sheet &room_in(const std::string &kind, Sheet &sheet) {
        if (sheet.next < std::max<std::size_t>(options_.xlsx_rows, 2))
            return sheet;
        Sheet &last = sheet_for(kind);
        if (&last != &sheet && last.next < std::max<std::size_t>(options_.xlsx_rows, 2))
            return last;
        return add_sheet(kind, last.columns, last.part + 1);
    }

    void warn(const std::string &message) {
        if (options_.on_warning)
            options_.on_warning(message);
    }

    void write_row(Sheet &sheet, const FlatRow &row) {
        std::size_t lines = 1;
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) {
            const Column &column = sheet.columns[c];
            auto cell = row.find(column.name);
            if (cell == row.end() || cell->second.text.empty())
                continue;
            write_cell(sheet.ws, sheet.next, c, column, cell->second);
            if (!column.detail)
                lines = std::max(lines, wrapped_lines(cell->second.text, column_width(column)));
        }
        x_->worksheet_set_row(sheet.ws, sheet.next,
                              std::min(kMaxHeight, kLineHeight * static_cast<double>(lines)),
                              nullptr);
        ++sheet.next;
    }

    void write_cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const Column &column,
                    const FlatCell &cell) {
        const std::string &text = cell.text;
        if (column.type == ColumnType::integer &&
            text.find_first_not_of("-0123456789.") == std::string::npos) {
            x_->worksheet_write_number(ws, r, c, std::strtod(text.c_str(), nullptr), wrap_);
            return;
        }
        if (column.type == ColumnType::date)
            if (auto date = excel_date(text)) {
                x_->worksheet_write_datetime(ws, r, c, &date->first, dates_[date->second]);
                return;
            }
        if (text.size() > kCellBytes) {
            std::size_t cut = utf8_prefix(text, kCellBytes);
            warn(fmt::format("a cell of {} bytes cut to {} (a spreadsheet cell holds {} at most; "
                             "row {}, column {})",
                             text.size(), cut, kCellBytes, r + 1, c + 1));
            x_->worksheet_write_string(ws, r, c, text.substr(0, cut).c_str(), wrap_);
            return;
        }
        x_->worksheet_write_string(ws, r, c, text.c_str(), wrap_);
    }

    // A kind no schema describes: columns from the data, numbers and ISO
    // dates recognised by their look.
    void data_sheet(const std::string &kind, Sheet &sheet) {
        sheet.data.settle(options_.fields);
        for (const std::string &name : sheet.data.columns())
            sheet.columns.push_back({name});
        write_header(sheet);
        Sheet *target = &sheet;
        for (const FlatRow &row : sheet.data.rows()) {
            target = &room_in(kind, *target);
            write_untyped(*target, row);
        }
    }

    void write_untyped(Sheet &sheet, const FlatRow &row) {
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) {
            auto cell = row.find(sheet.columns[c].name);
            if (cell == row.end() || cell->second.text.empty())
                continue;
            Column guess = sheet.columns[c];
            if (cell->second.number)
                guess.type = ColumnType::integer;
            else if (excel_date(cell->second.text))
                guess.type = ColumnType::date;
            write_cell(sheet.ws, sheet.next, c, guess, cell->second);
        }
        ++sheet.next;
    }

    // Row 0, before any other: in constant-memory mode a row once left is on disk.
    void write_header(const Sheet &sheet) {
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c)
            x_->worksheet_write_string(sheet.ws, 0, c, sheet.columns[c].name.c_str(), header_);
        x_->worksheet_set_row(sheet.ws, 0, kLineHeight * 2, nullptr);
    }

    void finish_sheet(Sheet &sheet) {
        lxw_worksheet *ws = sheet.ws;
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) {
            const Column &column = sheet.columns[c];
            // (uint8_t fields: lxw_boolean is an enum, which clang will not narrow)
            const uint8_t hidden = column.detail ? 1 : 0;
            lxw_row_col_options group{hidden, hidden, 0};
            x_->worksheet_set_column_opt(ws, c, c, column_width(column), nullptr, &group);
        }
        x_->worksheet_freeze_panes(ws, 1, 0);
        if (!sheet.columns.empty())
            x_->worksheet_autofilter(ws, 0, 0, sheet.next - 1,
                                     static_cast<lxw_col_t>(sheet.columns.size() - 1));
        printable(ws);
    }

    void printable(lxw_worksheet *ws) const {
        x_->worksheet_set_landscape(ws);
        x_->worksheet_set_paper(ws, 9); // A4
        x_->worksheet_fit_to_pages(ws, 1, 0);
        x_->worksheet_repeat_rows(ws, 0, 0);
        x_->worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
        x_->worksheet_set_footer(ws, "&L&A&RPage &P of &N");
        x_->worksheet_outline_settings(ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
    }

    // Counts for the summary: per document, per kind, per category value.
    void note(const std::string &kind, const json &record) {
        std::string doc = text_of(record, "doc");
        if (kind == "document") {
            stats_.push_back({doc, text_of(record, "grammar"), text_of(record, "establishment"),
                              text_of(record, "error"), 0, 0, 0});
        } else {
            ++by_kind_[kind];
            if (!stats_.empty() && stats_.back().doc == doc)
                ++stats_.back().records;
            for (const Column &c : options_.schema.columns_of({kind}))
                if (c.role == ColumnRole::category && c.type == ColumnType::text &&
                    c.name != "kind" && c.name != "doc" && record.contains(c.name)) {
                    const json &v = record[c.name];
                    by_value_[{kind, c.name}][v.is_string() ? v.get<std::string>() : "(none)"]++;
                }
        }
        if (auto w = record.find("warnings"); w != record.end() && w->is_array() && !stats_.empty())
            stats_.back().warnings += w->size();
    }

    // A document's findings: counted for the summary, and their rows
    // written on the findings sheet as they come.
    void validate(const DocumentGroups::Group &group) {
        for (const Finding &f : findings_of(options_.grammars, group)) {
            if (f.severity == Severity::error)
                for (DocumentStats &s : stats_)
                    if (s.doc == f.doc)
                        ++s.errors;
            ++finding_counts_[{severity_name(f.severity), f.code}];
            write_row(findings_, {{"doc", {f.doc}},
                                  {"file", {f.file}},
                                  {"first_line", {std::to_string(f.first_line)}},
                                  {"last_line", {std::to_string(f.last_line)}},
                                  {"severity", {severity_name(f.severity)}},
                                  {"code", {f.code}},
                                  {"ref", {f.ref}},
                                  {"message", {f.message}}});
        }
        if (group.document.is_object())
            close_document(text_of(group.document, "doc"));
    }

    // A document's line on the summary sheet, written once its records are
    // all counted and checked: the summary holds no line per document.
    void close_document(const std::string &doc) {
        auto it = std::find_if(stats_.begin(), stats_.end(),
                               [&](const DocumentStats &s) { return s.doc == doc; });
        if (it == stats_.end())
            return;
        document_line(*it);
        stats_.erase(it);
    }

    void document_line(const DocumentStats &s) {
        summary_line({s.doc, s.grammar, s.establishment, std::to_string(s.records),
                      std::to_string(s.warnings), std::to_string(s.errors), s.error},
                     nullptr);
    }

    void summary_line(const std::vector<std::string> &cells, lxw_format *format) {
        for (lxw_col_t c = 0; c < cells.size(); ++c) {
            const std::string &v = cells[c];
            bool number = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos;
            if (number && format != header_)
                x_->worksheet_write_number(summary_, summary_row_, c,
                                           std::strtod(v.c_str(), nullptr), nullptr);
            else
                x_->worksheet_write_string(summary_, summary_row_, c, v.c_str(), format);
        }
        ++summary_row_;
    }

    // The summary's sections after its lines of documents.
    void write_summary() {
        lxw_worksheet *ws = summary_;
        ++summary_row_;
        summary_line({"records by kind", "count"}, header_);
        for (const auto &[kind, n] : by_kind_)
            summary_line({kind, std::to_string(n)}, nullptr);
        ++summary_row_;
        summary_line({"kind", "field", "value", "count"}, header_);
        for (const auto &[key, values] : by_value_)
            for (const auto &[value, n] : values)
                summary_line({key.first, key.second, value, std::to_string(n)}, nullptr);
        ++summary_row_;
        write_findings();
        x_->worksheet_set_column(ws, 0, 0, 32, nullptr);
        x_->worksheet_set_column(ws, 1, 3, 18, nullptr);
        x_->worksheet_set_column(ws, 4, 6, 12, nullptr);
        printable(ws);
        x_->worksheet_fit_to_pages(ws, 1, 0);
    }

    void write_findings() {
        if (!options_.grammars) {
            summary_line({"findings: not checked (no grammars given)"}, header_);
            return;
        }
        summary_line({"findings", "code", "count"}, header_);
        for (const auto &[key, n] : finding_counts_)
            summary_line({key.first, key.second, std::to_string(n)}, nullptr);
    }

    // The sheet of every finding, as inspex validate reports them, one a row.
    void findings_sheet() {
        findings_.ws = x_->workbook_add_worksheet(book_, names_.add("findings").c_str());
        for (const char *name : {"doc", "file", "first_line", "last_line", "severity", "code"})
            findings_.columns.push_back({name, ColumnType::text, ColumnRole::category});
        findings_.columns[2].type = findings_.columns[3].type = ColumnType::integer;
        findings_.columns.push_back({"ref", ColumnType::text});
        findings_.columns.push_back({"message", ColumnType::text, ColumnRole::prose});
        write_header(findings_);
    }

    std::ostream &out_;
    WriteOptions options_;
    RowMaker rows_;
    std::filesystem::path path_;
    const backend::XlsxBackend *x_ = nullptr; // libxlsxwriter's functions
    std::string unavailable_;                 // why they cannot be had
    lxw_workbook *book_ = nullptr;
    lxw_worksheet *summary_ = nullptr;
    lxw_row_t summary_row_ = 0;
    Sheet findings_; // no sheet (ws null) without grammars
    lxw_format *header_ = nullptr, *wrap_ = nullptr;
    std::map<std::string, lxw_format *> dates_;
    std::deque<std::pair<std::string, Sheet>> sheets_; // stable references as sheets are added
    SheetNames names_;
    DocumentGroups groups_;
    std::vector<DocumentStats> stats_; // the documents not yet on the summary (one or two)
    std::map<std::string, std::size_t> by_kind_;
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::size_t>> by_value_;
    std::map<std::pair<std::string, std::string>, std::size_t> finding_counts_;
};

} // namespace

Result<bool> xlsx_available() {
    auto loaded = libxlsxwriter();
    if (!loaded)
        return loaded.error();
    return true;
}

std::unique_ptr<RecordWriter> make_xlsx_writer(std::ostream &out, WriteOptions options) {
    return std::make_unique<XlsxWriter>(out, std::move(options));
}

} // namespace inspex::detail
