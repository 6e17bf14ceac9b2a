// The SQLite backend (sqlite_backend.hpp): libsqlite3's functions, built as
// the module inspex-sqlite, or into the library with INSPEX_STATIC_BACKENDS.
#include "sqlite_backend.hpp"

namespace inspex::backend {
namespace {

constexpr SqliteBackend kSqlite{
    ::sqlite3_open_v2,        ::sqlite3_close,
    ::sqlite3_errmsg,         ::sqlite3_exec,
    ::sqlite3_free,           ::sqlite3_prepare_v2,
    ::sqlite3_finalize,       ::sqlite3_bind_text,
    ::sqlite3_bind_null,      ::sqlite3_bind_int64,
    ::sqlite3_step,           ::sqlite3_reset,
    ::sqlite3_clear_bindings, ::sqlite3_column_text,
    ::sqlite3_column_int64,   ::sqlite3_last_insert_rowid,
};

} // namespace
} // namespace inspex::backend

extern "C" __attribute__((visibility("default"))) const inspex::backend::SqliteBackend *
inspex_sqlite_backend_v1() {
    return &inspex::backend::kSqlite;
}
