#include "inspex/validate.hpp"

#include "inspex/infer.hpp"
#include "inspex/printable.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {
namespace {

using json = nlohmann::ordered_json;

std::string text_of(const json &v) {
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_null())
        return "null";
    return v.dump();
}

// The value at a dotted path ("stated.hmi_prisons") of a record, or null.
const json &at_path(const json &record, std::string_view path) {
    static const json none;
    const json *at = &record;
    while (!path.empty()) {
        std::size_t dot = path.find('.');
        std::string key(path.substr(0, dot));
        if (!at->is_object() || !at->contains(key))
            return none;
        at = &(*at)[key];
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return *at;
}

// A record's field by reference (no copy); null when absent.
const json &field_of(const json &record, const std::string &name) {
    static const json none;
    return record.is_object() && record.contains(name) ? record[name] : none;
}

// The first (0) or last (1) line of a record's source, 0 when it has none.
std::size_t line_of(const json &record, std::size_t end) {
    const json &lines = at_path(record, "source.lines");
    return lines.is_array() && lines.size() == 2 && lines[end].is_number_integer() &&
                   lines[end] >= 0
               ? lines[end].get<std::size_t>()
               : 0;
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// "2022", "2022-06" or "2022-06-29", and a real date.
bool well_formed_iso(const std::string &d) {
    int y = 0, m = 1, day = 1;
    char tail = 0;
    int parts = std::sscanf(d.c_str(), "%4d-%2d-%2d%c", &y, &m, &day, &tail);
    bool shape = (d.size() == 4 && parts == 1) || (d.size() == 7 && parts == 2) ||
                 (d.size() == 10 && parts == 3);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return shape && m >= 1 && m <= 12 && day >= 1 &&
           day <= (m == 2 && is_leap(y) ? 29 : days[m - 1]);
}

std::vector<const json *> date_objects(const json &value) {
    std::vector<const json *> out;
    if (value.is_object() && value.contains("text"))
        out.push_back(&value);
    else if (value.is_array())
        for (const json &v : value)
            if (v.is_object() && v.contains("text"))
                out.push_back(&v);
    return out;
}

int word_count(const std::string &text) {
    int n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n';
        n += !space && !in_word;
        in_word = !space;
    }
    return n;
}

bool matches_where(const json &rec, const std::map<std::string, std::string> &where) {
    return std::all_of(where.begin(), where.end(),
                       [&](const std::pair<const std::string, std::string> &kv) {
                           return rec.contains(kv.first) && rec[kv.first] == kv.second;
                       });
}

bool was_inferred(const json &rec, const std::string &field) {
    if (!rec.contains("inferred") || !rec["inferred"].is_array())
        return false;
    return std::any_of(rec["inferred"].begin(), rec["inferred"].end(),
                       [&](const json &f) { return f == field; });
}

class Checker {
  public:
    Checker(const Grammar *g, const json &document, const std::vector<json> &items)
        : g_(g), document_(document), items_(items),
          // Without a document record, the items say which document they are from.
          named_by_(document.is_object() || items.empty() ? document : items.front()) {}

    std::vector<Finding> run() {
        if (const json &error = field_of(document_, "error"); error.is_string()) {
            add(Severity::error, "input-error", error.get<std::string>(), document_);
            return std::move(findings_);
        }
        passed_on_warnings();
        inferred_values();
        if (!document_.is_object()) {
            add(Severity::error, "no-document-record",
                "records without their document record (each input's first record from inspex "
                "extract): only extraction warnings were checked",
                named_by_);
            return std::move(findings_);
        }
        if (!g_) {
            add(Severity::error, "unknown-grammar",
                fmt::format("no grammar \"{}\" is installed: only extraction warnings were checked",
                            text_of(field_of(document_, "grammar"))),
                document_);
            return std::move(findings_);
        }
        shape();
        numbering();
        counts();
        agreement();
        dates();
        texts();
        drop_repeated_warnings();
        std::stable_sort(
            findings_.begin(), findings_.end(),
            [](const Finding &a, const Finding &b) { return a.first_line < b.first_line; });
        return std::move(findings_);
    }

  private:
    // An extraction warning that a check here reports again (a sequence gap)
    // is said once, by the check.
    void drop_repeated_warnings() {
        std::vector<Finding> kept;
        for (std::size_t i = 0; i < findings_.size(); ++i) {
            bool repeated =
                i < passed_on_ &&
                std::any_of(findings_.begin() + passed_on_, findings_.end(), [&](const Finding &f) {
                    return f.code == findings_[i].code && f.first_line == findings_[i].first_line;
                });
            if (!repeated)
                kept.push_back(std::move(findings_[i]));
        }
        findings_ = std::move(kept);
    }

    void add(Severity s, std::string code, std::string message, const json &rec) {
        std::size_t first = line_of(rec, 0), last = line_of(rec, 1);
        add_at(s, std::move(code), std::move(message), rec, first, last ? last : first);
    }
    void add_at(Severity s, std::string code, std::string message, const json &rec,
                std::size_t first, std::size_t last) {
        Finding f{s,
                  std::move(code),
                  std::move(message),
                  field_of(named_by_, "doc").is_string() ? text_of(field_of(named_by_, "doc")) : "",
                  at_path(named_by_, "source.file").is_string()
                      ? text_of(at_path(named_by_, "source.file"))
                      : "",
                  field_of(rec, "kind") == "document" || !field_of(rec, "ref").is_string()
                      ? ""
                      : rec["ref"].get<std::string>(),
                  first,
                  last};
        findings_.push_back(std::move(f));
    }

    void passed_on_warnings() {
        auto pass = [&](const json &rec) {
            if (!rec.contains("warnings") || !rec["warnings"].is_array())
                return;
            for (const json &w : rec["warnings"]) {
                const json &lines = field_of(w, "lines"), &code = field_of(w, "code");
                bool span = lines.is_array() && lines.size() == 2 && lines[0].is_number_integer() &&
                            lines[0] >= 0 && lines[1].is_number_integer() && lines[1] >= 0;
                std::size_t first = span ? lines[0].get<std::size_t>() : 0;
                add_at(Severity::warning,
                       code.is_string() ? code.get<std::string>() : "extraction-warning",
                       text_of(field_of(w, "message")), rec, first,
                       span ? lines[1].get<std::size_t>() : first);
            }
        };
        pass(document_);
        for (const json &rec : items_)
            pass(rec);
        passed_on_ = findings_.size();
    }

    void inferred_values() {
        inferred_values_of(document_);
        for (const json &rec : items_)
            inferred_values_of(rec);
    }
    // A span ({"text", "start", "end"}) is shown as the dates it was read as.
    static std::string shown(const json &value) {
        if (value.is_object() && value.contains("start") && value.contains("end"))
            return fmt::format("{} to {}", text_of(value["start"]), text_of(value["end"]));
        if (value.is_object() && value.contains("date"))
            return text_of(value["date"]);
        return text_of(value);
    }
    void inferred_values_of(const json &rec) {
        if (rec.contains("inferred") && rec["inferred"].is_array())
            for (const json &field : rec["inferred"])
                if (field.is_string())
                    add(Severity::info, "inferred-value",
                        fmt::format("{} \"{}\" was deduced, not read from the text", text_of(field),
                                    shown(field_of(rec, field.get<std::string>()))),
                        rec);
    }

    void shape() {
        for (const json &rec : items_) {
            for (const std::string &name : g_->validate.required)
                if (!rec.contains(name) || rec[name].is_null())
                    add(Severity::error, "missing-field", fmt::format("{} is missing", name), rec);
            for (const auto &[name, spec] : g_->fields) {
                if (!rec.contains(name))
                    continue;
                const json &v = rec[name];
                if (spec.type == FieldType::vocab && v.is_string()) {
                    const auto &values = g_->vocabularies.at(spec.vocab).values;
                    bool known = std::any_of(values.begin(), values.end(),
                                             [&](const auto &p) { return p.first == v; });
                    if (!known)
                        add(Severity::error, "not-in-vocabulary",
                            fmt::format("{} \"{}\" is not one of its values", name,
                                        v.get<std::string>()),
                            rec);
                }
                if (spec.type == FieldType::date || spec.type == FieldType::dates)
                    for (const json *d : date_objects(v))
                        check_date_shape(name, *d, rec);
            }
        }
    }

    void check_date_shape(const std::string &name, const json &d, const json &rec) {
        const json &iso = field_of(d, "date");
        if (iso.is_string() && !well_formed_iso(iso.get<std::string>()))
            add(Severity::error, "bad-date",
                fmt::format("{} \"{}\" is not a valid date", name, iso.get<std::string>()), rec);
        if (iso.is_null() && field_of(d, "state").is_null())
            add(Severity::warning, "unparseable-date",
                fmt::format("{} \"{}\" gives neither a date nor a state", name,
                            text_of(field_of(d, "text"))),
                rec);
    }

    void numbering() {
        const std::string &field = g_->validate.sequence;
        if (field.empty())
            return;
        RegexPtr valid = g_->fields.at(field).valid;
        std::vector<Slot> slots;
        std::map<std::string, const json *> seen;
        for (const json &rec : items_) {
            const json &v = field_of(rec, field);
            slots.push_back(
                {v.is_string() ? std::optional(v.get<std::string>()) : std::nullopt, false});
            if (!v.is_string())
                continue;
            if (auto first = seen.find(v.get<std::string>()); first != seen.end())
                add(Severity::error, "duplicate-ref",
                    fmt::format("{} \"{}\" appears twice (first at line {})", field,
                                v.get<std::string>(), line_of(*first->second, 0)),
                    rec);
            else
                seen[v.get<std::string>()] = &rec;
        }
        if (!valid)
            return;
        for (const Gap &gap : sequence_gaps(slots, *valid)) {
            const json &before = items_[gap.before_index - 1], &after = items_[gap.before_index];
            add_at(Severity::warning, "sequence-gap",
                   fmt::format("{} {} missing between {} and {}", field,
                               fmt::join(gap.missing, ", "), text_of(before[field]),
                               text_of(after[field])),
                   after, line_of(before, 1), line_of(after, 0));
        }
        out_of_order(slots, *valid, field);
    }

    void out_of_order(const std::vector<Slot> &slots, const Regex &valid,
                      const std::string &field) {
        std::optional<std::pair<std::string, long>> last;
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (!slots[i].value || !valid.matches(*slots[i].value))
                continue;
            const std::string &ref = *slots[i].value;
            std::size_t split = ref.find_last_not_of("0123456789") + 1;
            std::pair<std::string, long> here{ref.substr(0, split), std::stol(ref.substr(split))};
            if (last && last->first == here.first && here.second < last->second)
                add(Severity::warning, "out-of-order",
                    fmt::format("{} {} comes after {}{}", field, ref, last->first, last->second),
                    items_[i]);
            last = here;
        }
    }

    void counts() {
        for (const CountCheck &c : g_->validate.counts) {
            const json &stated = at_path(document_, c.stated);
            if (!stated.is_object())
                continue;
            std::vector<std::string> agree;
            bool all_agree = true;
            for (const auto &[value, figure] : stated.items()) {
                if (value == c.total || !figure.is_number_integer())
                    continue;
                long counted = 0, inferred = 0;
                for (const json &rec : items_)
                    if (matches_where(rec, c.where) && field_of(rec, c.field) == value) {
                        ++counted;
                        inferred += was_inferred(rec, c.field);
                    }
                std::string tally = inferred
                                        ? fmt::format("{} counted ({} inferred)", counted, inferred)
                                        : fmt::format("{} counted", counted);
                if (counted != figure.get<long>()) {
                    all_agree = false;
                    add(Severity::error, "count-mismatch",
                        fmt::format("{} {}{}: {} against {} stated", c.field, value, where_text(c),
                                    tally, figure.get<long>()),
                        document_);
                } else {
                    agree.push_back(fmt::format("{} {}", value, tally));
                }
            }
            if (!c.total.empty() && stated.contains(c.total) &&
                stated[c.total].is_number_integer()) {
                long records = std::count_if(items_.begin(), items_.end(), [&](const json &rec) {
                    return matches_where(rec, c.where);
                });
                if (records != stated[c.total].get<long>()) {
                    all_agree = false;
                    add(Severity::error, "total-mismatch",
                        fmt::format("{} records{} against a stated total of {}", records,
                                    where_text(c), stated[c.total].get<long>()),
                        document_);
                }
            }
            if (all_agree && !agree.empty())
                add(Severity::info, "counts-match",
                    fmt::format("{}{} agrees with the stated totals: {}", c.field, where_text(c),
                                fmt::join(agree, ", ")),
                    document_);
        }
    }

    static std::string where_text(const CountCheck &c) {
        std::string out;
        for (const auto &[k, v] : c.where)
            out += fmt::format(" ({} {})", k, v);
        return out;
    }

    void agreement() {
        for (const auto &[a, b] : g_->validate.agree)
            for (const json &rec : items_) {
                const json &x = field_of(rec, a), &y = field_of(rec, b);
                if (!x.is_null() && !y.is_null() && x != y)
                    add(Severity::error, "statements-disagree",
                        fmt::format("{} is \"{}\" but {} is \"{}\"", a, text_of(x), b, text_of(y)),
                        rec);
            }
    }

    void dates() {
        for (const DateCheck &c : g_->validate.dates) {
            const json &reference = at_path(document_, c.not_before + ".date");
            if (!reference.is_string())
                continue;
            const std::string ref = reference.get<std::string>();
            for (const json &rec : items_)
                for (const json *d : date_objects(field_of(rec, c.field))) {
                    const json &iso = field_of(*d, "date");
                    if (!iso.is_string() || !well_formed_iso(iso.get<std::string>()))
                        continue;
                    const std::string date = iso.get<std::string>();
                    // Compare at the precision both give: "June 2022" is not before 29 June 2022.
                    std::size_t n = std::min(date.size(), ref.size());
                    if (date.compare(0, n, ref, 0, n) < 0)
                        add(Severity::error, "date-before-reference",
                            fmt::format("{} \"{}\" is before {} {}", c.field,
                                        text_of(field_of(*d, "text")), c.not_before, ref),
                            rec);
                    else if (c.max_years > 0 &&
                             std::stoi(date.substr(0, 4)) - std::stoi(ref.substr(0, 4)) >
                                 c.max_years)
                        add(Severity::warning, "date-far-away",
                            fmt::format("{} \"{}\" is more than {} years after {} {}", c.field,
                                        text_of(field_of(*d, "text")), c.max_years, c.not_before,
                                        ref),
                            rec);
                }
        }
    }

    void texts() {
        for (const TextCheck &c : g_->validate.texts)
            for (const json &rec : items_) {
                const json &v = field_of(rec, c.field);
                if (v.is_string() && word_count(v.get<std::string>()) < c.min_words)
                    add(Severity::warning, "short-text",
                        fmt::format("{} has {} words (\"{}\"); fewer than {} is suspicious",
                                    c.field, word_count(v.get<std::string>()), v.get<std::string>(),
                                    c.min_words),
                        rec);
            }
    }

    const Grammar *g_;
    const json &document_;
    const std::vector<json> &items_;
    const json &named_by_; // the record that names the document and its file
    std::vector<Finding> findings_;
    std::size_t passed_on_ = 0; // findings_[0, passed_on_) are extraction warnings
};

} // namespace

