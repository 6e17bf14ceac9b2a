// What every inspex tool shares: its exit codes and the shape of its
// diagnostics ("inspex-x: file:line: message" on standard error).
#pragma once

#include "inspex/catalog.hpp"
#include "inspex/grammar.hpp"
#include "inspex/output_file.hpp"
#include "inspex/printable.hpp"
#include "inspex/schema.hpp"
#include "inspex/write.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace inspex::tool {

enum Exit : int { ok = 0, findings = 1, usage_or_input = 2 };

// Writes to a C stream. A failed write is not thrown (fmt::print would, from
// the middle of a run): standard output's is found by stdout_written at the
// end; standard error's has nowhere to be said, and the exit code stays.
inline void put(std::FILE *stream, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), stream);
}

inline void complain(const std::string &tool, const std::string &message) {
    put(stderr, fmt::format("{}: {}\n", tool, printable(message)));
}

// "ref,status, owners" -> {"ref", "status", "owners"}
inline std::vector<std::string> split_list(const std::string &text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c != ',') {
            if (c != ' ')
                item += c;
        } else if (!item.empty()) {
            out.push_back(std::move(item));
            item.clear();
        }
    }
    return out;
}

// The grammars a tool runs with: the one named, or every installed one; a
// broken grammar among many is reported and left out, the others go on.
// `when`: see load_grammar (extraction compiles a grammar's patterns other
// than detection's only when a document chooses it).
inline Result<std::vector<Grammar>> load_grammars(const char *tool,
                                                  const std::vector<std::string> &grammar_path,
                                                  const std::string &name = {},
                                                  Compile when = Compile::at_load) {
    std::vector<Error> broken;
    auto grammars = Catalog(grammar_path).load_choice(name, {}, &broken, when);
    for (const Error &e : broken)
        complain(tool, e.describe() + " (warning: this grammar is left out)");
    return grammars;
}

// What the tools that write records share on their command line: the
// format, the file, and how tables are made (tables.md in the README).
struct OutputFlags {
    std::string to = "jsonl", output, fields, list_separator = " | ", kinds, explode, schema;
    bool bom = false, pretty = false, no_join = false, keep_formulas = false;
};

inline void add_output_options(boost::program_options::options_description &d, OutputFlags &f) {
    namespace po = boost::program_options;
    d.add_options()("to,t", po::value(&f.to)->value_name("FORMAT"),
                    "output format: jsonl (default), json, csv, tsv, xlsx, sqlite")(
        "output,o", po::value(&f.output)->value_name("FILE"),
        "write to FILE instead of standard output")(
        "fields", po::value(&f.fields)->value_name("NAMES"),
        "only these fields, in this order (comma-separated; tables: flattened names)")(
        "kind", po::value(&f.kinds)->value_name("KINDS"),
        "tables: the record kinds that are rows (comma-separated; default every item kind; "
        "\"document\" for a table of documents)")(
        "explode", po::value(&f.explode)->value_name("FIELDS"),
        "tables: one row per item of these list fields (e.g. target_dates)")(
        "no-join", po::bool_switch(&f.no_join),
        "tables: leave out the document's fields (establishment, dates) on item rows")(
        "list-separator", po::value(&f.list_separator)->value_name("TEXT"),
        "tables: between the items of a list in a cell (default \" | \")")(
        "bom", po::bool_switch(&f.bom), "CSV: begin with a UTF-8 byte order mark (for Excel)")(
        "keep-formulas", po::bool_switch(&f.keep_formulas),
        "CSV, TSV: write cells that begin with = + - @ as they are (by default they get a ' "
        "so that a spreadsheet does not run them)")("pretty", po::bool_switch(&f.pretty),
                                                    "JSON: indented, for reading")(
        "schema", po::value(&f.schema)->value_name("FILE"),
        "CSV, TSV: also write the table's Frictionless Table Schema (column types) to FILE");
}

