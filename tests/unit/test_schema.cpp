#include "inspex/catalog.hpp"
#include "inspex/flatten.hpp"
#include "inspex/names.hpp"
#include "inspex/schema.hpp"
#include "inspex/write.hpp"

#include "support.hpp"

#include <algorithm>
#include <sstream>

using namespace inspex;
using json = nlohmann::ordered_json;

namespace {

std::vector<Grammar> installed() {
    auto g = Catalog().load_all();
    REQUIRE(g.ok());
    return std::move(g.value());
}

std::vector<std::string> names(const std::vector<Column> &columns) {
    std::vector<std::string> out;
    for (const Column &c : columns)
        out.push_back(c.name);
    return out;
}

const Column &column(const std::vector<Column> &columns, const std::string &name) {
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column &c) { return c.name == name; });
    REQUIRE(it != columns.end());
    return *it;
}

std::string csv(const std::vector<json> &records, WriteOptions o) {
    std::ostringstream out;
    auto w = make_writer(Format::csv, out, std::move(o));
    for (const json &r : records)
        w->write(r);
    REQUIRE(w->finish().ok());
    return out.str();
}

const json kDocument = json::parse(
    R"({"kind":"document","doc":"p","grammar":"action-plan","establishment":"HMP X",
        "submitted":{"text":"1 May 2022","date":"2022-05-01","state":null}})");
const json kItem = json::parse(
    R"({"kind":"recommendation","doc":"p","ref":"7.10","status":"agreed",
        "target_dates":[{"text":"May 2022","date":"2022-05","state":null},
                        {"text":"Completed","date":null,"state":"completed"}],
        "surprise":1})");

} // namespace

TEST_CASE("schema: natural keys sort references as people do, as text and as numbers") {
    CHECK(natural_key("7.10") == "0007.0010");
    CHECK(natural_key("7.2") < natural_key("7.10"));
    CHECK(std::stod(natural_key("7.2")) < std::stod(natural_key("7.10")));
    CHECK(std::stod(natural_key("7.1")) != std::stod(natural_key("7.10")));
    CHECK(natural_key("S45") == "S0045");
    CHECK(natural_key("1.iv") == "0001.0004");
    CHECK(natural_key("1.ix") > natural_key("1.v"));
    CHECK(natural_key("12.iv") > natural_key("2.x"));
}

TEST_CASE("schema: a kind's columns follow its grammar's field order and types") {
    TableSchema s = TableSchema::from_grammars(installed());
    auto kinds = s.kinds();
    CHECK(std::find(kinds.begin(), kinds.end(), "recommendation") != kinds.end());
    CHECK(kinds.back() == "document");
    auto cols = s.columns_of({"recommendation"});
    auto n = names(cols);
    CHECK(n.front() == "kind");
    CHECK(std::find(n.begin(), n.end(), "establishment") < std::find(n.begin(), n.end(), "ref"));
    CHECK(*(std::find(n.begin(), n.end(), "ref") + 1) == "ref_key");
    CHECK(column(cols, "ref").type == ColumnType::text);
    CHECK(column(cols, "target_dates_date").type == ColumnType::text); // a list, not one date
    CHECK(column(cols, "response").role == ColumnRole::prose);
    CHECK(column(cols, "status").role == ColumnRole::category);
    CHECK(n.back() == "extra");
    auto judgement = s.columns_of({"judgement"});
    CHECK(column(judgement, "theme").type == ColumnType::integer);
    CHECK(column(judgement, "paragraphs_first").type == ColumnType::text);
    auto action = s.columns_of({"action"});
    CHECK(column(action, "due_date").type == ColumnType::date);
    auto documents = s.columns_of({"document"});
    CHECK(column(documents, "stated_agreed").type == ColumnType::integer);
    CHECK(column(documents, "inspection_start").type == ColumnType::date);
}

TEST_CASE("schema: an exploded list of dates gives one date per row") {
    TableSchema s = TableSchema::from_grammars(installed(), {true, {"target_dates"}});
    CHECK(column(s.columns_of({"recommendation"}), "target_dates_date").type == ColumnType::date);
}

