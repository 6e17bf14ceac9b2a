#include "inspex/error.hpp"

#include <fmt/format.h>

namespace inspex {

std::string Error::describe() const {
    if (file.empty())
        return message;
    if (line > 0)
        return fmt::format("{}:{}: {}", file, line, message);
    if (has_offset)
        return fmt::format("{}: byte {}: {}", file, offset, message);
    return fmt::format("{}: {}", file, message);
}

} // namespace inspex
