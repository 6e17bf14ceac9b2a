// Internal: what the zip reader asks of libarchive, in plain std types, so
// that libarchive can live in a module loaded on first use (module.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace inspex::backend {

enum class ZipStep { entry, end, damaged };

// An archive is an opaque handle over bytes the caller keeps alive, closed by close.
struct ZipBackend {
    void *(*open)(std::string_view bytes, std::string *why); // nullptr: cannot, and why
    void (*close)(void *archive);
    ZipStep (*next)(void *archive, std::string *name);           // the next entry's header
    long (*read)(void *archive, char *buffer, std::size_t size); // 0 at its end, < 0 damaged
    void (*skip)(void *archive);                                 // past the current entry's data
    std::string (*error)(void *archive);                         // why it is damaged
};

} // namespace inspex::backend

// The module's one exported symbol; the version in its name changes with ZipBackend.
extern "C" const inspex::backend::ZipBackend *inspex_zip_backend_v1();
