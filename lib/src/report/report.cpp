#include "inspex/report/report.hpp"

#include "inspex/report/charts.hpp"
#include "inspex/report/escape.hpp"
#include "inspex/track/names.hpp"
#include "inspex/track/overdue.hpp"
#include "style.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace inspex::report {
namespace {

using json = nlohmann::ordered_json;

std::string str(const json &j, const char *field) {
    if (!j.is_object())
        return {};
    auto it = j.find(field);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json &at(const json &j, const char *field) {
    static const json null;
    if (!j.is_object())
        return null;
    auto it = j.find(field);
    return it == j.end() ? null : *it;
}

std::string key(const std::string &doc, const std::string &kind, const std::string &ref) {
    return doc + '\x1f' + kind + '\x1f' + ref;
}

// A file path as a relative link: one that would read as a scheme
// ("javascript:...", "C:\\plan.txt") is made "./javascript:...".
std::string file_href(const std::string &path) {
    std::size_t colon = path.find(':');
    bool scheme = colon != std::string::npos && path.find('/') > colon;
    return scheme ? "./" + path : path;
}

// "1 document", "2 documents"
std::string counted(std::size_t n, const char *noun) {
    return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::string record_id(const std::string &doc, const std::string &ref) {
    return "r-" + anchor(doc) + "--" + anchor(ref);
}

// One establishment: its documents and the links of its promises.
struct Place {
    std::string name, id;
    std::vector<const DocumentRecords *> docs;
    std::vector<const json *> links;
};

class Writer {
  public:
    Writer(std::ostream &out, const Archive &a, const track::Rules &rules)
        : out_(out), a_(a), rules_(rules) {
        index();
    }

    void write() {
        out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action "
                "'none'\">\n<meta name=\"viewport\" content=\"width=device-width, "
                "initial-scale=1\">\n<title>"
             << escape(a_.title) << "</title>\n<style>" << kStyle << level_classes()
             << "</style>\n</head>\n<body>\n";
        header();
        out_ << "<main>\n";
        archive();
        for (const Place &p : places_)
            place(p);
        out_ << "</main>\n<footer>Made by inspex report from " << a_.documents.size()
             << " documents and " << a_.links.size()
             << " links. Every reference links to its record, and every record names its "
                "file and lines.</footer>\n</body>\n</html>\n";
    }

  private:
    void index();
    void header();
    void archive();
    void place(const Place &p);
    void documents(const Place &p);
    void promised(const Place &p);
    [[nodiscard]] TimelineRow timeline_row(const json &link) const;
    [[nodiscard]] std::string promise_row(const json &link) const;
    [[nodiscard]] std::string statuses(const Place &p) const;
    void found(const Place &p);
    [[nodiscard]] std::string past_due_rows(const Place &p, const Place *where) const;
    void past_due(const std::string &rows, bool with_place);

    std::string level_classes() const {
        std::string css;
        for (const track::Level &l : rules_.levels)
            css += fmt::format(".p-{0} {{ background: {1}; }} .k-{0} {{ --c: {1}; }}\n",
                               anchor(l.value), escape(l.colour));
        return css + ".k-none { --c: #d9d9d9; }\n";
    }
    std::string colour(const std::string &progress) const {
        const track::Level *l = rules_.level(progress);
        return l ? l->colour : "#d9d9d9";
    }
    std::string badge(const std::string &progress) const {
        if (progress.empty())
            return "<span class=\"none\">not followed up</span>";
        const track::Level *l = rules_.level(progress);
        return fmt::format("<span class=\"badge p-{}\">{}</span>", anchor(progress),
                           escape(l ? l->label : progress));
    }
    // A chart with its legend, kept together on a printed page.
    std::string chart(const std::string &svg) const {
        return "<div class=\"chart-block\">" + legend() + svg + "</div>\n";
    }
    std::string legend() const {
        std::string out = "<div class=\"legend\">";
        for (const track::Level &l : rules_.levels)
            out += fmt::format("<span class=\"k-{}\">{}</span>", anchor(l.value), escape(l.label));
        return out + "<span class=\"k-none\">not followed up</span></div>\n";
    }

    // "doc:12–18" linking to the record's file, with the lines in its title.
    std::string source(const json *record) const {
        if (!record)
            return {};
        const json &src = at(*record, "source");
        const json &lines = at(src, "lines");
        std::string file = str(src, "file"), span;
        if (lines.is_array() && lines.size() == 2)
            span = fmt::format("{}–{}", lines[0].dump(), lines[1].dump());
        const json &pages = at(src, "pages");
        if (pages.is_array() && pages.size() == 2)
            span += fmt::format(", p. {}–{}", pages[0].dump(), pages[1].dump());
        return fmt::format("<a class=\"src\" href=\"{}\" title=\"{} lines {}\">{}:{}</a>",
                           escape(file_href(file)), escape(file), escape(span),
                           escape(str(*record, "doc")), escape(span));
    }
    const json *record(const std::string &doc, const std::string &kind,
                       const std::string &ref) const {
        auto it = records_.find(key(doc, kind, ref));
        return it == records_.end() ? nullptr : it->second;
    }
    std::string findings(const std::string &doc, const std::string &ref) const {
        auto [first, last] = findings_.equal_range(doc + '\x1f' + ref);
        if (first == last)
            return {};
        std::string out = "<ul class=\"findings\">";
        for (auto it = first; it != last; ++it) {
            const Finding &f = *it->second;
            out += fmt::format("<li class=\"sev-{}\" title=\"{} line {}\">{}: {}</li>",
                               severity_name(f.severity), escape(f.file), f.first_line,
                               escape(f.code), escape(f.message));
        }
        return out + "</ul>";
    }
    std::string dates(const json &list) const {
        std::string out;
        for (const json &d : list)
            if (std::string t = d.is_object() ? str(d, "text") : ""; !t.empty())
                out += (out.empty() ? "" : "<br>") + escape(t);
        return out.empty() ? "<span class=\"none\">none given</span>" : out;
    }
    bool past_due_without_good(const json &link) const;
    std::string figure(std::size_t n, const char *what, bool alert = false) const {
        return fmt::format("<div class=\"figure{}\"><b>{}</b><span>{}</span></div>",
                           alert && n ? " alert" : "", n, what);
    }
    std::size_t count_findings(const Place &p) const {
        std::size_t n = 0;
        for (const DocumentRecords *d : p.docs)
            n += count_if(a_.findings.begin(), a_.findings.end(),
                          [&](const Finding &f) { return f.doc == str(d->document, "doc"); });
        return n;
    }
    template <typename F> std::size_t count_links(const Place &p, F f) const {
        return static_cast<std::size_t>(
            std::count_if(p.links.begin(), p.links.end(), [&](const json *l) { return f(*l); }));
    }

    std::ostream &out_;
    const Archive &a_;
    const track::Rules &rules_;
    std::vector<Place> places_;
    std::map<std::string, const json *> records_;
    std::multimap<std::string, const Finding *> findings_;
};

void Writer::index() {
    std::map<std::string, std::size_t> by_key;
    auto place_of = [&](const std::string &name) -> Place & {
        std::string k = track::establishment_key(name, rules_.name_prefixes);
        auto [it, added] = by_key.emplace(k, places_.size());
        if (added)
            places_.push_back({name.empty() ? "Establishment not stated" : name,
                               "place-" + anchor(k.empty() ? "unstated" : k),
                               {},
                               {}});
        return places_[it->second];
    };
    for (const DocumentRecords &d : a_.documents) {
        if (d.document.is_null())
            continue;
        place_of(str(d.document, "establishment")).docs.push_back(&d);
        for (const json &item : d.items)
            records_.emplace(key(str(item, "doc"), str(item, "kind"), str(item, "ref")), &item);
    }
    for (const json &l : a_.links)
        place_of(str(l, "establishment")).links.push_back(&l);
    for (const Finding &f : a_.findings)
        findings_.emplace(f.doc + '\x1f' + f.ref, &f);
    std::stable_sort(places_.begin(), places_.end(),
                     [](const Place &a, const Place &b) { return a.id < b.id; });
}

bool Writer::past_due_without_good(const json &link) const {
    const json &f = at(link, "followup");
    std::string reviewed = str(at(f, "reviewed"), "date"), progress = str(f, "progress");
    if (reviewed.empty())
        return false;
    bool any = false, all = true;
    for (const json &d : at(at(link, "promise"), "due"))
        if (std::string date = str(d, "date"); !date.empty()) {
            any = true;
            all = all && track::period_before(date, reviewed);
        }
    auto &good = rules_.good_progress;
    return any && all && std::find(good.begin(), good.end(), progress) == good.end();
}

void Writer::header() {
    std::size_t linked = std::count_if(a_.links.begin(), a_.links.end(),
                                       [](const json &l) { return at(l, "followup").is_object(); });
    out_ << "<header class=\"top\"><h1>" << escape(a_.title) << "</h1><p>"
         << fmt::format("{} · {} · {}, {} followed up by a later review",
                        counted(a_.documents.size(), "document"),
                        counted(places_.size(), "establishment"),
                        counted(a_.links.size(), "promise"), linked)
         << "</p></header>\n<nav><a href=\"#archive\">Whole archive</a>";
    for (const Place &p : places_)
        out_ << "<a href=\"#" << p.id << "\">" << escape(p.name) << "</a>";
    out_ << "</nav>\n";
}

void Writer::archive() {
    out_ << "<section id=\"archive\"><h2>Whole archive</h2>\n<table><thead><tr><th>"
            "Establishment</th><th class=\"num\">Documents</th><th class=\"num\">Promises</th>"
            "<th class=\"num\">Followed up</th><th class=\"num\">Past due without good "
            "progress</th><th class=\"num\">Overdue</th><th class=\"num\">Validation "
            "findings</th>"
            "</tr></thead><tbody>\n";
    std::vector<Bar> bars;
    for (const Place &p : places_) {
        Bar bar{p.name, {}};
        for (const DocumentRecords *d : p.docs)
            for (const json &j : d->items)
                if (str(j, "kind") == rules_.followup.kind) {
                    std::string progress = str(j, rules_.followup.progress.c_str());
                    bar.segments.push_back({str(j, "ref"), colour(progress),
                                            str(j, "ref") + " " + str(j, "area") + ": " + progress,
                                            "#" + record_id(str(j, "doc"), str(j, "ref"))});
                }
        if (!bar.segments.empty())
            bars.push_back(bar);
        out_ << fmt::format(
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}"
            "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td></tr>\n",
            p.id, escape(p.name), p.docs.size(), p.links.size(),
            count_links(p, [](const json &l) { return at(l, "followup").is_object(); }),
            count_links(p, [&](const json &l) { return past_due_without_good(l); }),
            count_links(p, [](const json &l) { return at(l, "overdue") == true; }),
            count_findings(p));
    }
    out_ << "</tbody></table>\n";
    if (!bars.empty())
        out_ << "<h3>Judgements of progress, by establishment</h3>\n"
             << chart(bars_svg(bars, "Judgements of progress by establishment"));
    std::string rows;
    for (const Place &p : places_)
        rows += past_due_rows(p, &p);
    past_due(rows, true);
    out_ << "</section>\n";
}

void Writer::place(const Place &p) {
    out_ << "<section class=\"place\" id=\"" << p.id << "\"><h2>" << escape(p.name) << "</h2>\n";
    out_ << "<div class=\"figures\">" << figure(p.docs.size(), "documents")
         << figure(p.links.size(), "promises")
         << figure(count_links(p, [](const json &l) { return at(l, "followup").is_object(); }),
                   "followed up")
         << figure(count_links(p, [&](const json &l) { return past_due_without_good(l); }),
                   "past due without good progress", true)
         << figure(count_links(p, [](const json &l) { return at(l, "overdue") == true; }),
                   "overdue (insufficient progress)", true)
         << figure(count_findings(p), "validation findings") << "</div>\n";
    documents(p);
    promised(p);
    found(p);
    past_due(past_due_rows(p, nullptr), false);
    out_ << "</section>\n";
}

void Writer::documents(const Place &p) {
    out_ << "<h3>Documents</h3>\n<table><thead><tr><th>Document</th><th>Grammar</th><th>"
            "Establishment as written</th><th>Inspection</th><th>Published</th><th>Submitted"
            "</th><th class=\"num\">Records</th></tr></thead><tbody>\n";
    for (const DocumentRecords *d : p.docs) {
        const json &doc = d->document;
        std::string name = str(doc, "doc");
        out_ << fmt::format(
            "<tr id=\"doc-{}\"><td>{}{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
            "<td>{}</td><td class=\"num\">{}</td></tr>\n",
            anchor(name), escape(name), source(&doc), findings(name, ""),
            escape(str(doc, "grammar")), escape(str(doc, "establishment")),
            escape(str(at(doc, "inspection"), "text")), escape(str(at(doc, "published"), "text")),
            escape(str(at(doc, "submitted"), "text")), d->items.size());
    }
    out_ << "</tbody></table>\n";
}

// A promise on the timeline: its dates, coloured by the progress found.
TimelineRow Writer::timeline_row(const json &link) const {
    const json &pr = at(link, "promise");
    std::string progress = str(at(link, "followup"), "progress"), ref = str(pr, "ref");
    TimelineRow row{{ref + "  " + shortened(str(pr, "text"), 40), colour(progress),
                     ref + ": " + shortened(str(pr, "text"), 200) +
                         (progress.empty() ? "" : " (" + progress + ")"),
                     "#" + record_id(str(pr, "doc"), ref), at(link, "overdue") == true},
                    {},
                    {}};
    for (const json &d : at(pr, "due")) {
        if (std::string date = str(d, "date"); !date.empty())
            row.dates.push_back(date);
        else if (row.undated.empty())
            row.undated = str(d, "text");
    }
    return row;
}

// A promise in the table: its fields, findings, follow-up, match and warnings.
std::string Writer::promise_row(const json &link) const {
    const json &pr = at(link, "promise"), &f = at(link, "followup"), &m = at(link, "match");
    std::string doc = str(pr, "doc"), ref = str(pr, "ref"), owners;
    for (const json &o : at(pr, "owners"))
        owners += (owners.empty() ? "" : "<br>") +
                  escape(o.is_string() ? o.get<std::string>() : o.dump());
    std::string follow = "<span class=\"none\">none</span>", warnings;
    if (f.is_object())
        follow = fmt::format("<a href=\"#{}\">{}</a> {}<br><small>{}</small>",
                             record_id(str(f, "doc"), str(f, "ref")), escape(str(f, "ref")),
                             escape(str(f, "area")), escape(str(at(f, "reviewed"), "text")));
    for (const json &w : at(link, "warnings"))
        warnings += "<li>" + escape(str(w, "code")) + ": " + escape(str(w, "message")) + "</li>";
    const json &overdue = at(link, "overdue");
    return fmt::format(
        "<tr id=\"{}\"><td>{}{}</td><td class=\"text\">{}{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td></tr>\n",
        record_id(doc, ref), escape(ref), source(record(doc, str(pr, "kind"), ref)),
        escape(str(pr, "text")), findings(doc, ref), escape(str(pr, "status")), owners,
        dates(at(pr, "due")), follow, badge(str(f, "progress")),
        m.is_object() ? escape(str(m, "by")) + " " + at(m, "score").dump() : "",
        warnings.empty() ? "" : "<ul class=\"warn\">" + warnings + "</ul>",
        overdue.is_null() ? "<span class=\"none\">unknown</span>"
        : overdue == true ? "<span class=\"overdue\">overdue</span>"
                          : "no");
}

void Writer::promised(const Place &p) {
    if (p.links.empty())
        return;
    std::vector<TimelineRow> rows;
    std::map<std::string, Rule> reviews; // one rule per review date
    for (const json *l : p.links) {
        rows.push_back(timeline_row(*l));
        const json &reviewed = at(at(*l, "followup"), "reviewed");
        if (std::string date = str(reviewed, "date"); !date.empty())
            reviews[date] = {date, "review " + str(reviewed, "text")};
    }
    std::vector<Rule> rules;
    for (auto &[date, rule] : reviews)
        rules.push_back(rule);
    out_ << "<h3>What was promised</h3>\n"
         << statuses(p)
         << "<p class=\"lede\">Each promise's due dates, coloured by the progress its review "
            "found; a heavy red ring marks one overdue.</p>\n"
         << chart(timeline_svg(rows, rules, "Due dates of the promises at " + p.name))
         << "<table><thead><tr><th>Ref</th><th>Promise</th><th>Status</th><th>Owners</th>"
            "<th>Due</th><th>Followed up by</th><th>Progress</th><th>Match</th><th>Overdue</th>"
            "</tr></thead><tbody>\n";
    for (const json *l : p.links)
        out_ << promise_row(*l);
    out_ << "</tbody></table>\n";
}

// "Statuses: agreed 17 · partly agreed 1", counted over the promises that have one.
std::string Writer::statuses(const Place &p) const {
    std::map<std::string, std::size_t> counts;
    for (const json *l : p.links)
        if (std::string s = str(at(*l, "promise"), "status"); !s.empty())
            ++counts[s];
    std::string out;
    for (const auto &[status, n] : counts) {
        std::string shown = status;
        std::replace(shown.begin(), shown.end(), '_', ' ');
        out += fmt::format("{}<b>{}</b> {}", out.empty() ? "" : " · ", escape(shown), n);
    }
    return out.empty() ? "" : "<p class=\"statuses\">Statuses: " + out + "</p>\n";
}

void Writer::found(const Place &p) {
    std::map<std::string, std::size_t> linked;
    for (const json *l : p.links)
        if (const json &f = at(*l, "followup"); f.is_object())
            ++linked[str(f, "doc") + '\x1f' + str(f, "ref")];
    std::vector<Bar> bars;
    std::string rows;
    const track::FollowupRule &fr = rules_.followup;
    for (const DocumentRecords *d : p.docs)
        for (const json &j : d->items) {
            if (str(j, "kind") != fr.kind)
                continue;
            std::string doc = str(j, "doc"), ref = str(j, fr.ref.c_str()),
                        area = str(j, fr.area.c_str()), progress = str(j, fr.progress.c_str());
            auto bar = std::find_if(bars.begin(), bars.end(),
                                    [&](const Bar &b) { return b.label == area; });
            if (bar == bars.end())
                bar = bars.insert(bars.end(), Bar{area, {}});
            bar->segments.push_back({ref, colour(progress), ref + " " + area + ": " + progress,
                                     "#" + record_id(doc, ref)});
            rows += fmt::format(
                "<tr id=\"{}\"><td>{}{}</td><td>{}</td><td class=\"text\">{}{}</td><td>{}</td>"
                "<td>{}</td><td class=\"num\">{}</td></tr>\n",
                record_id(doc, ref), escape(ref), source(&j), escape(area),
                escape(str(j, "recommendation")), findings(doc, ref), badge(progress),
                badge(str(j, fr.summary_progress.c_str())), linked[doc + '\x1f' + ref]);
        }
    if (bars.empty())
        return;
    out_ << "<h3>What was found</h3>\n"
         << chart(bars_svg(bars, "Progress by area at " + p.name))
         << "<table><thead><tr><th>Ref</th><th>Area</th><th>Recommendation</th><th>Progress"
            "</th><th>In the summary</th><th class=\"num\">Promises "
            "joined</th></tr></thead><tbody>\n"
         << rows << "</tbody></table>\n";
}

// The rows of the promises past due without good progress, each with its
// establishment when `where` is given.
std::string Writer::past_due_rows(const Place &p, const Place *where) const {
    std::string rows;
    for (const json *l : p.links) {
        if (!past_due_without_good(*l))
            continue;
        const json &pr = at(*l, "promise"), &f = at(*l, "followup");
        rows += fmt::format(
            "<tr>{}<td><a href=\"#{}\">{}</a></td><td class=\"text\">{}</td><td>{}</td><td>{}"
            "</td><td>{}</td></tr>\n",
            where ? fmt::format("<td><a href=\"#{}\">{}</a></td>", where->id, escape(where->name))
                  : "",
            record_id(str(pr, "doc"), str(pr, "ref")), escape(str(pr, "ref")),
            escape(str(pr, "text")), dates(at(pr, "due")), escape(str(at(f, "reviewed"), "text")),
            badge(str(f, "progress")));
    }
    return rows;
}

void Writer::past_due(const std::string &rows, bool with_place) {
    if (rows.empty())
        return;
    out_ << "<h3>Past due without good progress</h3>\n<p class=\"lede\">Every due date "
            "before the review, and the review found less than good progress.</p>\n"
            "<table><thead><tr>"
         << (with_place ? "<th>Establishment</th>" : "")
         << "<th>Ref</th><th>Promise</th><th>Due</th><th>Reviewed</th><th>Progress</th></tr>"
            "</thead><tbody>\n"
         << rows << "</tbody></table>\n";
}

} // namespace

void write_report(std::ostream &out, const Archive &archive, const track::Rules &rules) {
    Writer(out, archive, rules).write();
}

} // namespace inspex::report
