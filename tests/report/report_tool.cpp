// zorgsim_report_tool DIR [--figures]: builds DIR/report.html (and with --figures DIR/figures/)
// from a results folder, as `zorgsim report` does, without the rest of zorgsim. The browser
// tests use it, and it is handy when working on the report alone.
#include "report/report.hpp"

#include <cstring>
#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && std::strcmp(argv[2], "--figures") != 0)) {
        std::cerr << "usage: zorgsim_report_tool RESULTS_DIR [--figures]\n";
        return 2;
    }
    try {
        zorgsim::report::write_report(argv[1]);
        if (argc == 3) {
            zorgsim::report::write_figures(argv[1]);
        }
    } catch (const std::exception& e) {
        std::cerr << "zorgsim_report_tool: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
