// The report: one self-contained HTML page (inline CSS and SVG, nothing
// fetched) of what was promised and found, per establishment and overall.
//
//   Archive a; a.documents = ...; a.links = tracker.links(); a.findings = ...;
//   write_report(std::cout, a, rules);
#pragma once

#include "inspex/records.hpp"
#include "inspex/track/rules.hpp"
#include "inspex/validate.hpp"

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace inspex::report {

struct Archive {
    std::vector<DocumentRecords> documents;
    std::vector<nlohmann::ordered_json> links;
    std::vector<Finding> findings; // from validation, placed beside their records
    std::string title = "Promises and progress";
};

void write_report(std::ostream &out, const Archive &archive, const track::Rules &rules);

} // namespace inspex::report
