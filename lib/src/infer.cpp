#include "inspex/infer.hpp"

#include <fmt/format.h>

namespace inspex {
namespace {

struct Numbered {
    std::string prefix;
    long number = 0;
};

// "7.14" -> {"7.", 14}; a reference whose last part is not a number gives nullopt.
std::optional<Numbered> split_number(const std::string &ref) {
    std::size_t end = ref.size(), start = end;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(ref[start - 1])))
        --start;
    if (start == end || end - start > 9)
        return std::nullopt;
    return Numbered{ref.substr(0, start), std::stol(ref.substr(start))};
}

std::optional<Numbered> valid_number(const Slot &slot, const Regex &valid) {
    if (!slot.value || !valid.matches(*slot.value))
        return std::nullopt;
    return split_number(*slot.value);
}

bool agrees(const std::string &candidate, const std::optional<std::string> &partial) {
    if (!partial || partial->empty())
        return true;
    const std::string &p = *partial;
    bool suffix = candidate.size() >= p.size() &&
                  candidate.compare(candidate.size() - p.size(), p.size(), p) == 0;
    bool prefix = candidate.compare(0, p.size(), p) == 0;
    return suffix || prefix;
}

} // namespace

void infer_sequence(std::vector<Slot> &slots, const Regex &valid) {
    for (std::size_t i = 1; i + 1 < slots.size(); ++i) {
        if (slots[i].value && valid.matches(*slots[i].value))
            continue;
        auto before = valid_number(slots[i - 1], valid);
        auto after = valid_number(slots[i + 1], valid);
        if (!before || !after || before->prefix != after->prefix ||
            after->number != before->number + 2)
            continue;
        std::string candidate = fmt::format("{}{}", before->prefix, before->number + 1);
        if (!agrees(candidate, slots[i].value))
            continue;
        slots[i].value = candidate;
        slots[i].inferred = true;
    }
}

std::vector<Gap> sequence_gaps(const std::vector<Slot> &slots, const Regex &valid) {
    std::vector<Gap> gaps;
    for (std::size_t i = 1; i < slots.size(); ++i) {
        auto before = valid_number(slots[i - 1], valid);
        auto after = valid_number(slots[i], valid);
        if (!before || !after || before->prefix != after->prefix ||
            after->number <= before->number + 1)
            continue;
        Gap gap{i, {}};
        for (long n = before->number + 1; n < after->number && gap.missing.size() < 50; ++n)
            gap.missing.push_back(fmt::format("{}{}", before->prefix, n));
        gaps.push_back(std::move(gap));
    }
    return gaps;
}

void infer_from_counts(std::vector<Slot> &slots, const std::map<std::string, long> &stated) {
    std::map<std::string, long> remaining = stated;
    long unknown = 0;
    for (const Slot &s : slots) {
        if (!s.value) {
            ++unknown;
            continue;
        }
        auto it = remaining.find(*s.value);
        if (it == remaining.end())
            return; // a value the counts do not cover: nothing is certain
        --it->second;
    }
    if (unknown == 0)
        return;
    std::string only;
    long sum = 0;
    for (const auto &[value, left] : remaining) {
        if (left < 0)
            return;
        sum += left;
        if (left > 0) {
            if (!only.empty())
                return;
            only = value;
        }
    }
    if (only.empty() || sum != unknown)
        return;
    for (Slot &s : slots)
        if (!s.value) {
            s.value = only;
            s.inferred = true;
        }
}

} // namespace inspex
