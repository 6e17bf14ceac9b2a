#define PCRE2_CODE_UNIT_WIDTH 8
#include "inspex/pattern.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mutex>
#include <pcre2.h>

namespace inspex {

constexpr uint32_t kCompileOptions = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES;

struct Regex::Impl {
    std::once_flag compiled;
    pcre2_code *code = nullptr; // null when the pattern does not compile
    std::optional<Error> error; // then why
    pcre2_match_context *context = nullptr;
    std::once_flag jit;
    // JIT-compiled on first use, not when loaded: a run loads every grammar's
    // patterns and uses few of them; compiling them all cost most of a
    // process's start.
    const pcre2_code *ready() {
        std::call_once(jit, [this] { pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); });
        return code; // the interpreter when JIT is unavailable
    }
    // The same pattern compiled anchored, for match_at: JIT does not take
    // PCRE2_ANCHORED at match time, only when compiling.
    std::once_flag anchored_once;
    pcre2_code *anchored = nullptr;
    const pcre2_code *anchored_ready(const std::string &source) {
        std::call_once(anchored_once, [&] {
            int code = 0;
            PCRE2_SIZE offset = 0;
            anchored = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(),
                                     kCompileOptions | PCRE2_ANCHORED, &code, &offset, nullptr);
            if (anchored)
                pcre2_jit_compile(anchored, PCRE2_JIT_COMPLETE);
        });
        return anchored;
    }
    ~Impl() {
        pcre2_match_context_free(context);
        pcre2_code_free(anchored);
        pcre2_code_free(code);
    }
};

Regex::~Regex() = default;

namespace {

thread_local std::vector<LimitHit> t_limit_hits;

// One match-data block per thread, grown on demand: no allocation per match.
pcre2_match_data *match_data_for(uint32_t pairs) {
    struct Holder {
        pcre2_match_data *data = nullptr;
        uint32_t pairs = 0;
        ~Holder() { pcre2_match_data_free(data); }
    };
    thread_local Holder holder;
    if (holder.pairs < pairs) {
        pcre2_match_data_free(holder.data);
        holder.data = pcre2_match_data_create(pairs, nullptr);
        holder.pairs = pairs;
    }
    return holder.data;
}

std::string pcre2_message(int code) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    return reinterpret_cast<const char *>(buffer);
}

// The pattern's named groups (name -> number, in number order); the count of
// its capture groups.
uint32_t group_names(const pcre2_code *code, std::vector<std::pair<std::string, int>> &names) {
    uint32_t captures = 0, count = 0, entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &captures);
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t k = 0; k < count; ++k) {
        PCRE2_SPTR entry = table + k * entry_size;
        int number = (entry[0] << 8) | entry[1];
        names.emplace_back(reinterpret_cast<const char *>(entry + 2), number);
    }
    std::sort(names.begin(), names.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    return captures;
}

bool is_name_char(char c, bool first) {
    return c == '_' || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

} // namespace

std::optional<Span> Match::group(std::string_view name) const {
    for (const auto &[n, number] : regex_->names_)
        if (n == name && groups_[number])
            return groups_[number];
    return std::nullopt;
}

std::optional<std::string_view> Match::text(std::string_view name) const {
    auto span = group(name);
    if (!span)
        return std::nullopt;
    return subject_.substr(span->begin, span->end - span->begin);
}

std::string_view Match::whole_text() const {
    auto w = whole();
    return subject_.substr(w.begin, w.end - w.begin);
}

std::vector<std::string> Match::matched_names() const {
    std::vector<std::string> out;
    for (const auto &[n, number] : regex_->names_)
        if (groups_[number] && std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(n);
    return out;
}

std::optional<Match> Regex::search(std::string_view subject, std::size_t start) const {
    return run(subject, start, false);
}

std::optional<Match> Regex::match_at(std::string_view subject, std::size_t start) const {
    return run(subject, start, true);
}

int Regex::execute(std::string_view subject, std::size_t start, bool anchored) const {
    if (compile_once()) // a pattern compiled later that does not compile matches nothing
        return PCRE2_ERROR_NOMATCH;
    pcre2_match_data *data = match_data_for(pairs_);
    const pcre2_code *code = anchored ? impl_->anchored_ready(source_) : impl_->ready();
    // Subjects are valid UTF-8 by contract (see pattern.hpp); PCRE2's own check
    // would re-read the whole subject on every call.
    uint32_t options = PCRE2_NO_UTF_CHECK;
    if (!code) { // the anchored compile failed: anchored at match time, without JIT
        code = impl_->ready();
        options |= PCRE2_ANCHORED;
    }
    int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start,
                         options, data, impl_->context);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT)
        note_limit_hit(subject.substr(start));
    return rc;
}

