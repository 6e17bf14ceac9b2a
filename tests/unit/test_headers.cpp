// Document headers in every written form the three grammars meet: labels with
// and without colons, values on the label's line or below it, cells split by
// tabs, the whole header run onto one line, each year's template, and dates
// near a header that are not its fields'.
#include "inspex/extract.hpp"
#include "inspex/grammar.hpp"

#include "support.hpp"

#include <filesystem>
#include <map>

using namespace inspex;

namespace {

using json = nlohmann::ordered_json;

const Grammar &grammar(const std::string &name) {
    static std::map<std::string, Grammar> loaded;
    auto it = loaded.find(name);
    if (it == loaded.end()) {
        auto g = load_grammar(test::source_path("grammars/" + name + ".toml"));
        REQUIRE(g.ok());
        it = loaded.emplace(name, std::move(g.value())).first;
    }
    return it->second;
}

json document_of(const std::string &grammar_name, const std::string &text) {
    Extraction e = extract_text(grammar(grammar_name), {"header.txt", "header", text}, text);
    REQUIRE_FALSE(e.records.empty());
    REQUIRE(e.records.front()["kind"] == "document");
    return e.records.front();
}

// A date object's ISO date, or nullptr when the field is null.
const char *iso_of(const json &date) {
    if (date.is_null() || date["date"].is_null())
        return nullptr;
    return date["date"].get_ref<const std::string &>().c_str();
}

const char *field(const json &range, const char *name) {
    if (range.is_null() || range[name].is_null())
        return nullptr;
    return range[name].get_ref<const std::string &>().c_str();
}

bool same(const char *got, const char *expected) {
    if (!got || !expected)
        return got == expected;
    return std::string(got) == expected;
}

struct HeaderRow {
    const char *grammar;
    const char *text;
    const char *establishment; // nullptr: null
    const char *submitted;     // ISO date, nullptr: null
    const char *published;
    const char *start; // inspection start and end
    const char *end;
    bool inferred = false; // the inspection's year came from the published date
};

// clang-format off
const HeaderRow kRows[] = {
    // 2022: label and value on one line, with colons.
    {"action-plan", "Action Plan: HMP Elmley\n\nAction Plan Submitted: 29th June 2022\n\nA Response to the HMIP Inspection: 28th February to 11th March 2022\n\nReport Published: 21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // The same header run onto one line.
    {"action-plan", "Action Plan: HMP Elmley Action Plan Submitted: 29th June 2022 A Response to the HMIP Inspection: 28th February to 11th March 2022 Report Published: 21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // One line, without colons.
    {"action-plan", "Action Plan HMP Elmley Action Plan Submitted 29th June 2022 A Response to the HMIP Inspection 28th February to 11th March 2022 Report Published 21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // One line as a pasted table: cells split by tabs.
    {"action-plan", "Action Plan:\tHMP Elmley\tAction Plan Submitted:\t29th June 2022\tA Response to the HMIP Inspection:\t28th February to 11th March 2022\tReport Published:\t21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // Two rows of a table: label and value cells, no colons.
    {"action-plan", "Action Plan\tHMP Elmley\nAction Plan Submitted\t29th June 2022\nA Response to the HMIP Inspection\t28th February to 11th March 2022\nReport Published\t21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // Label and value on two lines, no colons, no blank lines.
    {"action-plan", "Action Plan\nHMP Elmley\nAction Plan Submitted\n29th June 2022\nA Response to the HMIP Inspection\n28th February to 11th March 2022\nReport Published\n21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // 2019: label and value on two lines with blank lines between; the inspection is a report's title over two lines.
    {"action-plan", "HM Prison & Probation Service\n\nAction Plan:\n\nHMP Ashfield\n\nAction Plan Submitted:\n\n16th August 2019\n\nA Response to HMIP Inspection:\n\nA Report on an unannounced inspection\nof HMP Ashfield\n\nReport Published:\n\n30th July 2019\n\nINTRODUCTION\n",
     "HMP Ashfield", "2019-08-16", "2019-07-30", nullptr, nullptr},
    // The same run onto one line.
    {"action-plan", "Action Plan: HMP Ashfield Action Plan Submitted: 16th August 2019 A Response to HMIP Inspection: A Report on an unannounced inspection of HMP Ashfield Report Published: 30th July 2019\n",
     "HMP Ashfield", "2019-08-16", "2019-07-30", nullptr, nullptr},
    // 2020: the title form "HMP X Action Plan", "Date Action Plan Submitted", ordinals written apart, a span in two parts.
    {"action-plan", "HMP Stoke Heath Action Plan\n\nDate Action Plan Submitted: 26 th August 2020\n\nA Response to the HMIP Inspection: 24-25 th February; 2-6 th March 2020\n\nReport Published: June 2020\n",
     "HMP Stoke Heath", "2020-08-26", "2020-06", "2020-02-24", "2020-03-06"},
    // The title form over two lines, without colons.
    {"action-plan", "HMP/YOI Isle of Wight\nAction Plan\nDate Action Plan Submitted\n3 rd September 2019\nA Response to the HMIP Inspection\n6-7, 20-23 May 2019\nReport Published\n22/07/2019\n",
     "HMP/YOI Isle of Wight", "2019-09-03", "2019-07-22", "2019-05-06", "2019-05-23"},
    // A span over the turn of a year; an HMYOI; dd/mm/yyyy.
    {"action-plan", "Action Plan: HMYOI Wetherby\nAction Plan Submitted: 22/05/2020\nA Response to the HMIP Inspection: 9-10 December 2019, 6-10 January 2020\nReport Published: 21st April 2020\n",
     "HMYOI Wetherby", "2020-05-22", "2020-04-21", "2019-12-09", "2020-01-10"},
    // "HMP & YOI", a span with both months written out, cells split by tabs.
    {"action-plan", "Action Plan:\tHMP & YOI Chelmsford\nAction Plan Submitted:\t4th March 2022\nA Response to the HMIP Inspection:\t15 November – 26 November 2021\nReport Published:\t1st February 2022\n",
     "HMP & YOI Chelmsford", "2022-03-04", "2022-02-01", "2021-11-15", "2021-11-26"},
    // "HMP X and YOI"; a span whose dash the conversion lost.
    {"action-plan", "Action Plan: HMP Bristol and YOI\nAction Plan Submitted: 4th March 2022\nA Response to the HMIP Inspection: 15 26 November 2021\nReport Published: 1st February 2022\n",
     "HMP Bristol and YOI", "2022-03-04", "2022-02-01", "2021-11-15", "2021-11-26"},
    // The start of a span without its year takes the end's.
    {"action-plan", "Action Plan: HMP Elmley\nAction Plan Submitted: 29th June 2022\nA Response to the HMIP Inspection: 28 February to 11 March 2022\nReport Published: 21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11"},
    // A span with no year at all takes it from the published date, inferred.
    {"action-plan", "Action Plan: HMP Elmley\nAction Plan Submitted: 29th June 2022\nA Response to the HMIP Inspection: 28 February to 11 March\nReport Published: 21st June 2022\n",
     "HMP Elmley", "2022-06-29", "2022-06-21", "2022-02-28", "2022-03-11", true},
    // ... the year before, when the span's month comes after the publication's.
    {"action-plan", "Action Plan: HMP Long Lartin Action Plan Submitted: March 2022 A Response to the HMIP Inspection: 15-26 November Report Published: January 2022\n",
     "HMP Long Lartin", "2022-03", "2022-01", "2021-11-15", "2021-11-26", true},
    // 2015: the TIMETABLE table, labels in another order, a status column, cells split by tabs.
    {"action-plan", "ACTION PLAN: HMCIP REPORT ON HMP Wandsworth\nTIMETABLE\tDATE\tSTATUS OF THIS RETURN\nFull unannounced inspection\t9-13 March 2015\tPOSITION AS AT: October 2015\nReport published\t30 June 2015\t\nAction Plan Submitted\t28 August 2015\t\n",
     "HMP Wandsworth", "2015-08-28", "2015-06-30", "2015-03-09", "2015-03-13"},
    // The same table one cell per line.
    {"action-plan", "ACTION PLAN: HMCIP REPORT ON HMP Wandsworth\nTIMETABLE\nDATE\nSTATUS OF THIS RETURN\nFull unannounced inspection\n9-13 March 2015\nPOSITION AS AT: October 2015\nReport published\n30 June 2015\nAction Plan Submitted\n28 August 2015\n",
     "HMP Wandsworth", "2015-08-28", "2015-06-30", "2015-03-09", "2015-03-13"},
    // The same table aligned with spaces, labels wrapped in their cells below
    // the dates (pdftotext -layout of a plan set in a larger font).
    {"action-plan", "ACTION PLAN: HMCIP REPORT ON HMP Wandsworth\n\nTIMETABLE     DATE               STATUS OF THIS RETURN\n\nFull unannounced   9-13 March 2015\ninspection\n\nReport published   30 June 2015\n\nAction Plan        28 August 2015     Attached\nSubmitted\n",
     "HMP Wandsworth", "2015-08-28", "2015-06-30", "2015-03-09", "2015-03-13"},
    // The same table run onto one line, without tabs; the name in capitals only.
    {"action-plan", "ACTION PLAN: HMCIP REPORT ON HMP WANDSWORTH TIMETABLE DATE STATUS OF THIS RETURN Full unannounced inspection 9-13 March 2015 POSITION AS AT: October 2015 Report published 30 June 2015 Action Plan Submitted 28 August 2015\n",
     "HMP WANDSWORTH", "2015-08-28", "2015-06-30", "2015-03-09", "2015-03-13"},
    // A name in capitals is a secondary source: the title-case one wins.
    {"action-plan", "ESTABLISHMENT: HMP ELMLEY\nAction Plan: HMP Elmley\nAction Plan Submitted: 29th June 2022\n",
     "HMP Elmley", "2022-06-29", nullptr, nullptr, nullptr},
    {"action-plan", "ESTABLISHMENT: HMP ELMLEY\nAction Plan Submitted: 29th June 2022\n",
     "HMP ELMLEY", "2022-06-29", nullptr, nullptr, nullptr},
    // ... and a name the header gives in capitals only is the text's own title-case copy of it.
    {"action-plan", "ESTABLISHMENT: HMP ELMLEY\nAction Plan Submitted: 29th June 2022\n7.1\tThe governor of HMP Elmley agreed.\n",
     "HMP Elmley", "2022-06-29", nullptr, nullptr, nullptr},
    {"action-plan", "ESTABLISHMENT: HMP ELMLEY\n7.1\tThe governor of HMP Elmleyside agreed.\n",
     "HMP ELMLEY", nullptr, nullptr, nullptr, nullptr},
    // 2020 (Stafford): a label without its value is null, the next label not taken for it.
    {"action-plan", "Action Plan: HMP Stafford\n\nAction Plan Submitted: 29 July 2020\n\nA Response to the HMIP Inspection\n\nReport Published: 12th May 2020\n\nINTRODUCTION\n",
     "HMP Stafford", "2020-07-29", "2020-05-12", nullptr, nullptr},

    // Dates that are not the field's are never taken.
    {"action-plan", "Action Plan: HMP Elmley\nAction Plan Submitted\t\tPOSITION AS AT: October 2015\n",
     "HMP Elmley", nullptr, nullptr, nullptr, nullptr},
    {"action-plan", "Action Plan: HMP Elmley\nReport Published:\n\n© Crown copyright 2022\n",
     "HMP Elmley", nullptr, nullptr, nullptr, nullptr},
    {"action-plan", "Action Plan: HMP Elmley\nAction Plan Submitted:\nUploaded on 12 March 2021\nReport Published:\nPage 1 of 12\n",
     "HMP Elmley", nullptr, nullptr, nullptr, nullptr},
    {"action-plan", "Uploaded on 12 March 2021\n© Crown copyright 2022\nPage 1 of 12\nAction Plan: HMP Elmley\nAction Plan Submitted: 29th June 2022\n",
     "HMP Elmley", "2022-06-29", nullptr, nullptr, nullptr},

    // IRP reports: the title names the establishment and the span.
    {"irp-report", "Report on an independent review of progress at HMYOI Wetherby by HM Chief Inspector of Prisons (22 October – 6 November 2024)\n\nWhat we found\n",
     "HMYOI Wetherby", nullptr, nullptr, "2024-10-22", "2024-11-06"},
    {"irp-report", "Report on an independent review of progress at\nHMP/YOI Isle of Wight\nby HM Chief Inspector of Prisons\n9–11 August 2022\n",
     "HMP/YOI Isle of Wight", nullptr, nullptr, "2022-08-09", "2022-08-11"},
    {"irp-report", "Report on an independent review of progress at HMP & YOI Chelmsford by HM Chief Inspector of Prisons\n\n© Crown copyright 2022\n",
     "HMP & YOI Chelmsford", nullptr, nullptr, nullptr, nullptr},
    // The Chelmsford form: the signature's month, the inspection followed up.
    {"irp-report", " Section 1 Chief Inspector’s summary \n\n1.1 HMP Chelmsford is a category B local prison. \n\nCharlie Taylor \nHM Chief Inspector of Prisons \nAugust 2022 \n Section 2 Key findings \n\n2.1 At this IRP visit, we followed up eight recommendations from our most \nrecent inspection in August 2021 \n",
     "HMP Chelmsford", nullptr, "2022-08", "2021-08", "2021-08"},

    // Urgent-notification plans: the establishment from the title, not the header row.
    {"un-action-plan", "HMP Stoke Heath Urgent Notification Action Plan\n\n\tPriority\nTheme\n\tNo\n\tActions\n\tOwner(s)\n\tDate Due\n",
     "HMP Stoke Heath", nullptr, nullptr, nullptr, nullptr},
    {"un-action-plan", "Urgent Notification Action Plan: HMP/YOI Isle of Wight\nTheme\tPriority No\tActions\tOwner(s)\tDate Due\ni) Work with HMP Elmley on the plan.\n",
     "HMP/YOI Isle of Wight", nullptr, nullptr, nullptr, nullptr},
};
// clang-format on

} // namespace

TEST_CASE("headers: every written form gives the document's fields") {
    for (const HeaderRow &row : kRows) {
        CAPTURE(row.text);
        json doc = document_of(row.grammar, row.text);
        const char *establishment =
            doc["establishment"].is_null()
                ? nullptr
                : doc["establishment"].get_ref<const std::string &>().c_str();
        CHECK(same(establishment, row.establishment));
        CHECK(same(iso_of(doc["submitted"]), row.submitted));
        CHECK(same(iso_of(doc["published"]), row.published));
        CHECK(same(field(doc["inspection"], "start"), row.start));
        CHECK(same(field(doc["inspection"], "end"), row.end));
        if (row.inferred) {
            REQUIRE(doc.contains("inferred"));
            CHECK(doc["inferred"] == json::array({"inspection"}));
        } else {
            CHECK_FALSE(doc.contains("inferred"));
        }
    }
    CHECK(std::size(kRows) >= 25);
}

TEST_CASE("headers: a value ends where the next label begins") {
    json doc = document_of("action-plan",
                           "Action Plan: HMP Elmley Action Plan Submitted: 29th June 2022 A "
                           "Response to the HMIP Inspection: 28th February to 11th March 2022 "
                           "Report Published: 21st June 2022\n");
    CHECK(doc["establishment"] == "HMP Elmley");
    CHECK(doc["submitted"]["text"] == "29th June 2022");
    CHECK(doc["inspection"]["text"] == "28th February to 11th March 2022");
    CHECK(doc["published"]["text"] == "21st June 2022");

    json ashfield =
        document_of("action-plan", "A Response to HMIP Inspection: A Report on an unannounced "
                                   "inspection of HMP Ashfield Report Published: 30th July 2019\n");
    CHECK(ashfield["inspection"]["text"] ==
          "A Report on an unannounced inspection of HMP Ashfield");
    CHECK(ashfield["establishment"] == "HMP Ashfield");

    json table = document_of("action-plan", "Full unannounced inspection\t9-13 March "
                                            "2015\tPOSITION AS AT: October 2015\n");
    CHECK(table["inspection"]["text"] == "9-13 March 2015");
}

TEST_CASE("headers: the IRP title's span is read as written") {
    json doc = document_of("irp-report",
                           "Report on an independent review of progress at HMYOI Wetherby by HM "
                           "Chief Inspector of Prisons (22 October – 6 November 2024)\n");
    CHECK(doc["inspection"]["text"] == "22 October – 6 November 2024");
}

// Every text rendition of a sample (pandoc, pdftotext, docx2txt, LibreOffice's
// text export) gives the sample's own reviewed document fields.
TEST_CASE("headers: each text rendition gives its sample's document fields") {
    namespace fs = std::filesystem;
    std::size_t checked = 0;
    for (const auto &entry :
         fs::directory_iterator(test::source_path("tests/fixtures/renditions"))) {
        std::string file = entry.path().filename().string();
        if (entry.path().extension() != ".txt")
            continue;
        std::string sample = file.substr(0, file.find('.'));
        // the same document, in another font size or with sub-rows
        for (std::string_view variant : {"-9pt", "-11pt", "-12pt", "-subrows"})
            if (std::string_view(sample).ends_with(variant))
                sample.resize(sample.size() - variant.size());
        std::string grammar_name;
        for (const char *name : {"un-action-plan", "irp-report", "action-plan"})
            if (grammar_name.empty() && sample.rfind(name, 0) == 0)
                grammar_name = name;
        // A variant in an older year's template has records of its own.
        std::string variant = "tests/fixtures/originals/" + sample + ".expected.jsonl";
        std::string expected_text = test::read(fs::exists(test::source_path(variant))
                                                   ? variant
                                                   : "samples/" + sample + ".expected.jsonl");
        json expected = json::parse(expected_text.substr(0, expected_text.find('\n')));
        CAPTURE(file);
        json doc = document_of(grammar_name, test::read("tests/fixtures/renditions/" + file));
        for (const char *name : {"establishment", "submitted", "published", "inspection"})
            CHECK(doc[name] == expected[name]);
        ++checked;
    }
    CHECK(checked >= 126);
}
