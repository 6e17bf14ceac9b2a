// The report's style sheet, for screen and print; colours of progress levels
// are added by the report from the rules.
#pragma once

namespace inspex::report {

extern const char *const kStyle;

} // namespace inspex::report
