#include "inspex/track/tracker.hpp"

#include "inspex/track/names.hpp"
#include "inspex/track/overdue.hpp"
#include "inspex/track/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace inspex::track {
namespace {

using json = nlohmann::ordered_json;

std::string string_of(const json &record, const std::string &field) {
    if (field.empty() || !record.is_object())
        return {};
    auto it = record.find(field);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json field_or_null(const json &record, const std::string &field) {
    auto it = field.empty() ? record.end() : record.find(field);
    return it == record.end() ? json() : *it;
}

// The non-empty string values of `fields`, joined.
std::string joined(const json &record, const std::vector<std::string> &fields,
                   std::string_view separator) {
    std::string out;
    for (const std::string &f : fields)
        if (std::string value = string_of(record, f); !value.empty())
            out += (out.empty() ? "" : std::string(separator)) + value;
    return out;
}

// A value or list of values as a list ([] for null).
json as_list(const json &value) {
    if (value.is_array())
        return value;
    return value.is_null() ? json::array() : json::array({value});
}

json lines_of(const json &record) {
    const json *source = record.contains("source") ? &record["source"] : nullptr;
    if (source && source->is_object() && source->contains("lines"))
        return (*source)["lines"];
    return json::array({0, 0});
}

// An inspection's [start, end] as ISO periods, or empty when it gives no date.
std::pair<std::string, std::string> inspection_span(const json &document) {
    json inspection = field_or_null(document, "inspection");
    std::string start = string_of(inspection, "start"), end = string_of(inspection, "end");
    return {start.empty() ? end : start, end.empty() ? start : end};
}

bool same_inspection(const json &plan, const json &review) {
    auto [ps, pe] = inspection_span(plan);
    auto [rs, re] = inspection_span(review);
    if (ps.empty() || rs.empty())
        return true; // one side does not say: noted once per document
    return !period_before(pe, rs) && !period_before(re, ps);
}

// The plan's own date: when it was submitted, else the report's publication.
std::string plan_date(const json &plan) {
    std::string submitted = string_of(field_or_null(plan, "submitted"), "date");
    return submitted.empty() ? string_of(field_or_null(plan, "published"), "date") : submitted;
}

struct Candidate {
    const Tracker::Doc *review;
    const json *judgement;
    double score;
    bool by_ref;
};

std::string reviewed_date(const Candidate &c) {
    return string_of(field_or_null(c.review->document, "published"), "date");
}

} // namespace

std::string Note::describe() const {
    return line ? fmt::format("{}:{}: {}: {}", file, line, code, message)
                : fmt::format("{}: {}: {}", file, code, message);
}

namespace {

// A note about a record: its file and first line.
Note note_at(const json &record, std::string code, std::string message) {
    json source = field_or_null(record, "source");
    json lines = field_or_null(source, "lines");
    std::size_t line =
        lines.is_array() && !lines.empty() && lines[0].is_number_integer() && lines[0] > 0
            ? lines[0].get<std::size_t>()
            : 0;
    return {std::move(code), std::move(message), string_of(source, "file"), line};
}

} // namespace

void Tracker::add(const DocumentRecords &d) {
    Doc doc;
    doc.document = d.document;
    doc.key = establishment_key(string_of(d.document, "establishment"), rules_.name_prefixes);
    for (const json &item : d.items) {
        std::string kind = string_of(item, "kind");
        if (rules_.promise_rule(kind))
            doc.promises.push_back(item);
        else if (kind == rules_.followup.kind)
            doc.followups.push_back(item);
    }
    if (doc.promises.empty() && doc.followups.empty())
        return;
    if (!d.document.is_object()) {
        const json &first = doc.promises.empty() ? doc.followups[0] : doc.promises[0];
        notes_.push_back(note_at(first, "no-document",
                                 "records without their document record (its establishment "
                                 "and dates) are not tracked"));
        return;
    }
    if (inspection_span(doc.document).first.empty())
        notes_.push_back(note_at(
            doc.document, "inspection-unstated",
            fmt::format("{} does not state the date of the inspection it {}; it is joined with "
                        "documents of any inspection at {}",
                        string_of(doc.document, "doc"),
                        doc.promises.empty() ? "follows up" : "answers",
                        string_of(doc.document, "establishment"))));
    for (const json &j : doc.followups) {
        doc.followup_words.emplace_back();
        for (const Compare &c : rules_.compares)
            doc.followup_words.back().push_back(words_of(joined(j, c.followup, " "), rules_));
    }
    if (!doc.key.empty())
        by_key_[doc.key].push_back(docs_.size());
    docs_.push_back(std::move(doc));
}

std::vector<json> Tracker::links() const {
    std::vector<json> out;
    for (const Doc &plan : docs_)
        for (const json &promise : plan.promises)
            out.push_back(link(plan, promise));
    return out;
}

namespace {

class Matcher {
  public:
    Matcher(const Rules &rules, const PromiseRule &rule, const json &promise) : rules_(rules) {
        for (const std::string &f : rule.refs)
            if (std::string r = string_of(promise, f); !r.empty())
                refs_.push_back(r);
        for (const Compare &c : rules.compares)
            promise_words_.push_back(words_of(joined(promise, c.promise, " "), rules));
    }

