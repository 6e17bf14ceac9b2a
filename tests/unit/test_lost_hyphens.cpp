// Putting back hyphens a converter dropped where it joined a line ending in
// one to the next, by what the rest of the document writes.
#include "support.hpp"

#include "inspex/layout/lost_hyphens.hpp"

using inspex::layout::LostHyphens;

namespace {

const std::vector<std::string> kDocument = {
    "Meetings are held bi-monthly and one-to-one work is offered.",
    "Sexual health and the orientation of new arrivals are reviewed.",
    "The Reoffending board meets. Reoffending falls. Reoffending is tracked.",
    "The Re-Offending strategy is published.",
};

} // namespace

TEST_CASE("lost hyphens: a word the document writes hyphenated elsewhere") {
    LostHyphens hyphens(kDocument);
    // The first line ended "... held bi-" and the next began "monthly and ...".
    CHECK(hyphens.restore("Meetings will then be held bimonthly and then quarterly", 30) ==
          "Meetings will then be held bi-monthly and then quarterly");
    CHECK(hyphens.restore("POMs will say why in one-toone sessions with them", 28) ==
          "POMs will say why in one-to-one sessions with them");
}

TEST_CASE("lost hyphens: a word made of two of the document's words") {
    LostHyphens hyphens(kDocument);
    CHECK(hyphens.restore("covering age, pregnancy, sexualorientation, race and more", 34) ==
          "covering age, pregnancy, sexual-orientation, race and more");
}

TEST_CASE("lost hyphens: nothing changed without evidence or room") {
    LostHyphens hyphens(kDocument);
    // A line no wider than its column joined nothing.
    CHECK(hyphens.restore("held bimonthly", 30) == "held bimonthly");
    // The document writes the joined word so itself, more than joined lines would.
    CHECK(hyphens.restore("The board of the Reoffending strategy will meet monthly", 30) ==
          "The board of the Reoffending strategy will meet monthly");
    // ... but not with a capital inside it, as written here.
    CHECK(hyphens.restore("The board of the ReOffending strategy will meet monthly", 30) ==
          "The board of the Re-Offending strategy will meet monthly");
    // A word the document never writes hyphenated, nor of two of its words.
    CHECK(hyphens.restore("Staff will have understanding of the new arrivals rules", 30) ==
          "Staff will have understanding of the new arrivals rules");
    // A line wider than two lines of its column is no two lines joined.
    CHECK(hyphens.restore("Meetings will then be held bimonthly and then quarterly", 20) ==
          "Meetings will then be held bimonthly and then quarterly");
    // The word lies where neither line could have ended.
    CHECK(hyphens.restore("bimonthly meetings will be held with all of the staff and", 30) ==
          "bimonthly meetings will be held with all of the staff and");
}
