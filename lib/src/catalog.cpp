#include "inspex/catalog.hpp"

#include <cstdlib>
#include <filesystem>

namespace inspex {

Catalog::Catalog(std::vector<std::string> extra) : folders_(std::move(extra)) {
    if (const char *env = std::getenv("INSPEX_GRAMMAR_PATH")) {
        std::string path = env;
        for (std::size_t start = 0; start <= path.size();) {
            std::size_t colon = path.find(':', start);
            std::string dir =
                path.substr(start, colon == std::string::npos ? colon : colon - start);
            if (!dir.empty())
                folders_.push_back(dir);
            if (colon == std::string::npos)
                break;
            start = colon + 1;
        }
    }
    folders_.push_back(INSPEX_SOURCE_GRAMMAR_DIR);
    folders_.push_back(INSPEX_INSTALLED_GRAMMAR_DIR);
}

Result<Grammar> Catalog::load(const std::string &name_or_path, MatchLimits limits) const {
    namespace fs = std::filesystem;
    bool is_path = name_or_path.find('/') != std::string::npos ||
                   fs::path(name_or_path).extension() == ".toml";
    if (is_path)
        return load_grammar(name_or_path, limits);
    for (const std::string &dir : folders_) {
        fs::path candidate = fs::path(dir) / (name_or_path + ".toml");
        if (fs::is_regular_file(candidate))
            return load_grammar(candidate.string(), limits);
    }
    std::string searched;
    for (const std::string &dir : folders_)
        searched += (searched.empty() ? "" : ", ") + dir;
    return Error{"no grammar named \"" + name_or_path + "\" in " + searched};
}

} // namespace inspex
