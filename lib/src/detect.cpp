#include "inspex/detect.hpp"

#include "inspex/normalize.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace inspex {

std::vector<Score> score_grammars(const std::vector<Grammar> &grammars, std::string_view text) {
    std::string clean = clean_spaces(text);
    std::vector<Score> scores;
    for (const Grammar &g : grammars) {
        double total = 0, found = 0;
        for (const DetectRule &rule : g.detect) {
            total += rule.weight;
            if (rule.pattern->matches(clean))
                found += rule.weight;
        }
        scores.push_back({&g, total > 0 ? found / total : 0});
    }
    std::stable_sort(scores.begin(), scores.end(), [](const Score &a, const Score &b) {
        return a.score != b.score ? a.score > b.score : a.grammar->name < b.grammar->name;
    });
    return scores;
}

Result<const Grammar *> choose_grammar(const std::vector<Grammar> &grammars, std::string_view text,
                                       const std::string &file) {
    std::vector<Score> scores = score_grammars(grammars, text);
    if (!scores.empty() && scores[0].score >= scores[0].grammar->threshold &&
        (scores.size() == 1 || scores[1].score < scores[0].score))
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