TEST_CASE("names: a misspelling is offered its nearest name") {
    CHECK(closest_name("stauts", {"status", "ref"}) == std::optional<std::string>("status"));
    CHECK_FALSE(closest_name("zzzzzz", {"status", "ref"}));
    auto r = check_names({"ref", "stauts"}, {"status", "ref"}, "column");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "unknown column \"stauts\"; did you mean \"status\"?");
}

TEST_CASE("tables: the header is fixed by the schema and written without rows") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g);
    o.kinds = {"recommendation"};
    std::string empty = csv({}, o);
    std::string header = empty.substr(0, empty.find("\r\n"));
    CHECK(header.rfind("kind,doc,establishment,", 0) == 0);
    CHECK(empty == header + "\r\n");
    std::string full = csv({kDocument, kItem}, o);
    CHECK(full.substr(0, full.find("\r\n")) == header);
}

TEST_CASE("tables: rows carry their document's fields, the natural key and what is left over") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g);
    o.kinds = {"recommendation"};
    o.fields = {"doc", "establishment", "submitted_date", "ref", "ref_key", "extra"};
    CHECK(csv({kDocument, kItem}, o) ==
          "doc,establishment,submitted_date,ref,ref_key,extra\r\n"
          "p,HMP X,2022-05-01,7.10,0007.0010,\"{\"\"surprise\"\":1}\"\r\n");
    o.schema = TableSchema::from_grammars(g, {false, {}});
    o.fields = {"ref", "establishment"};
    CHECK(csv({kDocument, kItem}, o) == "ref,establishment\r\n7.10,\r\n");
}

TEST_CASE("tables: items sorted away from their document still carry its fields") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g);
    o.kinds = {"recommendation"};
    o.fields = {"doc", "establishment"};
    // As `sort` would leave them: every document first, then the items.
    std::vector<json> records{kDocument};
    for (int k = 0; k < 40; ++k) {
        json other = kDocument;
        other["doc"] = "other" + std::to_string(k);
        records.push_back(other);
    }
    records.push_back(kItem);
    CHECK(csv(records, o) == "doc,establishment\r\np,HMP X\r\n");
}

TEST_CASE("tables: records in document order hold the latest document only") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g, {true, {}, true});
    o.kinds = {"recommendation"};
    o.fields = {"doc", "establishment"};
    // As extraction writes them, each document's items after it: joined.
    json other = kDocument;
    other["doc"] = "q";
    other["establishment"] = "HMP Y";
    json other_item = kItem;
    other_item["doc"] = "q";
    CHECK(csv({kDocument, kItem, other, other_item}, o) ==
          "doc,establishment\r\np,HMP X\r\nq,HMP Y\r\n");
    // An item after another document's record finds its own no longer held
    // (so that a batch of thousands holds one document's fields, not all).
    CHECK(csv({kDocument, other, kItem}, o) == "doc,establishment\r\np,\r\n");
}

TEST_CASE("tables: --explode gives a row per target date") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g, {true, {"target_dates"}});
    o.fields = {"ref", "target_dates", "target_dates_date", "target_dates_state"};
    CHECK(csv({kDocument, kItem}, o) == "ref,target_dates,target_dates_date,target_dates_state\r\n"
                                        "7.10,May 2022,2022-05,\r\n"
                                        "7.10,Completed,,completed\r\n");
}

TEST_CASE("tables: a table of documents") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g);
    o.kinds = {"document"};
    o.fields = {"doc", "grammar", "establishment", "submitted_date"};
    CHECK(csv({kDocument, kItem}, o) ==
          "doc,grammar,establishment,submitted_date\r\np,action-plan,HMP X,2022-05-01\r\n");
}

TEST_CASE("tables: a stream of a kind no grammar declares takes its columns from the data") {
    auto g = installed();
    WriteOptions o;
    o.schema = TableSchema::from_grammars(g);
    json link = json::parse(R"({"kind":"link","establishment":"HMP X","match":{"by":"ref"}})");
    CHECK(csv({link}, o) == "kind,establishment,match_by\r\nlink,HMP X,ref\r\n");
    std::string mixed = csv({kDocument, kItem, link}, o);
    CHECK(mixed.rfind("kind,doc,establishment,", 0) == 0); // known kinds keep the fixed columns
    CHECK(mixed.find("\"\"match\"\":{\"\"by\"\":\"\"ref\"\"}") != std::string::npos);
}
