// Reads a document with an installed grammar and prints its records.
#include <inspex/batch.hpp>
#include <inspex/catalog.hpp>
#include <iostream>

int main(int argc, char **argv) {
    auto grammars = inspex::Catalog().load_all();
    if (!grammars || argc < 2)
        return 2;
    auto writer = inspex::make_writer(inspex::Format::jsonl, std::cout);
    auto report = inspex::extract_batch(grammars.value(), {argv[1]}, *writer, {});
    return report.input_errors ? 2 : 0;
}
