// CSV (RFC 4180) and TSV (a tab or line break inside a value becomes a
// space). With a schema the header is fixed before any row, so rows are
// written as records come, and a run with no rows still writes the header;
// without one, or for a stream of kinds no grammar declares (tracking's
// links), the columns come from the data and the table is buffered.
#include "writers.hpp"

#include <algorithm>

namespace inspex::detail {
namespace {

using json = nlohmann::ordered_json;

class DelimitedWriter : public RecordWriter {
  public:
    DelimitedWriter(std::ostream &out, WriteOptions options, char separator)
        : out_(out), options_(std::move(options)), separator_(separator),
          rows_(options_.schema, options_.list_separator), table_(options_.list_separator) {
        if (!options_.schema.empty())
            columns_ = table_columns(options_, table_kinds(options_));
    }

    void write(const json &record) override {
        auto kind = record.find("kind");
        bool chosen =
            kind != record.end() && kind->is_string() && selected(kind->get<std::string>());
        if (options_.schema.empty()) {
            if (chosen)
                table_.add(record);
            return;
        }
        std::vector<FlatRow> rows = rows_.rows(record);
        if (!chosen)
            return;
        // A kind no grammar declares (links from tracking) waits: alone in
        // the stream, its table takes its columns from the data.
        std::string name = kind->get<std::string>();
        if (!header_written_ && !options_.schema.knows(name) && options_.kinds.empty()) {
            unknown_.push_back(record);
            return;
        }
        flush_unknown();
        for (const FlatRow &row : rows)
            line(row);
    }

    Result<bool> finish() override {
        if (!header_written_ && !unknown_.empty()) {
            columns_.clear();
            for (const json &record : unknown_)
                table_.add(record);
            unknown_.clear();
        }
        if (options_.schema.empty() || !table_.rows().empty()) {
            table_.settle(options_.fields);
            for (const std::string &name : table_.columns())
                columns_.push_back({name});
            for (const FlatRow &row : table_.rows())
                line(row);
        }
        header();
        out_.flush();
        return true;
    }

  private:
    // Records of unknown kinds held back, written as rows of the fixed
    // columns (their fields in "extra") once the stream has known ones.
    void flush_unknown() {
        std::vector<json> held = std::move(unknown_);
        unknown_.clear();
        for (const json &record : held)
            for (const FlatRow &row : rows_.rows(record))
                line(row);
    }
    bool selected(const std::string &kind) const {
        if (options_.kinds.empty())
            return kind != "document";
        return std::find(options_.kinds.begin(), options_.kinds.end(), kind) !=
               options_.kinds.end();
    }
    // A cell a spreadsheet would run as a formula, made inert (unless asked not to).
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
    void values(const std::vector<std::string> &cells) {
        for (std::size_t i = 0; i < cells.size(); ++i)
            out_ << (i ? std::string(1, separator_) : "") << field(cells[i]);
        out_ << (separator_ == ',' ? "\r\n" : "\n");
    }
    void header() {
        if (header_written_)
            return;
        header_written_ = true;
        if (options_.bom && separator_ == ',')
            out_ << "\xEF\xBB\xBF";
        std::vector<std::string> names;
        for (const Column &c : columns_)
            names.push_back(cell({c.name, false}));
        values(names);
    }
    void line(const FlatRow &row) {
        header();
        std::vector<std::string> cells;
        for (const Column &c : columns_) {
            auto it = row.find(c.name);
            cells.push_back(it == row.end() ? std::string() : cell(it->second));
        }
        values(cells);
    }

    std::ostream &out_;
    WriteOptions options_;
    char separator_;
    std::vector<Column> columns_;
    RowMaker rows_;
    FlatTable table_;
    std::vector<json> unknown_;
    bool header_written_ = false;
};

} // namespace

std::unique_ptr<RecordWriter> make_delimited_writer(std::ostream &out, WriteOptions options,
                                                    char separator) {
    return std::make_unique<DelimitedWriter>(out, std::move(options), separator);
}

} // namespace inspex::detail
