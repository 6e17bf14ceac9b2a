// Internal: the SQLite calls the archive writer makes, as a table a module
// fills (module.hpp), so that a run writing other formats never maps SQLite.
#pragma once

#include <sqlite3.h>

namespace inspex::backend {

// The library's own functions, by name; only its header's types cross.
struct SqliteBackend {
    decltype(&::sqlite3_open_v2) sqlite3_open_v2;
    decltype(&::sqlite3_close) sqlite3_close;
    decltype(&::sqlite3_errmsg) sqlite3_errmsg;
    decltype(&::sqlite3_exec) sqlite3_exec;
    decltype(&::sqlite3_free) sqlite3_free;
    decltype(&::sqlite3_prepare_v2) sqlite3_prepare_v2;
    decltype(&::sqlite3_finalize) sqlite3_finalize;
    decltype(&::sqlite3_bind_text) sqlite3_bind_text;
    decltype(&::sqlite3_bind_null) sqlite3_bind_null;
    decltype(&::sqlite3_bind_int64) sqlite3_bind_int64;
    decltype(&::sqlite3_step) sqlite3_step;
    decltype(&::sqlite3_reset) sqlite3_reset;
    decltype(&::sqlite3_clear_bindings) sqlite3_clear_bindings;
    decltype(&::sqlite3_column_text) sqlite3_column_text;
    decltype(&::sqlite3_column_int64) sqlite3_column_int64;
    decltype(&::sqlite3_last_insert_rowid) sqlite3_last_insert_rowid;
};

} // namespace inspex::backend

// The module's one exported symbol; the version in its name changes with SqliteBackend.
extern "C" const inspex::backend::SqliteBackend *inspex_sqlite_backend_v1();
