#include "inspex/output_file.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace inspex {
namespace fs = std::filesystem;
namespace {

// Temporary files to remove on a signal: fixed slots a handler can read
// without allocating or locking.
struct Slot {
    std::atomic<bool> used{false};
    std::array<char, 4096> path{};
};
std::array<Slot, 16> g_slots;
std::mutex g_slots_mutex; // between threads registering; the handler only reads

extern "C" void on_signal(int signal) {
    for (Slot &slot : g_slots)
        if (slot.used.load())
            ::unlink(slot.path.data());
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

std::string reason(int error) {
    return error ? std::strerror(error) : "write failed";
}

// The mode a new file gets from the umask, or the one the target has.
mode_t mode_for(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

} // namespace

void track_temporary(const std::string &path) {
    std::lock_guard lock(g_slots_mutex);
    if (path.size() >= g_slots[0].path.size())
        return;
    for (Slot &slot : g_slots)
        if (!slot.used.load()) {
            std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
            slot.used.store(true);
            return;
        }
}

void forget_temporary(const std::string &path) {
    std::lock_guard lock(g_slots_mutex);
    for (Slot &slot : g_slots)
        if (slot.used.load() && path == slot.path.data())
            slot.used.store(false);
}

void remove_temporaries_on_signal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // A signal ignored when the process started (SIGINT for a background
        // job) stays ignored.
        for (int s : {SIGINT, SIGTERM, SIGHUP})
            if (std::signal(s, on_signal) == SIG_IGN)
                std::signal(s, SIG_IGN);
    });
}

bool OutputFile::Buffer::drain() {
    for (char *at = pbase(); at < pptr();) {
        ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error_ = n < 0 ? errno : EIO;
            return false;
        }
        at += n;
    }
    setp(data_, data_ + sizeof data_);
    return true;
}

OutputFile::Buffer::int_type OutputFile::Buffer::overflow(int_type c) {
    if (error_ || !drain())
        return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof()))
        sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
}

int OutputFile::Buffer::sync() {
    return !error_ && drain() ? 0 : -1;
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const std::string &path) {
    std::unique_ptr<OutputFile> out(new OutputFile(path));
    out->name_ = path.empty() ? "standard output" : path;
    std::error_code ec;
    auto status = fs::status(path.empty() ? "." : path, ec);
    if (path.empty()) {
        std::cout.flush();
        out->fd_ = STDOUT_FILENO;
    } else if (fs::is_directory(status)) {
        return Error("cannot write: is a folder", path);
    } else if (fs::exists(status) && !fs::is_regular_file(status)) {
        out->fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC); // a device or a pipe: in place
        if (out->fd_ < 0)
            return Error("cannot write: " + reason(errno), path);
    } else {
        // A link is written through: its target is replaced, the link kept.
        fs::path target(path);
        if (fs::is_symlink(fs::symlink_status(path, ec)))
            if (auto resolved = fs::canonical(path, ec); !ec)
                target = resolved;
        out->path_ = target.string();
        std::string pattern =
            (target.parent_path() / ("." + target.filename().string() + ".inspex-XXXXXX")).string();
        // No signal between the file's creation and its tracking: none is left behind.
        sigset_t signals, previous;
        sigemptyset(&signals);
        for (int sig : {SIGINT, SIGTERM, SIGHUP})
            sigaddset(&signals, sig);
        pthread_sigmask(SIG_BLOCK, &signals, &previous);
        out->fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
        int error = errno;
        if (out->fd_ >= 0) {
            out->temporary_ = pattern;
            track_temporary(pattern);
        }
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        if (out->fd_ < 0)
            return Error("cannot write: " + reason(error), path);
        ::fchmod(out->fd_, mode_for(out->path_));
    }
    out->buffer_ = std::make_unique<Buffer>(out->fd_);
    out->stream_ = std::make_unique<std::ostream>(out->buffer_.get());
    return out;
}

OutputFile::~OutputFile() {
    if (fd_ >= 0 && fd_ != STDOUT_FILENO)
        ::close(fd_);
    if (!temporary_.empty() && !committed_) {
        ::unlink(temporary_.c_str());
        forget_temporary(temporary_);
    }
}

std::ostream &OutputFile::stream() {
    return *stream_;
}

Result<bool> OutputFile::fail(int error) const {
    return Error("cannot write: " + reason(error), name_);
}

Result<bool> OutputFile::commit() {
    stream_->flush();
    if (buffer_->error() || !*stream_)
        return fail(buffer_->error());
    if (fd_ == STDOUT_FILENO)
        return true;
    if (!temporary_.empty() && ::fsync(fd_) != 0)
        return fail(errno);
    int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0)
        return fail(errno);
    if (temporary_.empty())
        return true;
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0)
        return fail(errno);
    committed_ = true;
    forget_temporary(temporary_);
    return true;
}

bool names_an_input(const std::string &output, const std::vector<std::string> &inputs) {
    for (const std::string &input : inputs) {
        std::error_code ec;
        // Standard input redirected from the output file counts too.
        if (fs::equivalent(output, input == "-" ? "/dev/stdin" : input, ec) && !ec)
            return true;
    }
    return false;
}

} // namespace inspex
