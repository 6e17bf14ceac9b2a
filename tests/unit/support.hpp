// Helpers shared by the unit tests: paths into the source tree, temporary
// folders, and a small pattern library for building regexes inline.
#pragma once

#include "inspex/lines.hpp"
#include "inspex/model/text_view.hpp"
#include "inspex/pattern.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

namespace test {

// A fresh folder of this process's own (ctest runs the cases side by side),
// removed with what it holds when it goes out of scope.
class TempDir {
  public:
    explicit TempDir(const std::string &name)
        : path_(std::filesystem::temp_directory_path() /
                ("inspex-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    [[nodiscard]] const std::filesystem::path &path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline std::string source_path(const std::string &relative) {
    return std::string(INSPEX_SOURCE_DIR) + "/" + relative;
}

inline std::string read(const std::string &relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline inspex::RegexPtr re(const std::string &pattern) {
    static inspex::PatternLibrary lib;
    auto r = lib.compile(pattern, {"test", 0});
    REQUIRE(r.ok());
    return r.value();
}

// A document's text view, a string a line.
inline std::vector<std::string> view(const inspex::Document &doc) {
    std::vector<std::string> out;
    for (const inspex::Line &l : inspex::text_view(doc))
        out.push_back(l.text);
    return out;
}

// Lines numbered from 1, as split_lines would give them.
inline std::vector<inspex::Line> lines(std::initializer_list<const char *> texts) {
    std::vector<inspex::Line> out;
    std::size_t n = 1;
    for (const char *t : texts)
        out.push_back({n++, t});
    return out;
}

} // namespace test
