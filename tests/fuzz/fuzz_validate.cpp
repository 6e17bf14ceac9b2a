// Fuzz target: any bytes read as JSON Lines records (records.hpp), each
// document validated with the grammar it names: findings or errors, never a
// crash, whatever the records' shape. Grammars are loaded once per process.
#include "inspex/catalog.hpp"
#include "inspex/records.hpp"
#include "inspex/validate.hpp"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>

namespace {

const std::map<std::string, inspex::Grammar> &grammars() {
    static const std::map<std::string, inspex::Grammar> loaded = [] {
        auto all = inspex::Catalog().load_all();
        if (!all)
            std::abort();
        std::map<std::string, inspex::Grammar> out;
        for (auto &g : all.value())
            out.emplace(g.name, std::move(g));
        return out;
    }();
    return loaded;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    (void)grammars();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char *>(data), size));
    auto ignore = [](const inspex::Error &e) { (void)e.describe(); };
    inspex::read_documents(
        in, "fuzz.jsonl",
        [](const inspex::DocumentRecords &d) {
            const auto &grammar = d.document.is_object() && d.document.contains("grammar")
                                      ? d.document["grammar"]
                                      : nlohmann::ordered_json();
            auto g = grammar.is_string() ? grammars().find(grammar.get<std::string>())
                                         : grammars().end();
            for (const auto &f : inspex::Validator(g == grammars().end() ? nullptr : &g->second)
                                     .check(d.document, d.items))
                (void)f.describe(),
                    (void)f.to_json().dump(-1, ' ', false,
                                           nlohmann::ordered_json::error_handler_t::replace);
        },
        ignore, ignore);
    return 0;
}
