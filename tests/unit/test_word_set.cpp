#include "inspex/word_set.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <iterator>

using namespace inspex;

namespace {

// The comparison as it was before word sets were kept: both texts' words
// made again for every pair.
double similarity_of_texts(std::string_view a, std::string_view b) {
    auto words = [](std::string_view text) {
        std::vector<std::string> out;
        std::string word;
        for (char c : text) {
            if (std::isalnum(static_cast<unsigned char>(c)) ||
                (static_cast<unsigned char>(c) & 0x80)) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!word.empty()) {
                out.push_back(std::move(word));
                word.clear();
            }
        }
        if (!word.empty())
            out.push_back(std::move(word));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    std::vector<std::string> wa = words(a), wb = words(b), common;
    std::set_intersection(wa.begin(), wa.end(), wb.begin(), wb.end(), std::back_inserter(common));
    std::size_t all = wa.size() + wb.size() - common.size();
    return all ? static_cast<double>(common.size()) / static_cast<double>(all) : 0.0;
}

} // namespace

TEST_CASE("word set: the same wording whatever the spacing, case and punctuation") {
    CHECK(similarity(WordSet("Improve  the safety"), WordSet("improve the Safety.")) == 1.0);
    CHECK(similarity(WordSet(""), WordSet("")) == 0.0);
    CHECK(similarity(WordSet("a b"), WordSet("c d")) == 0.0);
    CHECK(WordSet("B a b, A").words() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("word set: kept sets give the similarity that comparing the texts gave") {
    const std::vector<std::string> texts = {
        "",
        "   ",
        "Safer custody",
        "safer  custody.",
        "Leaders should ensure that all prisoners have a key worker",
        "Leaders should ensure that all prisoners have a key-worker session",
        "All prisoners should have a key worker session each week",
        "Prisoners’ complaints should be answered on time",
        "Prisoners' complaints should be answered on time and in full",
        "Äpfel und Birnen: Äpfel",
        "1.2 3.4 5",
        "a a a b b c",
        "\x1E"
        "item one\x1E"
        "item two",
    };
    for (const std::string &a : texts)
        for (const std::string &b : texts) {
            CAPTURE(a);
            CAPTURE(b);
            CHECK(similarity(WordSet(a), WordSet(b)) == similarity_of_texts(a, b));
        }
}
