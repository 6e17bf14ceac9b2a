// Holds extracted records against what their document states about itself:
// required fields, vocabularies and dates (shape), numbering, stated totals,
// a fact stated twice, plausible dates, text long enough to be real. Which
// checks apply is declared in the grammar's [validate] section.
//
//   Validator v(grammar);
//   for (const Finding &f : v.check(document, items)) print(f.describe());
#pragma once

#include "inspex/grammar.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace inspex {

enum class Severity { info = 0, warning = 1, error = 2 };

[[nodiscard]] const char *severity_name(Severity s);
Result<Severity> parse_severity(const std::string &name);

struct Finding {
    Severity severity = Severity::info;
    std::string code; // stable, documented in the README
    std::string message;
    std::string doc;  // empty when the records do not say (no "doc" text)
    std::string file; // likewise, without "source.file"
    std::string ref;  // the record's reference, empty for the document
    std::size_t first_line = 0, last_line = 0;

    // "file:line: severity: code: message"
    [[nodiscard]] std::string describe() const;
    [[nodiscard]] nlohmann::ordered_json to_json() const;
};

class Validator {
  public:
    // `grammar` may be null when the document's grammar is unknown: only
    // the checks that need no grammar run then.
    explicit Validator(const Grammar *grammar) : g_(grammar) {}

    [[nodiscard]] std::vector<Finding>
    check(const nlohmann::ordered_json &document,
          const std::vector<nlohmann::ordered_json> &items) const;

  private:
    const Grammar *g_;
};

} // namespace inspex
