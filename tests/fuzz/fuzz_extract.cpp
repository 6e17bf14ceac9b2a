// Fuzz target: any bytes, read with every installed grammar, must give
// records or an error value, never a crash or a hang. Built with libFuzzer
// (clang -fsanitize=fuzzer) or, in every ctest run, with replay.cpp's main,
// which feeds it the samples and the regression inputs.
#include "inspex/catalog.hpp"
#include "inspex/extract.hpp"
#include "inspex/validate.hpp"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const std::vector<inspex::Grammar> grammars = [] {
        auto all = inspex::Catalog().load_all();
        if (!all)
            std::abort();
        return std::move(all.value());
    }();
    std::string bytes(reinterpret_cast<const char *>(data), size);
    for (const inspex::Grammar &g : grammars) {
        auto result = inspex::extract(g, {"fuzz.txt", "fuzz", bytes});
        if (!result)
            continue;
        std::vector<nlohmann::ordered_json> items(result->records.begin() + 1,
                                                  result->records.end());
        (void)inspex::Validator(&g).check(result->records.front(), items);
        for (const auto &r : result->records)
            (void)r.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
    return 0;
}
