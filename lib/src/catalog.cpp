#include "inspex/catalog.hpp"

#include "inspex/names.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

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
    // Installed beside the running program (bin/../share/inspex/grammars),
    // wherever the prefix was moved to; in a build tree there is none there,
    // and the source tree's grammars are used.
    std::error_code ec;
    auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        folders_.push_back(
            (program.parent_path().parent_path() / "share" / "inspex" / "grammars").string());
    folders_.push_back(INSPEX_SOURCE_GRAMMAR_DIR);
    folders_.push_back(INSPEX_INSTALLED_GRAMMAR_DIR);
}

Result<Grammar> Catalog::load(const std::string &name_or_path, MatchLimits limits) const {
    namespace fs = std::filesystem;
    bool is_path = name_or_path.find('/') != std::string::npos ||
                   fs::path(name_or_path).extension() == ".toml";
    if (is_path)
        return load_grammar(name_or_path, limits, folders_);
    for (const std::string &dir : folders_) {
        fs::path candidate = fs::path(dir) / (name_or_path + ".toml");
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return load_grammar(candidate.string(), limits, folders_);
    }
    std::string searched;
    std::vector<std::string> names;
    for (const std::string &dir : folders_) {
        searched += (searched.empty() ? "" : ", ") + dir;
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".toml" && is_grammar_file(entry.path().string()))
                names.push_back(entry.path().stem().string());
    }
    std::string near;
    if (auto name = closest_name(name_or_path, names))
        near = "; did you mean \"" + *name + "\"?";
    return Error{"no grammar named \"" + name_or_path + "\" in " + searched + near};
}

Result<std::string> Catalog::find(const std::string &file_name) const {
    namespace fs = std::filesystem;
    std::string searched;
    for (const std::string &dir : folders_) {
        if (fs::path candidate = fs::path(dir) / file_name; fs::is_regular_file(candidate))
            return candidate.string();
        searched += (searched.empty() ? "" : ", ") + dir;
    }
    return Error{"no " + file_name + " in " + searched};
}

Result<std::vector<Grammar>> Catalog::load_all(MatchLimits limits, std::vector<Error> *broken,
                                               Compile when) const {
    namespace fs = std::filesystem;
    std::vector<Grammar> grammars;
    std::set<std::string> seen;
    for (const std::string &dir : folders_) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            continue;
        std::vector<fs::path> files;
        for (const auto &entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".toml")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path &file : files) {
            if (!is_grammar_file(file.string()) || seen.count(file.stem().string()))
                continue;
            auto g = load_grammar(file.string(), limits, folders_, when);
            if (!g && !broken)
                return g.error();
            if (!g) {
                broken->push_back(g.error());
                continue;
            }
            seen.insert(file.stem().string());
            grammars.push_back(std::move(g.value()));
        }
    }
    std::sort(grammars.begin(), grammars.end(),
              [](const Grammar &a, const Grammar &b) { return a.name < b.name; });
    return grammars;
}

Result<std::vector<Grammar>> Catalog::load_choice(const std::string &name_or_path,
                                                  MatchLimits limits, std::vector<Error> *broken,
                                                  Compile when) const {
    if (name_or_path.empty())
        return load_all(limits, broken, when);
    auto g = load(name_or_path, limits);
    if (!g)
        return g.error();
    std::vector<Grammar> one;
    one.push_back(std::move(g.value()));
    return one;
}

} // namespace inspex
