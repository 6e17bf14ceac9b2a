#include "inspex/catalog.hpp"
#include "inspex/write.hpp"

#include "support.hpp"

#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

std::vector<json> sample_records(const std::string &sample) {
    std::istringstream in(test::read("samples/" + sample + ".expected.jsonl"));
    std::vector<json> out;
    for (std::string line; std::getline(in, line);)
        out.push_back(json::parse(line));
    return out;
}

const std::vector<Grammar> &installed() {
    static std::vector<Grammar> grammars = [] {
        auto g = Catalog().load_all();
        REQUIRE(g.ok());
        return std::move(g.value());
    }();
    return grammars;
}

// The bytes a writer has given its stream after each record, before finish().
std::vector<std::size_t> written_after_each(Format format, const std::vector<json> &records,
                                            WriteOptions o) {
    std::ostringstream out;
    auto w = make_writer(format, out, std::move(o));
    std::vector<std::size_t> sizes;
    for (const json &r : records) {
        w->write(r);
        sizes.push_back(out.str().size());
    }
    REQUIRE(w->finish().ok());
    return sizes;
}

bool is_item(const json &record) {
    return record["kind"] != "document";
}

} // namespace

TEST_CASE("streaming: JSON Lines and JSON give out each record as it is written") {
    std::vector<json> records = sample_records("action-plan-elmley-2022");
    for (Format f : {Format::jsonl, Format::json}) {
        std::vector<std::size_t> sizes = written_after_each(f, records, {});
        for (std::size_t i = 1; i < sizes.size(); ++i)
            CHECK(sizes[i] > sizes[i - 1]);
    }
}

TEST_CASE("streaming: CSV and TSV with a schema write each item's row before the next record") {
    std::vector<json> records = sample_records("action-plan-elmley-2022");
    for (Format f : {Format::csv, Format::tsv}) {
        WriteOptions o;
        o.schema = TableSchema::from_grammars(installed());
        std::vector<std::size_t> sizes = written_after_each(f, records, o);
        std::size_t before = 0;
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (is_item(records[i]))
                CHECK_MESSAGE(sizes[i] > before, "record " << i << " held back");
            before = sizes[i];
        }
    }
}

TEST_CASE("streaming: items still carry their document's fields after many documents") {
    // The writer keeps the last few documents, not all: each document's
    // items follow it, as extract and convert write them.
    std::vector<json> one = sample_records("action-plan-ashfield-2019"), records;
    for (int copy = 0; copy < 40; ++copy)
        for (json r : one) {
            r["doc"] = "d" + std::to_string(copy);
            records.push_back(std::move(r));
        }
    WriteOptions o;
    o.schema = TableSchema::from_grammars(installed());
    o.kinds = {"recommendation"};
    o.fields = {"doc", "establishment", "ref"};
    std::ostringstream out;
    auto w = make_writer(Format::csv, out, o);
    for (const json &r : records)
        w->write(r);
    REQUIRE(w->finish().ok());
    std::string csv = out.str();
    CHECK(csv.find("d0,HMP Ashfield,5.1\r\n") != std::string::npos);
    CHECK(csv.find("d39,HMP Ashfield,5.1\r\n") != std::string::npos);
    CHECK(csv.find(",,") == std::string::npos);
}
