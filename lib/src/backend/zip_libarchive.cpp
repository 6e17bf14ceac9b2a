// The zip backend over libarchive (zip_backend.hpp): built as the module
// inspex-zip, or into the library with INSPEX_STATIC_BACKENDS.
#include "zip_backend.hpp"

#include <archive.h>
#include <archive_entry.h>

namespace inspex::backend {
namespace {

archive *as_archive(void *a) {
    return static_cast<archive *>(a);
}

std::string error(void *a) {
    const char *why = archive_error_string(as_archive(a));
    return why ? why : "unreadable";
}

void close(void *a) {
    archive_read_free(as_archive(a));
}

void *open(std::string_view bytes, std::string *why) {
    archive *a = archive_read_new();
    if (!a) {
        *why = "out of memory";
        return nullptr;
    }
    archive_read_support_format_zip(a);
    if (archive_read_open_memory(a, bytes.data(), bytes.size()) == ARCHIVE_OK)
        return a;
    *why = error(a);
    close(a);
    return nullptr;
}

ZipStep next(void *a, std::string *name) {
    archive_entry *e = nullptr;
    int status = archive_read_next_header(as_archive(a), &e);
    if (status == ARCHIVE_EOF)
        return ZipStep::end;
    if (status < ARCHIVE_WARN)
        return ZipStep::damaged;
    const char *path = archive_entry_pathname(e);
    *name = path ? path : "";
    return ZipStep::entry;
}

long read(void *a, char *buffer, std::size_t size) {
    return archive_read_data(as_archive(a), buffer, size);
}

void skip(void *a) {
    archive_read_data_skip(as_archive(a));
}

constexpr ZipBackend kLibarchive{open, close, next, read, skip, error};

} // namespace
} // namespace inspex::backend

extern "C" __attribute__((visibility("default"))) const inspex::backend::ZipBackend *
inspex_zip_backend_v1() {
    return &inspex::backend::kLibarchive;
}
