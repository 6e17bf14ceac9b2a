#include "inspex/records.hpp"

#include "inspex/record_shape.hpp"

namespace inspex {

std::size_t read_documents(std::istream &in, const std::string &file,
                           const std::function<void(const DocumentRecords &)> &on_document,
                           const std::function<void(const Error &)> &on_error,
                           const std::function<void(const Error &)> &on_malformed) {
    DocumentRecords current;
    std::size_t bad = 0, number = 0;
    auto flush = [&] {
        if (!current.raw.empty())
            on_document(current);
        current = DocumentRecords{};
    };
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        ParsedRecord parsed = parse_record(line);
        if (!parsed.problem.empty()) {
            ++bad;
            on_error(Error(record_problem(parsed.problem) + line.substr(0, 60), file, number));
            continue;
        }
        nlohmann::ordered_json &record = parsed.record;
        if (auto problem = shape_problem(record)) {
            ++bad;
            (on_malformed ? on_malformed : on_error)(
                Error("not a record of the expected shape: " + *problem, file, number));
            if (record["kind"] == "document") {
                flush();
                current.document = nullptr;
            }
            current.raw.push_back(std::move(line));
            continue;
        }
        if (record["kind"] == "document") {
            flush();
            current.document = std::move(record);
        } else {
            current.items.push_back(std::move(record));
        }
        current.raw.push_back(std::move(line));
    }
    flush();
    return bad;
}

} // namespace inspex