const std::vector<std::pair<std::string, int>> &Regex::named_groups() const {
    (void)compile_once();
    return names_;
}

bool Regex::matches(std::string_view subject) const {
    return execute(subject, 0, false) >= 0;
}

bool Regex::could_begin(std::string_view subject) const {
    if (compile_once())
        return false;
    // The interpreter: JIT code does partial matching only when compiled for it.
    int rc = pcre2_match(impl_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                         0, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT | PCRE2_PARTIAL_SOFT,
                         match_data_for(pairs_), impl_->context);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT)
        note_limit_hit(subject);
    return rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
}

std::optional<Match> Regex::run(std::string_view subject, std::size_t start, bool anchored) const {
    int rc = execute(subject, start, anchored);
    if (rc < 0)
        return std::nullopt;
    const uint32_t pairs = pairs_; // known once execute has compiled the pattern
    pcre2_match_data *data = match_data_for(pairs);
    Match m;
    m.subject_ = subject;
    m.regex_ = this;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(data);
    m.groups_.resize(pairs);
    for (uint32_t g = 0; g < pairs && g < static_cast<uint32_t>(rc); ++g)
        if (ov[2 * g] != PCRE2_UNSET)
            m.groups_[g] = Span{ov[2 * g], ov[2 * g + 1]};
    return m;
}

std::vector<Match> Regex::search_all(std::string_view subject) const {
    std::vector<Match> out;
    for (auto m = search(subject, 0); m;) {
        Span w = m->whole();
        std::size_t next = w.end;
        if (w.empty()) { // step over one whole UTF-8 character after an empty match
            ++next;
            while (next < subject.size() &&
                   (static_cast<unsigned char>(subject[next]) & 0xC0) == 0x80)
                ++next;
        }
        out.push_back(std::move(*m));
        if (next > subject.size())
            break;
        m = search(subject, next);
    }
    return out;
}

std::string Regex::replace_all(std::string_view subject, std::string_view replacement) const {
    std::string text(subject);
    replace_in(text, replacement);
    return text;
}