    // The judgement as a candidate, or a score of 0 when it cannot be one.
    Candidate candidate(const Tracker::Doc &review, std::size_t index) const {
        const json &judgement = review.followups[index];
        std::string ref = string_of(judgement, rules_.followup.ref);
        if (!refs_.empty() && !ref.empty()) {
            bool same = std::find(refs_.begin(), refs_.end(), ref) != refs_.end();
            return {&review, &judgement, same ? 1.0 : 0.0, true};
        }
        double best = 0;
        for (std::size_t i = 0; i < rules_.compares.size(); ++i)
            best = std::max(best, similarity(promise_words_[i], review.followup_words[index][i],
                                             rules_.compares[i].measure));
        return {&review, &judgement, std::round(best * 100) / 100, false};
    }

  private:
    const Rules &rules_;
    std::vector<std::string> refs_;
    std::vector<Words> promise_words_;
};

// Best first: a match by ref before one by text, then the higher score, then
// the later review; equal ones keep their order.
void rank(std::vector<Candidate> &cs) {
    std::stable_sort(cs.begin(), cs.end(), [](const Candidate &a, const Candidate &b) {
        if (a.by_ref != b.by_ref)
            return a.by_ref;
        if (a.score != b.score)
            return a.score > b.score;
        return reviewed_date(a) > reviewed_date(b);
    });
}

// "review 1.45 (lines 96-110, score 1.00)"
std::string describe(const Candidate &c, const Rules &rules) {
    json lines = lines_of(*c.judgement);
    std::string where = lines.size() == 2 && lines[0] != 0
                            ? fmt::format("lines {}-{}, ", lines[0].dump(), lines[1].dump())
                            : "";
    return fmt::format("{} {} ({}score {:.2f})", string_of(*c.judgement, "doc"),
                       string_of(*c.judgement, rules.followup.ref), where, c.score);
}

// The candidates after the best that come within the margin of it, described.
std::string rivals(const std::vector<Candidate> &ranked, const Rules &rules) {
    std::string out;
    for (std::size_t i = 1; i < ranked.size(); ++i)
        if (ranked[i].by_ref == ranked[0].by_ref &&
            ranked[i].score >= ranked[0].score - rules.margin)
            out += (out.empty() ? "" : ", ") + describe(ranked[i], rules);
    return out;
}

json followup_of(const Rules &rules, const Candidate &c) {
    const json &j = *c.judgement;
    return {{"doc", string_of(j, "doc")},
            {"ref", field_or_null(j, rules.followup.ref)},
            {"area", field_or_null(j, rules.followup.area)},
            {"progress", field_or_null(j, rules.followup.progress)},
            {"summary_progress", field_or_null(j, rules.followup.summary_progress)},
            {"reviewed", field_or_null(c.review->document, "published")}};
}

} // namespace

std::vector<const Tracker::Doc *> Tracker::reviews_for(const Doc &plan) const {
    std::vector<const Doc *> out;
    auto same_place = by_key_.find(plan.key);
    if (same_place == by_key_.end())
        return out;
    std::string since = plan_date(plan.document);
    for (std::size_t i : same_place->second) {
        const Doc &review = docs_[i];
        std::string signed_on = string_of(field_or_null(review.document, "published"), "date");
        if (&review != &plan && !review.followups.empty() &&
            same_inspection(plan.document, review.document) &&
            (since.empty() || signed_on.empty() || !period_before(signed_on, since)))
            out.push_back(&review);
    }
    return out;
}

json Tracker::link(const Doc &plan, const json &promise) const {
    const PromiseRule &rule = *rules_.promise_rule(string_of(promise, "kind"));
    json due = as_list(field_or_null(promise, rule.due));
    std::string text = joined(promise, rule.text, ": ");
    json out = {{"kind", "link"},
                {"establishment", field_or_null(plan.document, "establishment")},
                {"promise",
                 {{"doc", field_or_null(promise, "doc")},
                  {"kind", field_or_null(promise, "kind")},
                  {"ref", field_or_null(promise, "ref")},
                  {"text", text.empty() ? json() : json(text)},
                  {"status", field_or_null(promise, rule.status)},
                  {"owners", as_list(field_or_null(promise, rule.owners))},
                  {"due", due}}},
                {"followup", nullptr},
                {"match", nullptr},
                {"overdue", nullptr},
                {"warnings", json::array()}};
    Matcher matcher(rules_, rule, promise);
    std::vector<Candidate> found;
    for (const Doc *review : reviews_for(plan))
        for (std::size_t j = 0; j < review->followups.size(); ++j)
            if (Candidate c = matcher.candidate(*review, j); c.score > 0)
                found.push_back(c);
    rank(found);
    if (found.empty() || (!found[0].by_ref && found[0].score < rules_.threshold))
        return out;
    const Candidate &best = found[0];
    out["followup"] = followup_of(rules_, best);
    out["match"] = {{"by", best.by_ref ? "ref" : "text"}, {"score", best.score}};
    out["overdue"] = overdue(due, out["followup"]["reviewed"], out["followup"]["progress"],
                             rules_.overdue_progress);
    if (std::string others = rivals(found, rules_); !others.empty())
        out["warnings"].push_back(
            {{"code", "ambiguous-match"},
             {"message",
              fmt::format("joined to {}; also {}: {}", describe(best, rules_),
                          best.by_ref ? "citing the same paragraph" : "close in wording", others)},
             {"lines", lines_of(promise)}});
    return out;
}

} // namespace inspex::track
