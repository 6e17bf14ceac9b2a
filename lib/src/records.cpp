#include "inspex/records.hpp"

#include "inspex/record_shape.hpp"

#include "inspex/read/reader.hpp"

#include <array>
#include <fmt/format.h>
#include <istream>

namespace inspex {

bool read_record_line(std::istream &in, std::string &line, bool &too_long, std::size_t max_bytes) {
    line.clear();
    too_long = false;
    std::array<char, 1 << 14> chunk; // filled by getline before it is read
    for (bool any = false;; any = true) {
        // A chunk's length of the line, or the rest of it: its line end is
        // read, not stored; at the input's end, eofbit (and failbit if
        // nothing was read); failbit alone when the chunk filled first (a
        // read error, badbit, ends the input).
        in.getline(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        auto got = static_cast<std::size_t>(in.gcount());
        bool full = in.fail() && !in.eof() && !in.bad() && got + 1 == chunk.size();
        std::size_t stored = !in.fail() && !in.eof() ? got - 1 : got;
        if (line.size() + stored > max_bytes) {
            too_long = true; // the rest is left unread: it may never end
            return true;
        }
        line.append(chunk.data(), stored);
        if (!full)
            return any || got > 0;
        in.clear();
    }
}

std::string line_too_long_message(std::size_t max_bytes) {
    return fmt::format(
        "a line longer than the limit of {} bytes: the rest of the input is not read", max_bytes);
}

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
    std::string line;
    for (bool too_long = false; read_record_line(in, line, too_long);) {
        ++number;
        if (too_long) {
            ++bad;
            on_error(Error(line_too_long_message(), file, number));
            break;
        }
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
    if (in.bad()) {
        ++bad;
        on_error(Error(kReadErrorMessage, file, number + 1));
    }
    flush();
    return bad;
}

} // namespace inspex
