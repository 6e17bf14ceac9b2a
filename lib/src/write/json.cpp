// JSON Lines (a record a line, the stream's contract) and a JSON array,
// compact or indented (--pretty); --fields keeps only those top-level fields.
#include "writers.hpp"

namespace inspex::detail {
namespace {

using json = nlohmann::ordered_json;

// The record with only the chosen fields (--fields), a copy.
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
        if (!lines_)
            out_ << (first_ ? "[\n" : ",\n");
        if (options_.fields.empty())
            dump(record);
        else
            dump(selected(record, options_.fields));
        if (lines_)
            out_ << '\n';
        first_ = false;
    }

    Result<bool> finish() override {
        if (!lines_)
            out_ << (first_ ? "[]\n" : "\n]\n");
        out_.flush();
        return true;
    }

  private:
    // Serialised as json::dump() would (invalid UTF-8 replaced), with no
    // copy of the record, into one buffer kept from record to record (the
    // serialiser writes a character at a time: a string takes them faster
    // than a stream), then written whole.
    void dump(const json &record) {
        buffer_.clear();
        nlohmann::detail::serializer<json> s(
            nlohmann::detail::output_adapter<char, std::string>(buffer_), ' ',
            json::error_handler_t::replace);
        s.dump(record, options_.pretty, false, options_.pretty ? 2 : 0);
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        if (buffer_.capacity() > kKeptBuffer)
            buffer_ = std::string(); // a huge record's room given back
    }

    static constexpr std::size_t kKeptBuffer = 1 << 20;
    std::ostream &out_;
    WriteOptions options_;
    bool lines_;
    bool first_ = true;
    std::string buffer_;
};

} // namespace

std::unique_ptr<RecordWriter> make_json_writer(std::ostream &out, WriteOptions options,
                                               bool lines) {
    return std::make_unique<JsonWriter>(out, std::move(options), lines);
}

} // namespace inspex::detail
