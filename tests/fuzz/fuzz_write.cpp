// Fuzz target: any bytes read as JSON Lines, every line that is a record of
// the expected shape (record_shape.hpp) flattened and written by one writer,
// chosen by the first byte: JSON Lines, JSON, CSV, TSV, XLSX or a SQLite
// archive (in memory, with the installed grammars' schema). Output or an
// error value, never a crash.
#include "inspex/catalog.hpp"
#include "inspex/record_shape.hpp"
#include "inspex/schema.hpp"
#include "inspex/write.hpp"

#include <cstdint>
#include <sstream>

namespace {

// The archive's tables come from the grammars' schema: loaded once.
const inspex::TableSchema &archive_schema() {
    static const inspex::TableSchema schema = [] {
        auto grammars = inspex::Catalog().load_all();
        return grammars ? inspex::TableSchema::from_grammars(grammars.value())
                        : inspex::TableSchema{};
    }();
    return schema;
}

std::unique_ptr<inspex::RecordWriter> writer_for(uint8_t choice, std::ostream &out,
                                                 inspex::WriteOptions options) {
    static const inspex::Format formats[] = {inspex::Format::jsonl, inspex::Format::json,
                                             inspex::Format::csv, inspex::Format::tsv,
                                             inspex::Format::xlsx};
    if (choice % 6 < 5)
        return inspex::make_writer(formats[choice % 6], out, std::move(options));
    options.schema = archive_schema();
    auto archive = inspex::open_archive(":memory:", std::move(options));
    return archive ? std::move(archive.value()) : nullptr;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    inspex::WriteOptions options;
    options.keep_formulas = data[0] & 0x80;
    options.xlsx_rows = 4; // continuation sheets reached with few records
    options.on_warning = [](const std::string &) {};
    std::ostringstream out;
    auto writer = writer_for(data[0], out, options);
    if (!writer)
        return 0;
    std::istringstream in(std::string(reinterpret_cast<const char *>(data + 1), size - 1));
    for (std::string line; std::getline(in, line);) {
        inspex::ParsedRecord parsed = inspex::parse_record(line);
        if (parsed.problem.empty() && !inspex::shape_problem(parsed.record))
            writer->write(parsed.record);
    }
    (void)writer->finish();
    return 0;
}
