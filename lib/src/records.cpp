#include "inspex/records.hpp"

namespace inspex {

std::size_t read_documents(std::istream &in, const std::string &file,
                           const std::function<void(const DocumentRecords &)> &on_document,
                           const std::function<void(const Error &)> &on_error) {
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
        auto record = nlohmann::ordered_json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object()) {
            ++bad;
            on_error(Error("not a JSON record: " + line.substr(0, 60), file, number));
            continue;
        }
        if (record.value("kind", "") == "document") {
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
