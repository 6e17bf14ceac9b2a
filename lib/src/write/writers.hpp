// What the writers of each format share (internal to lib): their makers,
// the tables' kinds and columns as the options choose them, and the
// grouping of a record stream into documents for writers that validate.
#pragma once

#include "inspex/flatten.hpp"
#include "inspex/validate.hpp"
#include "inspex/write.hpp"

#include <memory>
#include <string>
#include <vector>

namespace inspex::detail {

[[nodiscard]] std::unique_ptr<RecordWriter> make_json_writer(std::ostream &out,
                                                             WriteOptions options, bool lines);
[[nodiscard]] std::unique_ptr<RecordWriter>
make_delimited_writer(std::ostream &out, WriteOptions options, char separator);
[[nodiscard]] std::unique_ptr<RecordWriter> make_xlsx_writer(std::ostream &out,
                                                             WriteOptions options);
// Whether libxlsxwriter's module can be loaded (or is linked in).
[[nodiscard]] Result<bool> xlsx_available();

// The kinds a CSV or TSV table's rows are: those chosen, else every item kind.
[[nodiscard]] std::vector<std::string> table_kinds(const WriteOptions &options);

// The columns of these kinds' table, narrowed to --fields when given.
[[nodiscard]] std::vector<Column> table_columns(const WriteOptions &options,
                                                const std::vector<std::string> &kinds);

// A stream's records one document at a time: the document record (null
// when items came without one) and its items, handed over when the next
// document starts or the stream ends.
class DocumentGroups {
  public:
    struct Group {
        nlohmann::ordered_json document;
        std::vector<nlohmann::ordered_json> items;
    };
    // The group this record closed, if any.
    [[nodiscard]] std::optional<Group> add(const nlohmann::ordered_json &record);
    [[nodiscard]] std::optional<Group> end();

  private:
    std::optional<Group> current_;
};

// The findings of a document held against its grammar (by name, among
// `grammars`); none when `grammars` is null.
[[nodiscard]] std::vector<Finding> findings_of(const std::vector<Grammar> *grammars,
                                               const DocumentGroups::Group &group);

} // namespace inspex::detail
