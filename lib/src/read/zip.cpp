#include "inspex/read/zip.hpp"

#include "../backend/zip_backend.hpp"

#include <fmt/format.h>
#include <memory>

#ifndef INSPEX_STATIC_BACKENDS
#include "../backend/module.hpp"
#endif

namespace inspex {
namespace {

using backend::ZipBackend;
using Archive = std::unique_ptr<void, void (*)(void *)>;

// Libarchive in its module, or linked in (INSPEX_STATIC_BACKENDS).
Result<const ZipBackend *> libarchive() {
#ifdef INSPEX_STATIC_BACKENDS
    return inspex_zip_backend_v1();
#else
    return detail::backend<ZipBackend>("inspex-zip", "inspex_zip_backend_v1",
                                       "cannot read zip archives");
#endif
}

Error damaged(const std::string &file, const std::string &kind, const std::string &why) {
    return Error(fmt::format("damaged {} (zip): {}", kind, why), file);
}

// Reads the current entry in chunks, stopping at the limits whatever its header claims.
Result<std::string> read_data(const ZipBackend &zip, void *a, const std::string &entry,
                              const std::string &file, const std::string &kind,
                              std::size_t compressed, const ReadLimits &limits) {
    std::string out;
    char chunk[65536];
    for (;;) {
        long n = zip.read(a, chunk, sizeof chunk);
        if (n < 0)
            return damaged(file, kind, zip.error(a));
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
    auto loaded = libarchive();
    if (!loaded)
        return Error(loaded.error().message, file);
    const ZipBackend &zip = *loaded.value();
    std::string why;
    Archive a(zip.open(bytes, &why), zip.close);
    if (!a)
        return damaged(file, kind, why);
    std::string name;
    for (std::size_t count = 0;; ++count) {
        backend::ZipStep step = zip.next(a.get(), &name);
        if (step == backend::ZipStep::end)
            return Error(fmt::format("not a {}: no {} in the archive", kind, entry), file);
        if (step == backend::ZipStep::damaged)
            return damaged(file, kind, zip.error(a.get()));
        if (count >= limits.max_zip_entries)
            return Error(fmt::format("{} has more than {} zip entries: not read", kind,
                                     limits.max_zip_entries),
                         file);
        if (entry == name)
            return read_data(zip, a.get(), entry, file, kind, bytes.size(), limits);
        zip.skip(a.get());
    }
}

} // namespace inspex
