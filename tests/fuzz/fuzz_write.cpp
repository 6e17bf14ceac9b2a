// Fuzz target: any bytes read as JSON Lines, every line that is a record of
// the expected shape (record_shape.hpp) flattened and written by one writer,
// chosen by the first byte: JSON Lines, JSON, CSV, TSV or XLSX. Output or an
// error value, never a crash.
#include "inspex/record_shape.hpp"
#include "inspex/write.hpp"

#include <cstdint>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    static const inspex::Format formats[] = {inspex::Format::jsonl, inspex::Format::json,
                                             inspex::Format::csv, inspex::Format::tsv,
                                             inspex::Format::xlsx};
    inspex::WriteOptions options;
    options.keep_formulas = data[0] & 0x80;
    options.xlsx_rows = 4; // continuation sheets reached with few records
    options.on_warning = [](const std::string &) {};
    std::ostringstream out;
    auto writer = inspex::make_writer(formats[data[0] % 5], out, options);
    std::istringstream in(std::string(reinterpret_cast<const char *>(data + 1), size - 1));
    for (std::string line; std::getline(in, line);) {
        inspex::ParsedRecord parsed = inspex::parse_record(line);
        if (parsed.problem.empty() && !inspex::shape_problem(parsed.record))
            writer->write(parsed.record);
    }
    (void)writer->finish();
    return 0;
}
