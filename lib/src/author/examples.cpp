#include "inspex/author/examples.hpp"

#include "inspex/batch.hpp"
#include "inspex/extract.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>

namespace inspex::author {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const std::string kExpected = ".expected.jsonl";

bool ends_with(const std::string &s, const std::string &tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "recommendation 7.1", "document", "action 12.iv": how a reader names a record.
std::string label_of(const json &record) {
    std::string label = record.value("kind", json("record")).is_string()
                            ? record.value("kind", std::string("record"))
                            : "record";
    if (auto ref = record.find("ref"); ref != record.end() && ref->is_string())
        label += " " + ref->get<std::string>();
    return label;
}

void diff_values(const json &expected, const json &actual, const std::string &path,
                 const Difference &at, std::vector<Difference> &out) {
    auto add = [&](std::string where, std::optional<json> e, std::optional<json> a) {
        Difference d = at;
        d.path = std::move(where);
        d.expected = std::move(e);
        d.actual = std::move(a);
        out.push_back(std::move(d));
    };
    if (expected.is_object() && actual.is_object()) {
        for (const auto &[key, value] : expected.items()) {
            auto other = actual.find(key);
            if (other == actual.end())
                add(path + "." + key, value, std::nullopt);
            else
                diff_values(value, *other, path + "." + key, at, out);
        }
        for (const auto &[key, value] : actual.items())
            if (!expected.contains(key))
                add(path + "." + key, std::nullopt, value);
    } else if (expected.is_array() && actual.is_array()) {
        for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
            std::string where = fmt::format("{}[{}]", path, i);
            if (i >= actual.size())
                add(where, expected[i], std::nullopt);
            else if (i >= expected.size())
                add(where, std::nullopt, actual[i]);
            else
                diff_values(expected[i], actual[i], where, at, out);
        }
    } else if (expected != actual) {
        add(path, expected, actual);
    }
}

struct ExpectedRecords {
    std::vector<json> records;
    std::vector<std::size_t> lines;
};

Result<ExpectedRecords> read_expected(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error("cannot open the expected records", path);
    ExpectedRecords out;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        json record = json::parse(line, nullptr, false);
        if (record.is_discarded())
            return Error("not a JSON record (one JSON object a line is expected)", path, number);
        if (!record.is_object())
            return Error("a JSON " + std::string(record.type_name()) +
                             ", not a record (a JSON object)",
                         path, number);
        out.records.push_back(std::move(record));
        out.lines.push_back(number);
    }
    return out;
}

std::string shown(const std::optional<json> &value) {
    return value ? value->dump(-1, ' ', false, json::error_handler_t::replace) : "(absent)";
}

} // namespace

std::string examples_folder(const std::string &grammar_file) {
    fs::path file(grammar_file);
    return (file.parent_path() / "examples" / file.stem()).string();
}

Result<std::vector<Example>> find_examples(const std::string &folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return Error("no examples: the folder is missing (an input beside NAME" + kExpected +
                         " is an example)",
                     folder);
    std::map<std::string, std::vector<std::string>> inputs;
    std::vector<std::string> expected;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with(".") || !entry.is_regular_file(ec))
            continue;
        if (ends_with(name, kExpected))
            expected.push_back(name.substr(0, name.size() - kExpected.size()));
        else
            inputs[entry.path().stem().string()].push_back(entry.path().string());
    }
    std::sort(expected.begin(), expected.end());
    std::vector<Example> examples;
    for (const std::string &name : expected) {
        std::string path = (fs::path(folder) / (name + kExpected)).string();
        auto input = inputs.find(name);
        if (input == inputs.end())
            return Error("no input beside these expected records (" + name +
                             ".txt or another "
                             "format)",
                         path);
        if (input->second.size() > 1)
            return Error("two inputs share this name: keep one", input->second[1]);
        examples.push_back({name, input->second.front(), path});
        inputs.erase(input);
    }
    if (!inputs.empty())
        return Error("an input without its expected records (" + inputs.begin()->first + kExpected +
                         ")",
                     inputs.begin()->second.front());
    if (examples.empty())
        return Error("no examples in this folder (an input beside NAME" + kExpected + ")", folder);
    return examples;
}

std::vector<Difference> diff_records(const std::vector<json> &expected,
                                     const std::vector<json> &actual,
                                     const std::vector<std::size_t> &expected_lines) {
    std::vector<Difference> out;
    for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        Difference at;
        at.record = i + 1;
        at.expected_line = i < expected_lines.size() ? expected_lines[i] : 0;
        at.label = label_of(i < expected.size() ? expected[i] : actual[i]);
        if (i >= actual.size())
            at.expected = expected[i];
        else if (i >= expected.size())
            at.actual = actual[i];
        else
            diff_values(expected[i], actual[i], "", at, out);
        if (i >= actual.size() || i >= expected.size())
            out.push_back(std::move(at));
    }
    return out;
}

Result<ExampleResult> run_example(const Grammar &grammar, const Example &example) {
    auto expected = read_expected(example.expected);
    if (!expected)
        return expected.error();
    auto bytes = read_input(example.input);
    if (!bytes)
        return bytes.error();
    std::string file = fs::path(example.input).filename().string();
    auto extraction = extract(grammar, Input{file, document_id(file), std::move(bytes.value())});
    if (!extraction)
        return Error(extraction.error().message, example.input, extraction.error().line);
    ExampleResult result;
    result.records = expected->records.size();
    result.differences = diff_records(expected->records, extraction->records, expected->lines);
    return result;
}

std::string describe(const Difference &d, const std::string &expected_file) {
    std::string where = d.expected_line ? fmt::format("{}:{}", expected_file, d.expected_line)
                                        : fmt::format("{}: record {}", expected_file, d.record);
    if (d.path.empty())
        return fmt::format("{}: {}: {}", where, d.label,
                           d.expected ? "expected, not extracted" : "extracted, not expected");
    return fmt::format("{}: {}: {}: expected {}, got {}", where, d.label, d.path, shown(d.expected),
                       shown(d.actual));
}

} // namespace inspex::author
