#include "inspex/track/rules.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace inspex::track {
namespace {

// Thrown only inside this file; load_rules turns it into an Error value.
struct RulesError {
    Error error;
};

class Reader {
  public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const toml::node *node, const std::string &message) const {
        throw RulesError{Error(message, file_, node ? node->source().begin.line : 0)};
    }
    const toml::table &table(const toml::table &t, std::string_view key) const {
        const toml::table *found = t.get_as<toml::table>(key);
        if (!found)
            fail(&t, fmt::format("[{}] is missing", key));
        return *found;
    }
    std::string text(const toml::table &t, std::string_view key) const {
        const toml::node *n = t.get(key);
        if (!n || !n->is_string())
            fail(n ? n : &t, fmt::format("{} must be a string", key));
        return *n->value<std::string>();
    }
    double number(const toml::table &t, std::string_view key) const {
        const toml::node *n = t.get(key);
        if (!n || !n->value<double>() || *n->value<double>() < 0 || *n->value<double>() > 1)
            fail(n ? n : &t, fmt::format("{} must be a number from 0 to 1", key));
        return *n->value<double>();
    }
    std::vector<std::string> strings(const toml::table &t, std::string_view key) const {
        const toml::array *a = t.get_as<toml::array>(key);
        if (!a)
            fail(&t, fmt::format("{} must be a list of strings", key));
        std::vector<std::string> out;
        for (const toml::node &n : *a) {
            if (!n.is_string())
                fail(&n, fmt::format("{} must be a list of strings", key));
            out.push_back(*n.value<std::string>());
        }
        return out;
    }
    template <typename F> void each_table(const toml::table &root, std::string_view key, F f) {
        const toml::array *a = root.get_as<toml::array>(key);
        if (!a || a->empty())
            fail(&root, fmt::format("[[{}]] is missing", key));
        for (const toml::node &n : *a) {
            if (!n.is_table())
                fail(&n, fmt::format("[[{}]] must be tables", key));
            f(*n.as_table());
        }
    }

    Rules read(const toml::table &root) {
        Rules r;
        const toml::table &track = table(root, "track");
        r.threshold = number(track, "threshold");
        r.margin = number(track, "margin");
        r.overdue_progress = strings(track, "overdue_progress");
        r.good_progress = strings(track, "good_progress");
        each_table(root, "progress", [&](const toml::table &t) {
            r.levels.push_back({text(t, "value"), text(t, "label"), text(t, "colour")});
        });
        r.name_prefixes = strings(table(root, "establishment"), "prefixes");
        std::stable_sort(
            r.name_prefixes.begin(), r.name_prefixes.end(),
            [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
        const toml::table &words = table(root, "words");
        r.stop_words = strings(words, "stop");
        r.endings = strings(words, "endings");
        each_table(root, "promise", [&](const toml::table &t) {
            r.promises.push_back({text(t, "kind"), strings(t, "refs"), strings(t, "text"),
                                  text(t, "status"), text(t, "owners"), text(t, "due")});
        });
        const toml::table &f = table(root, "followup");
        r.followup = {text(f, "kind"), text(f, "ref"), text(f, "area"), text(f, "progress"),
                      text(f, "summary_progress")};
        each_table(root, "compare",
                   [&](const toml::table &t) { r.compares.push_back(compare(t)); });
        return r;
    }

  private:
    Compare compare(const toml::table &t) const {
        Compare c{strings(t, "promise"), strings(t, "followup"), Measure::overlap};
        std::string measure = text(t, "measure");
        if (measure == "dice")
            c.measure = Measure::dice;
        else if (measure != "overlap")
            fail(t.get("measure"), "measure must be \"overlap\" or \"dice\"");
        return c;
    }

    std::string file_;
};

} // namespace

const PromiseRule *Rules::promise_rule(const std::string &kind) const {
    for (const PromiseRule &p : promises)
        if (p.kind == kind)
            return &p;
    return nullptr;
}

const Level *Rules::level(const std::string &value) const {
    for (const Level &l : levels)
        if (l.value == value)
            return &l;
    return nullptr;
}

Result<Rules> load_rules(const std::string &path) {
    try {
        toml::table root = toml::parse_file(path);
        return Reader(path).read(root);
    } catch (const toml::parse_error &e) {
        return Error(std::string(e.description()), path, e.source().begin.line);
    } catch (const RulesError &e) {
        return e.error;
    }
}

} // namespace inspex::track
