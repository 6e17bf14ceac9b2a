// The same records whatever encoding and line endings a sample arrives in:
// each golden sample is re-encoded here and extracted again.
#include "inspex/catalog.hpp"
#include "inspex/extract.hpp"

#include "support.hpp"

#include <iconv.h>
#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

std::string crlf(const std::string &text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

std::string convert(const std::string &text, const char *to) {
    iconv_t cd = iconv_open(to, "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(text.size() * 4 + 4, '\0');
    char *in = const_cast<char *>(text.data());
    char *dst = out.data();
    std::size_t in_left = text.size(), out_left = out.size();
    std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    iconv_close(cd);
    REQUIRE(rc != static_cast<std::size_t>(-1));
    out.resize(out.size() - out_left);
    return out;
}

std::vector<json> expected(const std::string &name) {
    std::istringstream in(test::read("samples/" + name + ".expected.jsonl"));
    std::vector<json> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(json::parse(line));
    return out;
}

void check_variant(const Grammar &g, const std::string &name, const std::string &variant,
                   const std::string &bytes) {
    CAPTURE(name);
    CAPTURE(variant);
    auto result = extract(g, {"samples/" + name + ".txt", name, bytes});
    REQUIRE(result.ok());
    auto want = expected(name);
    REQUIRE(result->records.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        CHECK(result->records[i].dump() == want[i].dump());
}

} // namespace

TEST_CASE("encodings: every sample gives the same records in every encoding") {
    auto g = Catalog().load("action-plan");
    REQUIRE(g.ok());
    for (const char *name :
         {"action-plan-elmley-2022", "action-plan-stafford-2020", "action-plan-ashfield-2019"}) {
        std::string utf8 = test::read(std::string("samples/") + name + ".txt");
        check_variant(g.value(), name, "utf-8", utf8);
        check_variant(g.value(), name, "crlf", crlf(utf8));
        check_variant(g.value(), name, "utf-8 bom", "\xEF\xBB\xBF" + utf8);
        check_variant(g.value(), name, "utf-16le", "\xFF\xFE" + convert(crlf(utf8), "UTF-16LE"));
        check_variant(g.value(), name, "utf-16be", "\xFE\xFF" + convert(utf8, "UTF-16BE"));
        check_variant(g.value(), name, "windows-1252", convert(crlf(utf8), "WINDOWS-1252"));
    }
}
