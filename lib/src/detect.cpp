#include "inspex/detect.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {

namespace {

// The share of the rules' weight whose patterns the text holds.
double share(const std::vector<DetectRule> &rules, const std::string &text) {
    double total = 0, found = 0;
    for (const DetectRule &rule : rules) {
        total += rule.weight;
        if (rule.found_in(text))
            found += rule.weight;
    }
    return total > 0 ? found / total : 0;
}

bool better(const Score &a, const Score &b) {
    return a.score != b.score ? a.score > b.score : a.body > b.body;
}

} // namespace

std::vector<Score> score_grammars(const std::vector<Grammar> &grammars, std::string text) {
    std::string clean = std::move(text);
    clean_spaces_in(clean);
    std::vector<Score> scores;
    bool body_fits = false;
    for (const Grammar &g : grammars) {
        double body = share(g.detect, clean);
        body_fits = body_fits || body >= g.threshold;
        scores.push_back({&g, body, body});
    }
    // Where no grammar's body patterns fit, the text may be a header alone.
    if (!body_fits)
        for (Score &s : scores)
            s.score = std::max(s.body, share(s.grammar->detect_header, clean));
    std::stable_sort(scores.begin(), scores.end(), [](const Score &a, const Score &b) {
        return better(a, b) || (!better(b, a) && a.grammar->name < b.grammar->name);
    });
    return scores;
}

Result<const Grammar *> choose_grammar(const std::vector<Grammar> &grammars, std::string text,
                                       const std::string &file) {
    std::vector<Score> scores = score_grammars(grammars, std::move(text));
    if (!scores.empty() && scores[0].score >= scores[0].grammar->threshold &&
        (scores.size() == 1 || better(scores[0], scores[1])))
        return scores[0].grammar;
    std::string listed;
    for (const Score &s : scores)
        listed += fmt::format("{}{} {:.2f} (needs {:.2f})", listed.empty() ? "" : ", ",
                              s.grammar->name, s.score, s.grammar->threshold);
    return Error(fmt::format("no grammar fits this document well enough; candidates: {}{}",
                             listed.empty() ? "none installed" : listed,
                             listed.empty() ? "" : " (choose one with --grammar)"),
                 file);
}

} // namespace inspex
