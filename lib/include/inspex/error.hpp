// Errors as values across the library boundary: what went wrong and where.
// Every fallible public call returns Result<T>; nothing throws across the API.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace inspex {

struct Error {
    Error(std::string message, std::string file = {}, std::size_t line = 0)
        : message(std::move(message)), file(std::move(file)), line(line) {}
    // An error at a byte offset of an input (undecodable bytes).
    static Error at_offset(std::string message, std::string file, std::size_t offset) {
        Error e(std::move(message), std::move(file));
        e.offset = offset;
        e.has_offset = true;
        return e;
    }

    std::string message;
    std::string file;       // input or grammar file, empty when not known
    std::size_t line = 0;   // 1-based, 0 when not known
    std::size_t offset = 0; // byte offset, meaningful when has_offset
    bool has_offset = false;

    // "file:line: message", "file: byte N: message" or just the message.
    [[nodiscard]] std::string describe() const;
};

template <typename T> class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    [[nodiscard]] bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(state_); }
    const T &value() const { return std::get<0>(state_); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    [[nodiscard]] const Error &error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

} // namespace inspex
