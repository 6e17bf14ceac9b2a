#include "inspex/names.hpp"

#include <algorithm>

namespace inspex {

std::optional<std::string> closest_name(const std::string &name,
                                        const std::vector<std::string> &known) {
    auto distance = [](const std::string &a, const std::string &b) {
        std::vector<std::size_t> row(b.size() + 1);
        for (std::size_t j = 0; j <= b.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= b.size(); ++j) {
                std::size_t up = row[j];
                row[j] = std::min(
                    {row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = up;
            }
        }
        return row[b.size()];
    };
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const std::string &k : known)
        if (std::size_t d = distance(name, k); d < best_distance)
            best = k, best_distance = d;
    return best;
}

Result<bool> check_names(const std::vector<std::string> &names,
                         const std::vector<std::string> &known, const std::string &what) {
    for (const std::string &name : names) {
        if (std::find(known.begin(), known.end(), name) != known.end())
            continue;
        std::string message = "unknown " + what + " \"" + name + "\"";
        if (auto near = closest_name(name, known))
            message += "; did you mean \"" + *near + "\"?";
        return Error(message);
    }
    return true;
}

} // namespace inspex
