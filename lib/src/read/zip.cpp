#include "inspex/read/zip.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <memory>

namespace inspex {
namespace {

using Archive = std::unique_ptr<archive, decltype(&archive_read_free)>;

Error damaged(const std::string &file, const std::string &kind, archive *a) {
    const char *why = archive_error_string(a);
    return Error(fmt::format("damaged {} (zip): {}", kind, why ? why : "unreadable"), file);
}

// Reads the current entry in chunks, stopping at the limits whatever its header claims.
Result<std::string> read_data(archive *a, const std::string &entry, const std::string &file,
                              const std::string &kind, std::size_t compressed,
                              const ReadLimits &limits) {
    std::string out;
    char chunk[65536];
    for (;;) {
        la_ssize_t n = archive_read_data(a, chunk, sizeof chunk);
        if (n < 0)
            return damaged(file, kind, a);
        if (n == 0)
            return out;
        out.append(chunk, static_cast<std::size_t>(n));
        double ratio =
            static_cast<double>(out.size()) / static_cast<double>(compressed ? compressed : 1);
        if (out.size() > limits.max_uncompressed_bytes ||
            (out.size() > (std::size_t{1} << 20) && ratio > limits.max_compression_ratio))
            return Error(fmt::format("zip entry {} expands beyond the limit ({} bytes from {}, "
                                     "a ratio over {:.0f}:1): not read",
                                     entry, out.size(), compressed, limits.max_compression_ratio),
                         file);
    }
}

} // namespace

Result<std::string> read_zip_entry(std::string_view bytes, const std::string &entry,
                                   const std::string &file, const std::string &kind,
                                   const ReadLimits &limits) {
    Archive a(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(a.get());
    if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
        return damaged(file, kind, a.get());
    archive_entry *e = nullptr;
    for (std::size_t count = 0;; ++count) {
        int status = archive_read_next_header(a.get(), &e);
        if (status == ARCHIVE_EOF)
            return Error(fmt::format("not a {}: no {} in the archive", kind, entry), file);
        if (status < ARCHIVE_WARN)
            return damaged(file, kind, a.get());
        if (count >= limits.max_zip_entries)
            return Error(fmt::format("{} has more than {} zip entries: not read", kind,
                                     limits.max_zip_entries),
                         file);
        const char *name = archive_entry_pathname(e);
        if (name && entry == name)
            return read_data(a.get(), entry, file, kind, bytes.size(), limits);
        archive_read_data_skip(a.get());
    }
}

} // namespace inspex
