// JSON Lines (a record a line, the stream's contract) and a JSON array,
// compact or indented (--pretty); --fields keeps only those top-level fields.
#include "writers.hpp"

namespace inspex::detail {
namespace {

using json = nlohmann::ordered_json;

json selected(const json &record, const std::vector<std::string> &fields) {
    if (fields.empty())
        return record;
    json out = json::object();
    for (const std::string &f : fields)
        if (record.contains(f))
            out[f] = record[f];
    return out;
}

class JsonWriter : public RecordWriter {
  public:
    JsonWriter(std::ostream &out, WriteOptions options, bool lines)
        : out_(out), options_(std::move(options)), lines_(lines) {}

    void write(const json &record) override {
        std::string text =
            selected(record, options_.fields)
                .dump(options_.pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
        if (lines_)
            out_ << text << '\n';
        else
            out_ << (first_ ? "[\n" : ",\n") << text;
        first_ = false;
    }

    Result<bool> finish() override {
        if (!lines_)
            out_ << (first_ ? "[]\n" : "\n]\n");
        out_.flush();
        return true;
    }

  private:
    std::ostream &out_;
    WriteOptions options_;
    bool lines_;
    bool first_ = true;
};

} // namespace

std::unique_ptr<RecordWriter> make_json_writer(std::ostream &out, WriteOptions options,
                                               bool lines) {
    return std::make_unique<JsonWriter>(out, std::move(options), lines);
}

} // namespace inspex::detail
