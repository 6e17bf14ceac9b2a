// Named, composable PCRE2 patterns: a pattern may refer to another by %{NAME};
// each regex is JIT-compiled on its first use and runs under bounded limits.
//
//   PatternLibrary lib; lib.define("MONTH", "(?:January|February)", {"common.toml", 3});
//   auto re = lib.compile("%{MONTH} \\d{4}", {"plan.toml", 9});
//   if (re) { auto m = re->search("In January 2022"); }
#pragma once

#include "inspex/error.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inspex {

// Where a pattern was written, so errors can point at the grammar line.
struct SourceRef {
    std::string file;
    std::size_t line = 0;
};

// When a grammar's patterns are compiled: all at load (every error said
// then), or, for a run that chooses among grammars, the detection patterns at
// load and the others when the grammar is first used (PatternLibrary::ready).
enum class Compile { at_load, when_used };

// Resource bounds for every match; one place, documented in the README.
struct MatchLimits {
    uint32_t match_limit = 1'000'000;
    uint32_t depth_limit = 10'000;
};

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    [[nodiscard]] bool empty() const { return begin == end; }
};

class Regex;

// One successful match: spans of the whole match and of its groups.
class Match {
  public:
    [[nodiscard]] Span whole() const { return groups_.at(0).value_or(Span{}); }
    // The span of a named group, if that group took part in the match. With
    // duplicate names, the first group of that name that matched.
    [[nodiscard]] std::optional<Span> group(std::string_view name) const;
    [[nodiscard]] std::optional<std::string_view> text(std::string_view name) const;
    [[nodiscard]] std::string_view whole_text() const;
    // Names of the named groups that matched, in pattern order.
    [[nodiscard]] std::vector<std::string> matched_names() const;

  private:
    friend class Regex;
    std::string_view subject_;
    std::vector<std::optional<Span>> groups_;
    const Regex *regex_ = nullptr;
};

// A compiled pattern. Every subject must be valid UTF-8: decode() validates
// each input once, and all text the engine derives from it stays valid, so
// matching skips PCRE2's per-call check of the whole subject.
class Regex {
  public:
    Regex(const Regex &) = delete;
    Regex &operator=(const Regex &) = delete;
    ~Regex();

    // First match at or after `start`; nullopt when none (or a limit was hit,
    // which is reported through limit_hit()).
    [[nodiscard]] std::optional<Match> search(std::string_view subject,
                                              std::size_t start = 0) const;
    // The match that begins exactly at `start` (an anchored search): what
    // search(subject, start) gives when its match begins there, found without
    // reading on past `start` for a later one.
    [[nodiscard]] std::optional<Match> match_at(std::string_view subject, std::size_t start) const;
    // Whether search(subject) finds a match; no Match made.
    [[nodiscard]] bool matches(std::string_view subject) const;
    // Whether the subject matches, or is the start of a text that could
    // (PCRE2's partial match: "1. Rec" of a label "1. Rec No").
    [[nodiscard]] bool could_begin(std::string_view subject) const;
    [[nodiscard]] std::vector<Match> search_all(std::string_view subject) const;
    // Replaces every match by `replacement` ($1, ${name} expand).
    [[nodiscard]] std::string replace_all(std::string_view subject,
                                          std::string_view replacement) const;
    // The same, in place: false, and the text left as it is, when nothing
    // matched (no copy made).
    bool replace_in(std::string &text, std::string_view replacement) const;
    [[nodiscard]] const std::string &source() const { return source_; }
    // The names of its capture groups, in the pattern's order (none when the
    // pattern does not compile).
    [[nodiscard]] const std::vector<std::pair<std::string, int>> &named_groups() const;
    [[nodiscard]] bool limit_hit() const { return limit_hit_.load(std::memory_order_relaxed); }
    // Where the pattern was written (the grammar file and line).
    [[nodiscard]] const SourceRef &where() const { return where_; }

  private:
    [[nodiscard]] std::optional<Match> run(std::string_view subject, std::size_t start,
                                           bool anchored) const;
    // pcre2_compile, once (at load, or at first use when compiled later); on
    // success the groups' count and names are known. Empty, or the error.
    [[nodiscard]] std::optional<Error> compile_once() const;
    // pcre2_match's result, the groups left in this thread's match data; a
    // limit hit noted.
    int execute(std::string_view subject, std::size_t start, bool anchored) const;
    void note_limit_hit(std::string_view subject) const;
    friend class PatternLibrary;
    friend class Match;
    Regex() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string source_; // expanded pattern text
    // Set by compile_once, before any match reads them.
    mutable std::vector<std::pair<std::string, int>> names_; // name -> group, pattern order
    mutable uint32_t pairs_ = 1;                             // capture groups + the whole match
    SourceRef where_;
    // Set by any thread that hits a limit (regexes are shared by threads).
    mutable std::atomic<bool> limit_hit_{false};
};

// A match that stopped at a limit (its result, no match, may be wrong): the
// pattern's grammar file and line, and the start of the text it ran over.
struct LimitHit {
    SourceRef rule;
    std::string subject;
};

// The limit hits of this thread since the last call (at most a few dozen are
// kept), in the order they happened; clears them.
[[nodiscard]] std::vector<LimitHit> take_limit_hits();

using RegexPtr = std::shared_ptr<const Regex>;

// Definitions by name; compile() expands %{NAME} references recursively.
class PatternLibrary {
  public:
    void define(const std::string &name, std::string body, SourceRef where);
    [[nodiscard]] bool has(const std::string &name) const { return defs_.count(name) > 0; }
    // Expanded text of a pattern, with %{NAME} replaced by (?:body of NAME).
    Result<std::string> expand(std::string_view pattern, const SourceRef &where) const;
    // Compiled now: a bad pattern is an error with its file and line.
    Result<RegexPtr> compile(std::string_view pattern, const SourceRef &where) const;
    // Expanded now (a bad reference is an error), compiled by ready() or at
    // its first use: for the patterns of a grammar a run may never choose.
    Result<RegexPtr> compile_later(std::string_view pattern, const SourceRef &where) const;
    // Compiles every pattern compile_later gave, once (thread-safe): the
    // first error, with its file and line. Call it before using a grammar
    // loaded with Compile::when_used (extract() does).
    [[nodiscard]] Result<bool> ready() const;
    void set_limits(MatchLimits limits) { limits_ = limits; }

  private:
    struct Definition {
        std::string body;
        SourceRef where;
    };
    Result<std::string> expand_inner(std::string_view pattern, const SourceRef &where,
                                     std::vector<std::string> &stack) const;
    Result<std::shared_ptr<Regex>> make(std::string_view pattern, const SourceRef &where) const;
    struct Later;
    std::map<std::string, Definition> defs_;
    MatchLimits limits_;
    mutable std::shared_ptr<Later> later_; // what compile_later gave; shared by copies
};

} // namespace inspex
