// Finds grammars by name or path along a search path: the user's folders
// (--grammar-path, INSPEX_GRAMMAR_PATH), then the installed grammars.
//
//   Catalog cat({"~/my-grammars"});
//   auto g = cat.load("action-plan");   // or a path to a .toml file
#pragma once

#include "inspex/grammar.hpp"

#include <string>
#include <vector>

namespace inspex {

class Catalog {
  public:
    // `extra` folders are searched first, then INSPEX_GRAMMAR_PATH, then the
    // folders compiled in (the source tree's grammars/ and the install prefix).
    explicit Catalog(std::vector<std::string> extra = {});

    // A name ("action-plan") is looked up as NAME.toml in the folders; anything
    // with a slash or ending in .toml is taken as a path.
    Result<Grammar> load(const std::string &name_or_path, MatchLimits limits = {}) const;

    // Every grammar in the folders (a name found twice: the first folder's),
    // sorted by name. Files without a [grammar] table (shared pattern
    // libraries such as common.toml) are not grammars. A broken grammar file
    // is an error; with `broken`, its error is added there and the others
    // are still loaded (one bad grammar of a user's does not stop the rest).
    // `when`: see load_grammar.
    Result<std::vector<Grammar>> load_all(MatchLimits limits = {},
                                          std::vector<Error> *broken = nullptr,
                                          Compile when = Compile::at_load) const;

    // The grammars a tool chooses from: the one named (compiled at load), or
    // every one (for detection, compiled `when` asked) when the name is empty.
    Result<std::vector<Grammar>> load_choice(const std::string &name_or_path,
                                             MatchLimits limits = {},
                                             std::vector<Error> *broken = nullptr,
                                             Compile when = Compile::at_load) const;

    // The path of a file of the folders ("track.toml"): the first folder's.
    Result<std::string> find(const std::string &file_name) const;

  private:
    std::vector<std::string> folders_;
};

} // namespace inspex