// The write options the flags ask for, with the grammars' table schema; a
// name the schema does not know is an error with the nearest known one.
// `documents_in_order`: each document's items follow its record (extraction).
inline Result<WriteOptions> output_options(const OutputFlags &f,
                                           const std::vector<Grammar> &grammars,
                                           bool documents_in_order = false) {
    WriteOptions o;
    o.list_separator = f.list_separator;
    o.bom = f.bom;
    o.keep_formulas = f.keep_formulas;
    o.pretty = f.pretty;
    o.fields = split_list(f.fields);
    o.kinds = split_list(f.kinds);
    o.grammars = &grammars;
    auto format = parse_format(f.to);
    if (!format)
        return format.error();
    SchemaOptions schema{!f.no_join, split_list(f.explode), documents_in_order};
    if (*format == Format::sqlite && !schema.explode.empty())
        return Error("--explode makes rows for tables; an archive keeps one row a record");
    o.schema = TableSchema::from_grammars(grammars, schema);
    if (o.schema.empty())
        return o;
    std::vector<std::string> items = o.schema.kinds();
    items.erase(std::remove(items.begin(), items.end(), "document"), items.end());
    if (auto k = check_names(o.kinds, o.schema.kinds(), "record kind"); !k)
        return k.error();
    if (auto e = check_names(schema.explode, o.schema.fields_of(items), "field to explode"); !e)
        return e.error();
    bool table = *format == Format::csv || *format == Format::tsv || *format == Format::xlsx;
    std::vector<std::string> known;
    if (table) {
        for (const Column &c : o.schema.columns_of(o.kinds.empty() ? items : o.kinds))
            known.push_back(c.name);
    } else {
        items.push_back("document");
        known = o.schema.fields_of(items);
        known.push_back("error");
    }
    if (auto n = check_names(o.fields, known, table ? "column" : "field"); !n)
        return Error(n.error().message +
                     (table ? " (tables take flattened names: see --help)" : ""));
    return o;
}

// Writes the table schema when --schema asks for it, as safely as the
// records (output_file.hpp): never over an input, every write checked, the
// file replaced only when whole.
inline Result<bool> write_schema(const OutputFlags &f, const WriteOptions &options,
                                 const std::vector<std::string> &inputs = {}) {
    if (f.schema.empty())
        return true;
    if (f.to != "csv" && f.to != "tsv")
        return Error("--schema describes a CSV or TSV table (--to csv or tsv)");
    if (names_an_input(f.schema, inputs))
        return Error("is also an input: choose another schema file (the input would be lost)",
                     f.schema);
    remove_temporaries_on_signal();
    auto out = OutputFile::open(f.schema);
    if (!out)
        return out.error();
    out.value()->stream() << table_schema(options).dump(2) << '\n';
    return out.value()->commit();
}

// Where a tool writes its records (--to, -o): standard output or a file,
// written safely (output_file.hpp), or a SQLite archive (which writes its
// file itself, appending: file is then null).
struct Output {
    std::unique_ptr<OutputFile> file;
    std::unique_ptr<RecordWriter> writer;

    // After writer->finish(): the file checked, closed and moved into place.
    Result<bool> commit() { return file ? file->commit() : Result<bool>(true); }
};

// Refuses an output that is one of the inputs: writing it would destroy it.
// What the writer had to change to fit the format is said on standard error.
inline Result<std::unique_ptr<Output>> open_output(const char *tool, const std::string &to,
                                                   const std::string &path, WriteOptions options,
                                                   const std::vector<std::string> &inputs = {}) {
    auto format = parse_format(to);
    if (!format)
        return format.error();
    if (options.bom && *format != Format::csv)
        return Error("--bom applies only to --to csv (a UTF-8 mark for Excel)");
    if (!path.empty() && names_an_input(path, inputs))
        return Error("is also an input: choose another output file (the input would be lost)",
                     path);
    auto out = std::make_unique<Output>();
    if (*format == Format::sqlite) {
        if (path.empty())
            return Error("--to sqlite writes an archive file: name it with -o FILE");
        auto archive = open_archive(path, std::move(options));
        if (!archive)
            return archive.error();
        out->writer = std::move(archive.value());
        return out;
    }
    if (*format == Format::xlsx && path.empty() && isatty(STDOUT_FILENO))
        return Error("a workbook is binary: name a file with -o FILE or redirect standard output");
    if (auto available = writer_available(*format); !available)
        return available.error();
    remove_temporaries_on_signal();
    auto file = OutputFile::open(path);
    if (!file)
        return file.error();
    out->file = std::move(file.value());
    options.on_warning = [tool, name = out->file->name()](const std::string &message) {
        complain(tool, name + ": " + message);
    };
    out->writer = make_writer(*format, out->file->stream(), std::move(options));
    return out;
}

