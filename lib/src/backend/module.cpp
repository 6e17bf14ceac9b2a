#include "module.hpp"

#include <cstdlib>
#include <dlfcn.h>
#include <filesystem>
#include <vector>

namespace inspex::detail {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> module_dirs() {
    if (const char *env = std::getenv("INSPEX_MODULE_DIR"); env && *env)
        return {env};
    std::vector<fs::path> dirs;
    std::error_code ec;
    auto program = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        dirs.push_back((program.parent_path() / INSPEX_MODULE_DIR_FROM_BIN).lexically_normal());
    dirs.emplace_back(INSPEX_BUILD_MODULE_DIR);
    dirs.emplace_back(INSPEX_INSTALLED_MODULE_DIR);
    return dirs;
}

Result<const void *> open_module(const fs::path &file, const char *symbol,
                                 const std::string &purpose) {
    std::string prefix = purpose + ": module " + file.string();
    // Never closed: its code runs until the process ends.
    void *handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        return Error(prefix + " cannot be loaded (" + dlerror() + ")");
    auto entry = reinterpret_cast<const void *(*)()>(dlsym(handle, symbol));
    if (!entry)
        return Error(prefix + " has no " + symbol + " (a module of another inspex version?)");
    return entry();
}

} // namespace

Result<const void *> load_module(const std::string &name, const char *symbol,
                                 const std::string &purpose) {
    std::string searched;
    for (const fs::path &dir : module_dirs()) {
        fs::path file = dir / (name + ".so");
        std::error_code ec;
        if (fs::is_regular_file(file, ec))
            return open_module(file, symbol, purpose);
        searched += (searched.empty() ? "" : ", ") + dir.string();
    }
    return Error(purpose + ": module " + name + ".so not found in " + searched);
}

} // namespace inspex::detail
