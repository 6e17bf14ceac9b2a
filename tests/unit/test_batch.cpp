#include "inspex/batch.hpp"
#include "inspex/catalog.hpp"
#include "inspex/pattern.hpp"

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace inspex;

TEST_CASE("batch: folders expand to their .txt files in name order") {
    auto paths = expand_inputs({test::source_path("samples"), "-"});
    REQUIRE(paths.ok());
    REQUIRE(paths->size() >= 4);
    CHECK(std::is_sorted(paths->begin(), paths->end() - 1));
    CHECK(paths->back() == "-");
    for (auto it = paths->begin(); it != paths->end() - 1; ++it)
        CHECK(std::filesystem::path(*it).extension() == ".txt");
}

TEST_CASE("batch: a bad input is reported and the others are still written, in order") {
    auto g = Catalog().load_choice("action-plan");
    REQUIRE(g.ok());
    test::TempDir dir("batch");
    auto bad = dir.path() / "inspex-bad-input.txt";
    std::ofstream(bad, std::ios::binary) << std::string("\x81\0\x01", 3);
    std::vector<std::string> paths{test::source_path("samples/action-plan-ashfield-2019.txt"),
                                   "/no/such/file.txt", bad.string(),
                                   test::source_path("samples/action-plan-elmley-2022.txt")};
    std::ostringstream out;
    auto writer = make_writer(Format::jsonl, out);
    std::vector<std::string> errors;
    BatchReport r = extract_batch(
        g.value(), paths, *writer,
        {2, [&](const Error &e) { errors.push_back(e.describe()); }, nullptr, nullptr, nullptr});
    CHECK(r.documents == 2);
    CHECK(r.input_errors == 2);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "/no/such/file.txt: no such file");
    CHECK(errors[1].find("inspex-bad-input.txt: byte 1: NUL byte") != std::string::npos);
    std::string text = out.str();
    CHECK(text.find("action-plan-ashfield-2019") < text.find("action-plan-elmley-2022"));
    CHECK(r.records == 1 + 24 + 1 + 18);
    // each failed input leaves a document record with its error, in its place
    CHECK(text.find("{\"kind\":\"document\",\"doc\":\"file\",\"source\":{\"file\":\"/no/such/"
                    "file.txt\",\"lines\":null},\"grammar\":null,\"error\":\"no such file\"") <
          text.find("action-plan-elmley-2022"));
    CHECK(text.find("\"doc\":\"inspex-bad-input\"") != std::string::npos);
}

TEST_CASE("batch: match-limit hits on two threads are each their own document's") {
    // Limits no pattern lives with: every document hits them, on both threads
    // at once (a shared flag was a data race; scripts/sanitize.sh runs this
    // case under ThreadSanitizer).
    auto g = Catalog().load("action-plan", MatchLimits{30, 30});
    REQUIRE(g.ok());
    std::vector<Grammar> grammars;
    grammars.push_back(std::move(g.value()));
    std::string elmley = test::source_path("samples/action-plan-elmley-2022.txt");
    std::string ashfield = test::source_path("samples/action-plan-ashfield-2019.txt");
    std::ostringstream out;
    auto writer = make_writer(Format::jsonl, out);
    BatchReport r = extract_batch(grammars, {elmley, ashfield, elmley, ashfield}, *writer,
                                  {2, nullptr, nullptr, nullptr, nullptr});
    CHECK(r.documents == 4);
    std::istringstream records(out.str());
    int documents = 0, with_hits = 0;
    for (std::string line; std::getline(records, line);) {
        if (line.rfind("{\"kind\":\"document\"", 0) != 0)
            continue;
        ++documents;
        with_hits += line.find("\"code\":\"match-limit\"") != std::string::npos;
    }
    CHECK(documents == 4);
    CHECK(with_hits == 4);
    CHECK(take_limit_hits().empty()); // none left on this thread
}

TEST_CASE("batch: document ids are unique in a run") {
    CHECK(unique_ids({"a/plan.txt", "b/plan.txt", "plan-2.txt", "c/plan.pdf"}) ==
          std::vector<std::string>{"plan", "plan-2", "plan-2-2", "plan-3"});
}

TEST_CASE("batch: hidden entries and links are left out of folders, globs choose") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / "inspex-walk-test";
    fs::remove_all(root);
    fs::create_directories(root / ".git");
    fs::create_directories(root / "sub");
    for (const char *f : {"a.txt", "B.PDF", ".hidden.txt", ".git/c.txt", "sub/d.docx", "e.md"})
        std::ofstream(root / f) << "x";
    fs::create_symlink(root / "a.txt", root / "link.txt");
    auto names = [&](const WalkOptions &w) {
        auto paths = expand_inputs({root.string()}, nullptr, w);
        REQUIRE(paths.ok());
        std::vector<std::string> out;
        for (const std::string &p : paths.value())
            out.push_back(fs::path(p).lexically_relative(root).string());
        return out;
    };
    CHECK(names({}) == std::vector<std::string>{"B.PDF", "a.txt", "sub/d.docx"});
    CHECK(names({true, {}}) ==
          std::vector<std::string>{"B.PDF", "a.txt", "link.txt", "sub/d.docx"});
    CHECK(names({false, {"*.txt", "sub/*"}}) == std::vector<std::string>{"a.txt", "sub/d.docx"});
    CHECK(names({false, {"!*.txt"}}) == std::vector<std::string>{"B.PDF", "sub/d.docx"});
    fs::remove_all(root);
}

TEST_CASE("regression empty-folder: a folder with nothing to read is said, not a silent run") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / "inspex-empty-folder-test";
    fs::remove_all(root);
    fs::create_directories(root / "sub");
    std::ofstream(root / "notes.md") << "x";
    std::vector<std::string> said;
    auto paths =
        expand_inputs({root.string()}, [&](const Error &e) { said.push_back(e.describe()); });
    REQUIRE(paths.ok());
    CHECK(paths.value().empty());
    REQUIRE(said.size() == 1);
    CHECK(said[0] == root.string() + ": no input files in this folder (.txt, .docx, .odt, .html, "
                                     ".htm, .pdf; hidden entries and --glob left out)");
    fs::remove_all(root);
}

TEST_CASE("batch: document ids") {
    CHECK(document_id("dir/plan.v2.txt") == "plan.v2");
    CHECK(document_id("-") == "stdin");
}
