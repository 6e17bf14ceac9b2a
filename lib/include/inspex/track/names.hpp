// Establishment names made comparable: "HMP/YOI Chelmsford", "HMP Chelmsford"
// and "CHELMSFORD" all give the key "chelmsford".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inspex::track {

// Lower case, punctuation to spaces, the leading `prefixes` (whole words, any
// case, repeatedly) removed, spaces collapsed. Empty when nothing is left.
[[nodiscard]] std::string establishment_key(std::string_view name,
                                            const std::vector<std::string> &prefixes);

} // namespace inspex::track
