// Reading records for a tool: each input file (or standard input for "-" or
// none) one document at a time, errors reported as "tool: file:line: message".
#pragma once

#include "tool.hpp"

#include "inspex/records.hpp"

#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace inspex::tool {

// Calls `on_document` for every document of every input; false when an input
// could not be opened or held a line that is not a JSON record.
inline bool read_inputs(const char *tool, const std::vector<std::string> &inputs,
                        const std::function<void(const DocumentRecords &)> &on_document) {
    bool clean = true;
    auto on_error = [&](const Error &e) {
        complain(tool, e.describe());
        clean = false;
    };
    for (const std::string &path : inputs.empty() ? std::vector<std::string>{"-"} : inputs) {
        std::ifstream file;
        if (path != "-" && (file.open(path, std::ios::binary), !file)) {
            on_error(Error("cannot open file", path));
            continue;
        }
        read_documents(path == "-" ? std::cin : file, path, on_document, on_error);
    }
    return clean;
}

} // namespace inspex::tool
