// A SQLite archive that later runs append to: a documents table (keyed by
// doc id, with a hash of the document's records), a table per record kind
// with its schema's typed columns and the record as JSON, the validation
// findings, an FTS5 table per kind over its prose, and indexes on the
// category and date columns. A document already there with the same hash is
// skipped; with another hash its rows are replaced. One transaction a run.
#include "writers.hpp"

#include "../backend/sqlite_backend.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#ifndef INSPEX_STATIC_BACKENDS
#include "../backend/module.hpp"
#endif

namespace inspex::detail {
namespace {

using json = nlohmann::ordered_json;

// SQLite in its module, or linked in (INSPEX_STATIC_BACKENDS).
Result<const backend::SqliteBackend *> libsqlite3() {
#ifdef INSPEX_STATIC_BACKENDS
    return inspex_sqlite_backend_v1();
#else
    return detail::backend<backend::SqliteBackend>("inspex-sqlite", "inspex_sqlite_backend_v1",
                                                   "cannot write a SQLite archive");
#endif
}

// SQLite's functions, once open_archive has loaded them.
const backend::SqliteBackend &sqlite() {
    return *libsqlite3().value();
}

std::string ident(const std::string &name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

const char *sql_type(ColumnType t) {
    switch (t) {
    case ColumnType::integer:
        return "INTEGER";
    case ColumnType::date:
    case ColumnType::text:
        break;
    }
    return "TEXT"; // dates as ISO 8601 text, which sorts and compares
}

// FNV-1a, 64 bits: tells a document's records apart from an earlier run's.
std::string hash_of(const DocumentGroups::Group &g) {
    std::uint64_t h = 1469598103934665603ULL;
    auto add = [&](const json &j) {
        for (unsigned char c : j.dump(-1, ' ', false, json::error_handler_t::replace))
            h = (h ^ c) * 1099511628211ULL;
    };
    add(g.document);
    for (const json &item : g.items)
        add(item);
    return fmt::format("{:016x}", h);
}

class Statement {
  public:
    Statement(sqlite3 *db, const std::string &sql) {
        if (sqlite().sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            stmt_ = nullptr;
    }
    ~Statement() { sqlite().sqlite3_finalize(stmt_); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    [[nodiscard]] bool ok() const { return stmt_ != nullptr; }
    void bind(int i, const std::string &text) {
        sqlite().sqlite3_bind_text(stmt_, i, text.c_str(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT);
    }
    void bind_null(int i) { sqlite().sqlite3_bind_null(stmt_, i); }
    void bind_int(int i, long long v) { sqlite().sqlite3_bind_int64(stmt_, i, v); }
    int step() { return sqlite().sqlite3_step(stmt_); }
    void reset() { sqlite().sqlite3_reset(stmt_), sqlite().sqlite3_clear_bindings(stmt_); }
    [[nodiscard]] std::string text(int i) const {
        auto *t = sqlite().sqlite3_column_text(stmt_, i);
        return t ? reinterpret_cast<const char *>(t) : "";
    }
    [[nodiscard]] long long integer(int i) const { return sqlite().sqlite3_column_int64(stmt_, i); }

  private:
    sqlite3_stmt *stmt_ = nullptr;
};

class SqliteWriter : public RecordWriter {
  public:
    SqliteWriter(sqlite3 *db, WriteOptions options)
        : db_(db), options_(std::move(options)), rows_(options_.schema, options_.list_separator) {}
    ~SqliteWriter() override {
        if (db_)
            exec("ROLLBACK"), sqlite().sqlite3_close(db_);
    }

    Result<bool> begin() {
        // Memory flat in the run's size: a page cache of 512 KB (this
        // connection's; the default is 2 MB), pages beyond it spilled to the file.
        exec("PRAGMA cache_size = -512");
        exec("BEGIN");
        exec("CREATE TABLE IF NOT EXISTS other_records (doc TEXT, kind TEXT, record TEXT)");
        exec("CREATE TABLE IF NOT EXISTS findings (doc TEXT, severity TEXT, code TEXT, ref TEXT, "
             "file TEXT, first_line INTEGER, last_line INTEGER, message TEXT)");
        exec("CREATE INDEX IF NOT EXISTS findings_doc ON findings(doc)");
        exec("CREATE INDEX IF NOT EXISTS findings_code ON findings(severity, code)");
        for (const std::string &kind : options_.schema.kinds())
            table(kind);
        if (!error_.empty())
            return Error(error_);
        return true;
    }

    void write(const json &record) override {
        if (auto done = groups_.add(record))
            store(*done);
    }

    Result<bool> finish() override {
        if (auto done = groups_.end())
            store(*done);
        exec("COMMIT");
        if (!error_.empty())
            return Error("cannot write the archive: " + error_);
        sqlite().sqlite3_close(db_);
        db_ = nullptr;
        return true;
    }

    [[nodiscard]] std::string summary() const override {
        return fmt::format("{} documents added, {} replaced, {} already archived (skipped)", added_,
                           replaced_, skipped_);
    }

  private:
    void exec(const std::string &sql) {
        char *message = nullptr;
        if (sqlite().sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK &&
            error_.empty())
            error_ = std::string(message ? message : "failed") + " (" + sql.substr(0, 80) + ")";
        sqlite().sqlite3_free(message);
    }

    std::vector<Column> columns(const std::string &kind) const {
        std::vector<Column> out = options_.schema.columns_of({kind});
        out.push_back({"record"});
        return out;
    }

    // The kind's table, its missing columns added (a grammar gained a field),
    // its indexes and its full-text table.
    void table(const std::string &kind) {
        std::vector<Column> cols = columns(kind);
        std::string list;
        for (const Column &c : cols)
            list += (list.empty() ? "" : ", ") + ident(c.name) + " " + sql_type(c.type);
        std::string key = kind == "document" ? ", PRIMARY KEY (doc)" : "";
        std::string name = table_name(kind);
        exec(fmt::format("CREATE TABLE IF NOT EXISTS {} ({}{}{})", ident(name), list,
                         kind == "document" ? ", hash TEXT" : "", key));
        std::vector<std::string> present;
        Statement info(db_, "SELECT name FROM pragma_table_info(?)");
        info.bind(1, name);
        while (info.ok() && info.step() == SQLITE_ROW)
            present.push_back(info.text(0));
        for (const Column &c : cols)
            if (std::find(present.begin(), present.end(), c.name) == present.end())
                exec(fmt::format("ALTER TABLE {} ADD COLUMN {} {}", ident(name), ident(c.name),
                                 sql_type(c.type)));
        std::string prose;
        for (const Column &c : cols) {
            if (c.role == ColumnRole::category || c.type == ColumnType::date)
                exec(fmt::format("CREATE INDEX IF NOT EXISTS {} ON {}({})",
                                 ident(name + "_" + c.name), ident(name), ident(c.name)));
            if (c.role == ColumnRole::prose)
                prose += ", " + ident(c.name);
        }
        if (!prose.empty()) {
            exec(fmt::format("CREATE VIRTUAL TABLE IF NOT EXISTS {} USING fts5(doc UNINDEXED{})",
                             ident(name + "_fts"), prose));
            // Terms pending in memory flushed at 128 KB, not FTS5's 1 MB a
            // table (a setting the archive keeps).
            exec(fmt::format("INSERT INTO {0}({0}, rank) VALUES ('hashsize', 131072)",
                             ident(name + "_fts")));
        }
    }

    static std::string table_name(const std::string &kind) {
        return kind == "document" ? "documents" : kind;
    }

    void store(const DocumentGroups::Group &g) {
        std::string doc = g.document.is_object() && g.document.value("doc", json()).is_string()
                              ? g.document["doc"].get<std::string>()
                              : std::string();
        std::string hash = hash_of(g);
        if (!doc.empty()) {
            Statement old(db_, "SELECT hash FROM documents WHERE doc = ?");
            old.bind(1, doc);
            if (old.ok() && old.step() == SQLITE_ROW) {
                if (old.text(0) == hash) {
                    ++skipped_;
                    return;
                }
                remove(doc);
                ++replaced_;
            } else {
                ++added_;
            }
        }
        if (g.document.is_object())
            insert(g.document, hash);
        for (const json &item : g.items)
            insert(item, {});
        for (const Finding &f : findings_of(options_.grammars, g))
            finding(f);
    }

    void remove(const std::string &doc) {
        std::vector<std::string> tables = {"findings", "other_records"};
        for (const std::string &kind : options_.schema.kinds()) {
            tables.push_back(table_name(kind));
            bool has_fts = false;
            for (const Column &c : columns(kind))
                has_fts = has_fts || c.role == ColumnRole::prose;
            if (has_fts)
                tables.push_back(table_name(kind) + "_fts");
        }
        for (const std::string &t : tables) {
            Statement del(db_, "DELETE FROM " + ident(t) + " WHERE doc = ?");
            del.bind(1, doc);
            if (del.ok())
                del.step();
        }
    }

    void insert(const json &record, const std::string &hash) {
        std::string kind = record.value("kind", json()).is_string()
                               ? record["kind"].get<std::string>()
                               : std::string();
        std::string text = record.dump(-1, ' ', false, json::error_handler_t::replace);
        if (!options_.schema.knows(kind)) {
            Statement other(db_, "INSERT INTO other_records VALUES (?, ?, ?)");
            other.bind(1, record.value("doc", json()).is_string() ? record["doc"].get<std::string>()
                                                                  : "");
            other.bind(2, kind);
            other.bind(3, text);
            other.step();
            return;
        }
        std::vector<Column> cols = columns(kind);
        FlatRow row = rows_.rows(record).front(); // one row a record: nothing exploded here
        row["record"] = {text, false};
        std::string names, marks, prose_names, prose_marks;
        for (const Column &c : cols)
            names += (names.empty() ? "" : ", ") + ident(c.name),
                marks += marks.empty() ? "?" : ", ?";
        if (kind == "document")
            names += ", hash", marks += ", ?";
        Statement put(db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", ident(table_name(kind)),
                                       names, marks));
        if (!put.ok())
            return note_error();
        for (std::size_t i = 0; i < cols.size(); ++i)
            bind(put, static_cast<int>(i + 1), cols[i], row);
        if (kind == "document")
            put.bind(static_cast<int>(cols.size() + 1), hash);
        if (put.step() != SQLITE_DONE)
            return note_error();
        full_text(kind, cols, row, sqlite().sqlite3_last_insert_rowid(db_));
    }

    static void bind(Statement &s, int i, const Column &c, const FlatRow &row) {
        auto it = row.find(c.name);
        if (it == row.end() || it->second.text.empty())
            return s.bind_null(i);
        // An integer column's text is bound as a number only where it is one
        // that fits (a record may hold "-", or a count past 64 bits: text).
        const std::string &text = it->second.text;
        long long number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (c.type == ColumnType::integer && error == std::errc() &&
            end == text.data() + text.size())
            return s.bind_int(i, number);
        s.bind(i, text);
    }

    void full_text(const std::string &kind, const std::vector<Column> &cols, const FlatRow &row,
                   long long rowid) {
        std::vector<const Column *> prose;
        for (const Column &c : cols)
            if (c.role == ColumnRole::prose)
                prose.push_back(&c);
        if (prose.empty())
            return;
        std::string names = "rowid, doc", marks = "?, ?";
        for (const Column *c : prose)
            names += ", " + ident(c->name), marks += ", ?";
        Statement put(db_, fmt::format("INSERT INTO {} ({}) VALUES ({})",
                                       ident(table_name(kind) + "_fts"), names, marks));
        if (!put.ok())
            return note_error();
        put.bind_int(1, rowid);
        bind(put, 2, {"doc"}, row);
        for (std::size_t i = 0; i < prose.size(); ++i)
            bind(put, static_cast<int>(i + 3), *prose[i], row);
        if (put.step() != SQLITE_DONE)
            note_error();
    }

    void finding(const Finding &f) {
        Statement put(db_, "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        put.bind(1, f.doc);
        put.bind(2, severity_name(f.severity));
        put.bind(3, f.code);
        f.ref.empty() ? put.bind_null(4) : put.bind(4, f.ref);
        put.bind(5, f.file);
        put.bind_int(6, static_cast<long long>(f.first_line));
        put.bind_int(7, static_cast<long long>(f.last_line));
        put.bind(8, f.message);
        if (put.step() != SQLITE_DONE)
            note_error();
    }

    void note_error() {
        if (error_.empty())
            error_ = sqlite().sqlite3_errmsg(db_);
    }

    sqlite3 *db_;
    WriteOptions options_;
    RowMaker rows_;
    DocumentGroups groups_;
    std::string error_;
    std::size_t added_ = 0, replaced_ = 0, skipped_ = 0;
};

} // namespace
} // namespace inspex::detail

namespace inspex {

Result<std::unique_ptr<RecordWriter>> open_archive(const std::string &path, WriteOptions options) {
    if (options.schema.empty())
        return Error("a SQLite archive needs the grammars' schema (no grammars installed)", path);
    if (auto loaded = detail::libsqlite3(); !loaded)
        return loaded.error();
    sqlite3 *db = nullptr;
    if (detail::sqlite().sqlite3_open_v2(
            path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::string message = db ? detail::sqlite().sqlite3_errmsg(db) : "out of memory";
        detail::sqlite().sqlite3_close(db);
        return Error("cannot open the archive: " + message, path);
    }
    auto writer = std::make_unique<detail::SqliteWriter>(db, std::move(options));
    if (auto begun = writer->begin(); !begun)
        return Error("cannot set up the archive: " + begun.error().message, path);
    return std::unique_ptr<RecordWriter>(std::move(writer));
}

} // namespace inspex