bool Regex::replace_in(std::string &text, std::string_view replacement) const {
    // Most text has nothing to replace: one match says so, and where there is
    // something, the substitution starts at the first match instead of 0.
    if (compile_once())
        return false;
    pcre2_match_data *data = match_data_for(pairs_);
    int found = pcre2_match(impl_->ready(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                            0, PCRE2_NO_UTF_CHECK, data, impl_->context);
    if (found == PCRE2_ERROR_NOMATCH)
        return false;
    if (found < 0) {
        note_limit_hit(text);
        return false;
    }
    const PCRE2_SIZE first = pcre2_get_ovector_pointer(data)[0];
    std::string out(text.size() + 64, '\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        PCRE2_SIZE length = out.size();
        int rc = pcre2_substitute(
            impl_->ready(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), first,
            PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_NO_UTF_CHECK,
            nullptr, impl_->context, reinterpret_cast<PCRE2_SPTR>(replacement.data()),
            replacement.size(), reinterpret_cast<PCRE2_UCHAR *>(out.data()), &length);
        if (rc >= 0) {
            out.resize(length);
            text = std::move(out);
            return true;
        }
        if (rc != PCRE2_ERROR_NOMEMORY)
            break;
        out.assign(length, '\0');
    }
    note_limit_hit(text);
    return false;
}

void Regex::note_limit_hit(std::string_view subject) const {
    limit_hit_.store(true, std::memory_order_relaxed);
    std::size_t cut = std::min<std::size_t>(subject.size(), 60);
    while (cut > 0 && cut < subject.size() &&
           (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80)
        --cut;
    LimitHit hit{where_, std::string(subject.substr(0, cut))};
    bool seen = std::any_of(t_limit_hits.begin(), t_limit_hits.end(), [&](const LimitHit &h) {
        return h.rule.file == hit.rule.file && h.rule.line == hit.rule.line &&
               h.subject == hit.subject;
    });
    if (!seen && t_limit_hits.size() < 32)
        t_limit_hits.push_back(std::move(hit));
}

std::vector<LimitHit> take_limit_hits() {
    std::vector<LimitHit> out;
    out.swap(t_limit_hits);
    return out;
}

void PatternLibrary::define(const std::string &name, std::string body, SourceRef where) {
    defs_[name] = Definition{std::move(body), std::move(where)};
}

Result<std::string> PatternLibrary::expand(std::string_view pattern, const SourceRef &where) const {
    std::vector<std::string> stack;
    return expand_inner(pattern, where, stack);
}

Result<std::string> PatternLibrary::expand_inner(std::string_view pattern, const SourceRef &where,
                                                 std::vector<std::string> &stack) const {
    std::string out;
    std::size_t i = 0;
    while (i < pattern.size()) {
        std::size_t ref = pattern.find("%{", i);
        if (ref == std::string_view::npos) {
            out.append(pattern.substr(i));
            break;
        }
        out.append(pattern.substr(i, ref - i));
        std::size_t close = pattern.find('}', ref);
        std::string name(
            pattern.substr(ref + 2, close == std::string_view::npos ? 0 : close - ref - 2));
        bool well_formed = close != std::string_view::npos && !name.empty() &&
                           std::all_of(name.begin(), name.end(), [&](const char &c) {
                               return is_name_char(c, &c == &name.front());
                           });
        if (!well_formed)
            return Error{
                fmt::format("malformed pattern reference at \"{}\"", pattern.substr(ref, 20)),
                where.file, where.line};
        auto def = defs_.find(name);
        if (def == defs_.end())
            return Error{fmt::format("unknown pattern %{{{}}}", name), where.file, where.line};
        if (std::find(stack.begin(), stack.end(), name) != stack.end())
            return Error{fmt::format("pattern %{{{}}} refers to itself", name), where.file,
                         where.line};
        stack.push_back(name);
        auto body = expand_inner(def->second.body, def->second.where, stack);
        stack.pop_back();
        if (!body)
            return body.error();
        out += "(?:" + body.value() + ")";
        i = close + 1;
    }
    return out;
}

std::optional<Error> Regex::compile_once() const {
    std::call_once(impl_->compiled, [this] {
        int code = 0;
        PCRE2_SIZE offset = 0;
        pcre2_code *compiled =
            pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source_.data()), source_.size(),
                          kCompileOptions, &code, &offset, nullptr);
        if (!compiled) {
            impl_->error = Error{fmt::format("bad pattern: {} at offset {} of \"{}\"",
                                             pcre2_message(code), offset, source_),
                                 where_.file, where_.line};
            return;
        }
        impl_->code = compiled;
        pairs_ = group_names(compiled, names_) + 1;
    });
    return impl_->error;
}

Result<std::shared_ptr<Regex>> PatternLibrary::make(std::string_view pattern,
                                                    const SourceRef &where) const {
    auto expanded = expand(pattern, where);
    if (!expanded)
        return expanded.error();
    std::shared_ptr<Regex> regex(new Regex());
    regex->impl_ = std::make_unique<Regex::Impl>();
    regex->source_ = std::move(expanded.value());
    regex->where_ = where;
    regex->impl_->context = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(regex->impl_->context, limits_.match_limit);
    pcre2_set_depth_limit(regex->impl_->context, limits_.depth_limit);
    return regex;
}

Result<RegexPtr> PatternLibrary::compile(std::string_view pattern, const SourceRef &where) const {
    auto regex = make(pattern, where);
    if (!regex)
        return regex.error();
    if (auto error = regex.value()->compile_once())
        return *error;
    return RegexPtr(std::move(regex.value()));
}

struct PatternLibrary::Later {
    std::mutex mutex;
    std::vector<RegexPtr> pending;
    std::optional<Error> error; // the first
};

Result<RegexPtr> PatternLibrary::compile_later(std::string_view pattern,
                                               const SourceRef &where) const {
    auto regex = make(pattern, where);
    if (!regex)
        return regex.error();
    if (!later_)
        later_ = std::make_shared<Later>();
    later_->pending.push_back(regex.value());
    return RegexPtr(std::move(regex.value()));
}

Result<bool> PatternLibrary::ready() const {
    if (!later_)
        return true;
    std::lock_guard lock(later_->mutex);
    for (const RegexPtr &regex : later_->pending)
        if (auto error = regex->compile_once(); error && !later_->error)
            later_->error = std::move(error);
    later_->pending.clear();
    if (later_->error)
        return *later_->error;
    return true;
}

} // namespace inspex
