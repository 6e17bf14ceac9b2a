#include "inspex/track/overdue.hpp"

#include <algorithm>

namespace inspex::track {

bool period_before(const std::string &a, const std::string &b) {
    std::size_t common = std::min(a.size(), b.size());
    // One period inside the other ("2022-08" and "2022-08-15"): not before.
    return a.compare(0, common, b, 0, common) < 0;
}

nlohmann::ordered_json overdue(const nlohmann::ordered_json &due,
                               const nlohmann::ordered_json &reviewed,
                               const nlohmann::ordered_json &progress,
                               const std::vector<std::string> &overdue_progress) {
    if (!reviewed.is_object() || !reviewed.value("date", nlohmann::ordered_json()).is_string())
        return nullptr;
    std::string review = reviewed["date"].get<std::string>();
    bool any = false, all_before = true;
    for (const auto &d : due) {
        if (!d.is_object() || !d.value("date", nlohmann::ordered_json()).is_string())
            continue;
        any = true;
        all_before = all_before && period_before(d["date"].get<std::string>(), review);
    }
    if (!any)
        return nullptr;
    bool poor =
        progress.is_string() && std::find(overdue_progress.begin(), overdue_progress.end(),
                                          progress.get<std::string>()) != overdue_progress.end();
    return all_before && poor;
}

} // namespace inspex::track
