// An output file written safely: every write checked, a regular file written
// beside its target under a temporary name and renamed over it on success.
//
//   auto out = OutputFile::open("records.xlsx");    // or "" for standard output
//   out.value()->stream() << bytes;
//   if (auto done = out.value()->commit(); !done) report(done.error()); // names the file
#pragma once

#include "inspex/error.hpp"

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace inspex {

// A failed write or close is an error naming the file. A regular file (or a
// new one) is written to a temporary file in the same folder, flushed to disk
// and renamed over the target only by commit(): an error, an exception or an
// interrupt (SIGINT, SIGTERM, SIGHUP, see remove_temporaries_on_signal) leaves
// the previous content intact and no temporary behind. Anything else (a
// device such as /dev/null, a pipe) is written in place; "" is standard output.
class OutputFile {
  public:
    static Result<std::unique_ptr<OutputFile>> open(const std::string &path);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    [[nodiscard]] std::ostream &stream();
    // Flushes, checks and closes, then moves the file into place.
    Result<bool> commit();
    // The name diagnostics give it: the path, or "standard output".
    [[nodiscard]] const std::string &name() const { return name_; }

  private:
    // Writes to a file descriptor, keeping the reason of the first failure.
    class Buffer : public std::streambuf {
      public:
        explicit Buffer(int fd) : fd_(fd) { setp(data_, data_ + sizeof data_); }
        int error() const { return error_; }

      protected:
        int_type overflow(int_type c) override;
        int sync() override;

      private:
        bool drain();
        int fd_;
        int error_ = 0;
        char data_[1 << 16];
    };

    explicit OutputFile(std::string path) : path_(std::move(path)) {}
    Result<bool> fail(int error) const;
    std::string path_, name_, temporary_;
    int fd_ = -1;
    std::unique_ptr<Buffer> buffer_;
    std::unique_ptr<std::ostream> stream_;
    bool committed_ = false;
};

// Installs, once, handlers for SIGINT, SIGTERM and SIGHUP that remove the
// temporary files of outputs not yet committed, then end the process as the
// signal would have.
void remove_temporaries_on_signal();

// A temporary file of the library's own (the XLSX writer's workbook) removed
// on those signals too; forget it once it is gone.
void track_temporary(const std::string &path);
void forget_temporary(const std::string &path);

// Whether `output` names the same file as one of `inputs` (through links,
// "./", hard links; "-" is standard input, which may be redirected from it):
// writing it would destroy an input.
[[nodiscard]] bool names_an_input(const std::string &output,
                                  const std::vector<std::string> &inputs);

} // namespace inspex
