#include "inspex/record_shape.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

std::string wrong(const std::string &field, const json &value, const char *wanted) {
    bool vowel = value.is_array() || value.is_object();
    return fmt::format("\"{}\" is {} {}, not {}", field, vowel ? "an" : "a", value.type_name(),
                       wanted);
}

bool is_span(const json &v) {
    auto count = [](const json &n) { return n.is_number_integer() && n >= 0; };
    return v.is_array() && v.size() == 2 && count(v[0]) && count(v[1]);
}

// An optional field (absent or null is fine) checked with `fits`.
template <typename Fits>
std::optional<std::string> check(const json &object, const std::string &key,
                                 const std::string &name, Fits fits, const char *wanted) {
    if (!object.contains(key) || object[key].is_null() || fits(object[key]))
        return std::nullopt;
    return wrong(name, object[key], wanted);
}

auto is_string = [](const json &v) { return v.is_string(); };

std::optional<std::string> source_problem(const json &source) {
    if (!source.is_object())
        return wrong("source", source, "an object");
    if (auto p = check(source, "file", "source.file", is_string, "a string"))
        return p;
    if (auto p = check(source, "lines", "source.lines", is_span, "a pair of line numbers"))
        return p;
    return check(source, "pages", "source.pages", is_span, "a pair of page numbers");
}

std::optional<std::string> warnings_problem(const json &warnings) {
    if (!warnings.is_array())
        return wrong("warnings", warnings, "a list");
    for (const json &w : warnings) {
        if (!w.is_object())
            return wrong("warnings[]", w, "an object");
        for (const char *key : {"code", "message"})
            if (auto p = check(w, key, std::string("warnings[].") + key, is_string, "a string"))
                return p;
        if (auto p = check(w, "lines", "warnings[].lines", is_span, "a pair of line numbers"))
            return p;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> shape_problem(const json &record) {
    if (!record.is_object())
        return wrong("record", record, "an object");
    if (!record.contains("kind"))
        return "no \"kind\"";
    if (!record["kind"].is_string())
        return wrong("kind", record["kind"], "a string");
    if (auto p = check(record, "doc", "doc", is_string, "a string"))
        return p;
    if (record.contains("source") && !record["source"].is_null())
        if (auto p = source_problem(record["source"]))
            return p;
    auto strings = [](const json &v) {
        return v.is_array() && std::all_of(v.begin(), v.end(), is_string);
    };
    if (auto p = check(record, "inferred", "inferred", strings, "a list of strings"))
        return p;
    if (record.contains("warnings") && !record["warnings"].is_null())
        if (auto p = warnings_problem(record["warnings"]))
            return p;
    if (record["kind"] == "document")
        return check(record, "grammar", "grammar", is_string, "a string");
    return std::nullopt;
}

ParsedRecord parse_record(const std::string &line) {
    bool too_deep = false;
    // The parser itself keeps its own stack; values past the limit are dropped
    // as they are met, so nothing deeper than the limit is ever built.
    json::parser_callback_t limit = [&](int depth, json::parse_event_t, json &) {
        if (depth > kMaxRecordDepth)
            too_deep = true;
        return !too_deep;
    };
    ParsedRecord out{json::parse(line, limit, false), {}};
    if (too_deep)
        out.problem = fmt::format("nested deeper than {} levels", kMaxRecordDepth);
    else if (out.record.is_discarded())
        out.problem = "not JSON";
    else if (!out.record.is_object())
        out.problem = fmt::format("a JSON {}, not an object", out.record.type_name());
    if (!out.problem.empty())
        out.record = json();
    return out;
}

std::string record_problem(const std::string &problem) {
    return problem == "not JSON" ? "not a JSON record: " : "not a JSON record (" + problem + "): ";
}

} // namespace inspex
