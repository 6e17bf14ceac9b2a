// Internal: the heavy readers' backends (poppler, libarchive) as modules
// loaded on first use, so that a run over text files never maps them.
#pragma once

#include "inspex/error.hpp"

#include <string>

namespace inspex::detail {

// The table the module `name` (a shared object, "inspex-pdf.so") exports as
// `symbol`, loaded once and kept for the life of the process. Looked for in
// $INSPEX_MODULE_DIR alone when it is set; else beside the running program
// (bin/../lib/inspex), in the build tree, then in the installed libdir.
// `purpose` begins the error ("cannot read PDF": "cannot read PDF: module
// inspex-pdf.so not found in ...").
Result<const void *> load_module(const std::string &name, const char *symbol,
                                 const std::string &purpose);

// The backend table T from load_module, found once per process (thread-safe).
template <typename T>
Result<const T *> backend(const char *name, const char *symbol, const char *purpose) {
    static const Result<const void *> loaded = load_module(name, symbol, purpose);
    if (!loaded)
        return loaded.error();
    return static_cast<const T *>(loaded.value());
}

} // namespace inspex::detail
