// The rules of tracking, read from grammars/track.toml: which record kinds are
// promises and follow-ups, their fields, the wording compared, the thresholds.
#pragma once

#include "inspex/error.hpp"

#include <string>
#include <vector>

namespace inspex::track {

// A kind of record that promises something, and where its fields are.
struct PromiseRule {
    std::string kind;
    std::vector<std::string> refs; // fields citing the inspection report's paragraphs
    std::vector<std::string> text; // joined with ": " into the link's text
    std::string status, owners, due;
};

// The kind of record that judges a promise later, and where its fields are.
struct FollowupRule {
    std::string kind, ref, area, progress, summary_progress;
};

// A judgement of progress as a report shows it.
struct Level {
    std::string value, label, colour;
};

enum class Measure { overlap, dice };

// Wording of a promise compared with wording of a follow-up.
struct Compare {
    std::vector<std::string> promise, followup;
    Measure measure = Measure::overlap;
};

struct Rules {
    double threshold = 0.6, margin = 0.1;
    std::vector<std::string> overdue_progress, good_progress;
    std::vector<Level> levels;              // best first
    std::vector<std::string> name_prefixes; // longest first
    std::vector<std::string> stop_words, endings;
    std::vector<PromiseRule> promises;
    FollowupRule followup;
    std::vector<Compare> compares;

    // The rule for a record kind, or null when that kind is no promise.
    [[nodiscard]] const PromiseRule *promise_rule(const std::string &kind) const;
    // The level of a progress value, or null when the rules do not list it.
    [[nodiscard]] const Level *level(const std::string &value) const;
};

// Reads a track file (TOML); an error names the file and line.
Result<Rules> load_rules(const std::string &path);

} // namespace inspex::track