const char *severity_name(Severity s) {
    switch (s) {
    case Severity::info:
        return "info";
    case Severity::warning:
        return "warning";
    case Severity::error:
        return "error";
    }
    return "?";
}

Result<Severity> parse_severity(const std::string &name) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error})
        if (name == severity_name(s))
            return s;
    return Error("unknown severity \"" + name + "\" (expected error, warning or info)");
}

std::string Finding::describe() const {
    std::string where = ref.empty() ? "" : fmt::format("{}: ", ref);
    std::string line = first_line ? fmt::format(":{}", first_line) : ""; // none: an unread input
    std::string source = !file.empty() ? file : !doc.empty() ? doc : "(no doc, no source.file)";
    return printable(fmt::format("{}{}: {}: {}: {}{}", source, line, severity_name(severity), code,
                                 where, message));
}

nlohmann::ordered_json Finding::to_json() const {
    return {{"severity", severity_name(severity)},
            {"code", code},
            {"doc", doc.empty() ? json(nullptr) : json(doc)},
            {"file", file},
            {"ref", ref.empty() ? json(nullptr) : json(ref)},
            {"lines", {first_line, last_line}},
            {"message", message}};
}

std::vector<Finding> Validator::check(const json &document, const std::vector<json> &items) const {
    try {
        return Checker(g_, document, items).run();
    } catch (const json::exception &e) {
        // A record whose shape no check expected: said, never a crash.
        const json &file = at_path(document, "source.file");
        return {Finding{Severity::error, "bad-record",
                        std::string("records of an unexpected shape, not checked: ") + e.what(),
                        text_of(field_of(document, "doc")), file.is_string() ? text_of(file) : "",
                        "", line_of(document, 0), line_of(document, 0)}};
    }
}

} // namespace inspex