// For tools that print to standard output themselves: false (said on standard
// error) when what they printed could not all be written.
inline bool stdout_written(const char *tool) {
    errno = 0;
    std::cout.flush();
    bool c_failed = std::fflush(stdout) != 0 || std::ferror(stdout);
    if (std::cout && !c_failed)
        return true;
    complain(tool, std::string("standard output: cannot write: ") +
                       (errno ? std::strerror(errno) : "write failed"));
    return false;
}

// Opens a file of records ("-" is standard input, left to the caller); a
// folder is an error (records are read from files, not folders).
inline Result<bool> open_records(const std::string &path, std::ifstream &in) {
    if (path == "-")
        return true;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Error("is a folder: give the records files (inspex extract writes them)", path);
    in.open(path, std::ios::binary);
    if (!in)
        return Error(std::string("cannot open file: ") + std::strerror(errno), path);
    return true;
}

// --help as a man page's synopsis reads (and help2man reads): the usage and
// description, then "  -t, --to FORMAT  what it does", wrapped at 80 columns.
inline void print_help(const boost::program_options::options_description &options,
                       const char *exit_help) {
    namespace po = boost::program_options;
    std::ostringstream boost_help; // its caption: usage and description
    boost_help << options;
    std::string caption = boost_help.str();
    std::cout << caption.substr(0, caption.find("\n  -") + 1);
    for (const auto &o : options.options()) {
        std::string shorts =
            o->canonical_display_name(po::command_line_style::allow_dash_for_short);
        std::string names = (shorts.size() == 2 ? shorts + ", " : "    ") + "--" + o->long_name();
        if (o->semantic()->max_tokens() > 0) {
            std::string value = o->semantic()->name();
            if (value == "arg") {
                value = o->long_name();
                std::transform(value.begin(), value.end(), value.begin(),
                               [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            }
            names += " " + value;
        }
        std::string line = "  " + names;
        std::string text = o->description();
        std::size_t column = 28;
        line += line.size() + 2 <= column ? std::string(column - line.size(), ' ')
                                          : "\n" + std::string(column, ' ');
        std::size_t width = column;
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find(' ', start);
            std::string word = text.substr(start, end == std::string::npos ? end : end - start);
            if (width > column && width + word.size() > 79)
                line += "\n" + std::string(column, ' '), width = column;
            line += (width > column ? " " : "") + word;
            width += word.size() + (width > column ? 1 : 0);
            start = end == std::string::npos ? text.size() : end + 1;
        }
        std::cout << line << "\n";
    }
    std::cout << "\n" << exit_help << "\n";
}

// Parses the command line: `options` (to which --help and --version are
// added) and positional arguments into `inputs`. Returns the exit code when
// the tool should stop here: help or version shown (0), a usage error (2).
inline std::optional<int>
parse_command_line(const char *tool, int argc, char **argv,
                   boost::program_options::options_description &options,
                   std::vector<std::string> &inputs, const char *exit_help,
                   boost::program_options::variables_map *given = nullptr) {
    namespace po = boost::program_options;
    options.add_options()("help,h", "show this help and exit")("version",
                                                               "show the version and exit");
    po::options_description hidden, all;
    hidden.add_options()("input", po::value(&inputs));
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(),
                  vm);
        po::notify(vm);
    } catch (const po::unknown_option &e) {
        std::vector<std::string> names;
        for (const auto &option : options.options())
            names.push_back("--" + option->long_name());
        auto near = closest_name(e.get_option_name(), names);
        complain(tool, std::string(e.what()) + (near ? "; did you mean " + *near + "?" : "") +
                           " (see --help)");
        return usage_or_input;
    } catch (const po::error &e) {
        complain(tool, std::string(e.what()) + " (see --help)");
        return usage_or_input;
    }
    if (vm.count("help")) {
        print_help(options, exit_help);
        return ok;
    }
    if (vm.count("version")) {
        std::cout << tool << " " << INSPEX_VERSION << "\n";
        return ok;
    }
    if (vm.count("output") && vm["output"].as<std::string>().empty()) {
        complain(tool, "--output is empty: name a file, or leave -o out for standard output");
        return usage_or_input;
    }
    if (vm.count("jobs") && vm["jobs"].as<int>() < 0) {
        complain(tool, "--jobs must be 0 (one per core) or more");
        return usage_or_input;
    }
    if (given)
        *given = vm;
    return std::nullopt;
}

} // namespace inspex::tool
