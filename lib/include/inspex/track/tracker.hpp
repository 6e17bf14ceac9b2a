// Joins promises to the judgements of later reviews across many documents,
// and writes one `link` record per promise (see shared/spec/records.md).
//
//   Tracker t(rules); read_documents(in, file, [&](auto &d) { t.add(d); }, ...);
//   for (auto &link : t.links()) print(link);   // t.notes(): inspection-unstated
#pragma once

#include "inspex/records.hpp"
#include "inspex/track/rules.hpp"
#include "inspex/track/similarity.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex::track {

// A remark about an input document, not a link: "inspection-unstated".
struct Note {
    std::string code, message, file;
    std::size_t line = 0;
    [[nodiscard]] std::string describe() const; // "file:line: code: message"
};

class Tracker {
  public:
    explicit Tracker(Rules rules) : rules_(std::move(rules)) {}

    // Keeps a document's promises and follow-ups (other records are ignored).
    void add(const DocumentRecords &document);

    // One link per promise, in the order the promises were added.
    [[nodiscard]] std::vector<nlohmann::ordered_json> links() const;

    // Remarks about the documents added (one per document at most).
    [[nodiscard]] const std::vector<Note> &notes() const { return notes_; }

    struct Doc {
        nlohmann::ordered_json document;
        std::string key; // establishment_key of its establishment
        std::vector<nlohmann::ordered_json> promises, followups;
        std::vector<std::vector<Words>> followup_words; // per follow-up, per comparison
    };

  private:
    [[nodiscard]] nlohmann::ordered_json link(const Doc &plan,
                                              const nlohmann::ordered_json &promise) const;
    // The reviews a plan's promises may join: same establishment and
    // inspection, signed no earlier than the plan.
    [[nodiscard]] std::vector<const Doc *> reviews_for(const Doc &plan) const;

    Rules rules_;
    std::vector<Doc> docs_;
    std::map<std::string, std::vector<std::size_t>> by_key_; // docs_ by establishment key
    std::vector<Note> notes_;
};

} // namespace inspex::track
