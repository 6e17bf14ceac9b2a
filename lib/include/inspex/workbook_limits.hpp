// What a spreadsheet workbook accepts: sheet names Excel allows, the rows a
// sheet and the bytes a cell hold; for any writer of workbooks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace inspex {

inline constexpr std::size_t kSheetRows = 1048576; // header included
inline constexpr std::size_t kCellBytes = 32767;   // libxlsxwriter refuses a longer string
inline constexpr std::size_t kSheetNameChars = 31;

// The length of the longest prefix of `text` of at most `limit` bytes that
// ends on a UTF-8 character boundary.
[[nodiscard]] std::size_t utf8_prefix(const std::string &text, std::size_t limit);

// Sheet names made from anything (a record's `kind`): none of []:*?/\ or
// control characters (each becomes _), no ' at either end, at most 31
// characters, never empty or "History", unique whatever their ASCII case
// ("item", then "Item ~2").
class SheetNames {
  public:
    std::string add(const std::string &wanted);

  private:
    [[nodiscard]] bool taken(const std::string &name) const;
    std::vector<std::string> used_; // lower case
};

} // namespace inspex
