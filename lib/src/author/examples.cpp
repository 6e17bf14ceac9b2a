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
const std::string kExamples = ".examples.md";

bool ends_with(const std::string &s, const std::string &tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "recommendation 7.1", "document", "action 12.iv": how a reader names a record.
std::string label_of(const json &record) {
    auto kind = record.find("kind");
    std::string label =
        kind != record.end() && kind->is_string() ? kind->get<std::string>() : "record";
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

using NumberedLines = std::vector<std::pair<std::size_t, std::string>>;

// Expected records from numbered lines of `path`: each non-blank one a JSON object.
Result<ExpectedRecords> parse_expected(const NumberedLines &lines, const std::string &path) {
    ExpectedRecords out;
    for (const auto &[number, line] : lines) {
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

Result<NumberedLines> numbered_lines(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error("cannot open the file", path);
    NumberedLines lines;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number)
        lines.emplace_back(number, line);
    return lines;
}

// "→" (cmark's sign for a tab in its examples) back to a tab.
std::string with_tabs(std::string text) {
    const std::string arrow = "\u2192";
    for (std::size_t at; (at = text.find(arrow)) != std::string::npos;)
        text.replace(at, arrow.size(), "\t");
    return text;
}

// An example block's opening fence ("```example", "```` example"): its backticks.
std::optional<std::string> opening_fence(std::string_view line) {
    std::size_t ticks = line.find_first_not_of('`');
    if (ticks < 3 || ticks == std::string_view::npos)
        return std::nullopt;
    std::string_view info = line.substr(ticks);
    if (info.starts_with(' '))
        info.remove_prefix(1);
    return info == "example" ? std::optional(std::string(ticks, '`')) : std::nullopt;
}

// One example block from lines[i], the opening fence, to its closing fence
// (left in i); an error at the fence when it is not closed or has no "." line.
Result<Example> read_block(const NumberedLines &lines, std::size_t &i, const std::string &fence,
                           const std::string &path) {
    Example e{{}, path, path, {}, 0, {}};
    std::size_t start = lines[i].first;
    bool records = false;
    for (++i; i < lines.size() && lines[i].second != fence; ++i) {
        const auto &[number, line] = lines[i];
        if (!records && line == ".")
            records = true;
        else if (records)
            e.records.emplace_back(number, line);
        else
            e.text += with_tabs(line) + '\n';
    }
    if (i == lines.size())
        return Error("example not closed (a line " + fence + " ends it)", path, start);
    if (!records)
        return Error("example without its \".\" line between the input and the records", path,
                     start);
    e.text_line = start + 1;
    return e;
}

std::string shown(const std::optional<json> &value) {
    return value ? value->dump(-1, ' ', false, json::error_handler_t::replace) : "(absent)";
}

} // namespace

Result<std::vector<Example>> read_examples_file(const std::string &path) {
    auto lines = numbered_lines(path);
    if (!lines)
        return lines.error();
    for (auto &[number, line] : lines.value())
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
    std::string stem = fs::path(path).filename().string();
    stem.resize(stem.size() - kExamples.size());
    std::vector<Example> examples;
    for (std::size_t i = 0; i < lines->size(); ++i) {
        auto fence = opening_fence((*lines)[i].second);
        if (!fence)
            continue;
        auto block = read_block(lines.value(), i, *fence, path);
        if (!block)
            return block.error();
        block->name = stem + "#" + std::to_string(examples.size() + 1);
        examples.push_back(std::move(block.value()));
    }
    if (examples.empty())
        return Error("no example in this file (a block fenced ```example)", path);
    return examples;
}

std::string examples_folder(const std::string &grammar_file) {
    fs::path file(grammar_file);
    return (file.parent_path() / "examples" / file.stem()).string();
}

namespace {

// What a folder holds: examples files read, inputs by name, expected records' names.
struct FolderFiles {
    std::vector<Example> examples;
    std::map<std::string, std::vector<std::string>> inputs;
    std::vector<std::string> expected;
};

Result<FolderFiles> scan_folder(const std::string &folder) {
    FolderFiles files;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(folder, ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with(".") || !entry.is_regular_file(ec))
            continue;
        if (ends_with(name, kExamples)) {
            auto in_file = read_examples_file(entry.path().string());
            if (!in_file)
                return in_file.error();
            std::move(in_file->begin(), in_file->end(), std::back_inserter(files.examples));
        } else if (ends_with(name, kExpected)) {
            files.expected.push_back(name.substr(0, name.size() - kExpected.size()));
        } else {
            files.inputs[entry.path().stem().string()].push_back(entry.path().string());
        }
    }
    return files;
}

// Each expected records file with its input: both must be there, once.
Result<bool> pair_files(const std::string &folder, FolderFiles &files) {
    for (const std::string &name : files.expected) {
        std::string path = (fs::path(folder) / (name + kExpected)).string();
        auto input = files.inputs.find(name);
        if (input == files.inputs.end())
            return Error("no input beside these expected records (" + name +
                             ".txt or another format)",
                         path);
        if (input->second.size() > 1)
            return Error("two inputs share this name: keep one", input->second[1]);
        files.examples.push_back({name, input->second.front(), path, {}, 0, {}});
        files.inputs.erase(input);
    }
    if (!files.inputs.empty())
        return Error("an input without its expected records (" + files.inputs.begin()->first +
                         kExpected + ")",
                     files.inputs.begin()->second.front());
    return true;
}

} // namespace

Result<std::vector<Example>> find_examples(const std::string &folder) {
    std::error_code ec;
    const std::string what = "an input beside NAME" + kExpected + ", or a NAME" + kExamples;
    if (!fs::is_directory(folder, ec))
        return Error("no examples: the folder is missing (" + what + ")", folder);
    auto files = scan_folder(folder);
    if (!files)
        return files.error();
    if (auto paired = pair_files(folder, files.value()); !paired)
        return paired.error();
    if (files->examples.empty())
        return Error("no examples in this folder (" + what + ")", folder);
    // By name; the examples of one file keep their order (#2 before #10).
    std::stable_sort(
        files->examples.begin(), files->examples.end(), [](const Example &a, const Example &b) {
            return a.name.substr(0, a.name.find('#')) < b.name.substr(0, b.name.find('#'));
        });
    return std::move(files->examples);
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
    auto lines = example.text_line ? Result<NumberedLines>(example.records)
                                   : numbered_lines(example.expected);
    if (!lines)
        return lines.error();
    auto expected = parse_expected(lines.value(), example.expected);
    if (!expected)
        return expected.error();
    auto bytes = example.text_line ? Result<std::string>(example.text) : read_input(example.input);
    if (!bytes)
        return bytes.error();
    std::string file = example.text_line ? "example" : fs::path(example.input).filename().string();
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
