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
        for (int s : {SIGINT, SIGTERM, SIGHUP})
            std::signal(s, on_signal);
    });
}

Result<std::unique_ptr<OutputFile>> OutputFile::open(const std::string &path) {
    std::unique_ptr<OutputFile> out(new OutputFile(path));
    out->name_ = path.empty() ? "standard output" : path;
    if (path.empty())
        return out;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::is_directory(status))
        return Error("cannot write: is a folder", path);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        out->file_.open(path, std::ios::binary); // a device or a pipe: written in place
        if (!out->file_)
            return Error("cannot write: " + reason(errno), path);
        return out;
    }
    fs::path target(path);
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".inspex-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        return Error("cannot write: " + reason(errno), path);
    ::fchmod(fd, mode_for(path));
    ::close(fd);
    out->temporary_ = pattern;
    track_temporary(pattern);
    out->file_.open(pattern, std::ios::binary | std::ios::trunc);
    if (!out->file_)
        return Error("cannot write: " + reason(errno), path);
    return out;
}

OutputFile::~OutputFile() {
    if (!temporary_.empty() && !committed_) {
        file_.close();
        ::unlink(temporary_.c_str());
        forget_temporary(temporary_);
    }
}

std::ostream &OutputFile::stream() {
    return path_.empty() ? std::cout : file_;
}

Result<bool> OutputFile::commit() {
    std::ostream &out = stream();
    errno = 0;
    out.flush();
    int error = errno;
    if (!out)
        return Error("cannot write: " + reason(error), name_);
    if (path_.empty())
        return true;
    errno = 0;
    file_.close();
    if (file_.fail())
        return Error("cannot write: " + reason(errno), name_);
    if (temporary_.empty())
        return true;
    if (int fd = ::open(temporary_.c_str(), O_RDONLY); fd >= 0) {
        int synced = ::fsync(fd);
        error = errno;
        ::close(fd);
        if (synced != 0)
            return Error("cannot write: " + reason(error), name_);
    }
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0)
        return Error("cannot write: " + reason(errno), name_);
    committed_ = true;
    forget_temporary(temporary_);
    return true;
}

bool names_an_input(const std::string &output, const std::vector<std::string> &inputs) {
    for (const std::string &input : inputs) {
        std::error_code ec;
        if (input != "-" && fs::equivalent(output, input, ec) && !ec)
            return true;
    }
    return false;
}

} // namespace inspex
