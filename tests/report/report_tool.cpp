// zorgsim_report_tool DIR [--figures] [--lang nl|en]: builds DIR/report.html (and with --figures
// DIR/figures/) from a results folder, as `zorgsim report` does, without the rest of zorgsim. The
// browser tests use it, and it is handy when working on the report alone.
#include "report/report.hpp"
#include "words/words.hpp"

#include <exception>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    bool figures = false;
    auto language = zorgsim::words::Language::nl;
    bool ok = argc >= 2;
    for (int i = 2; ok && i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--figures") {
            figures = true;
        } else if (arg == "--lang" && i + 1 < argc && zorgsim::words::parse_language(argv[i + 1])) {
            language = *zorgsim::words::parse_language(argv[++i]);
        } else {
            ok = false;
        }
    }
    if (!ok) {
        std::cerr << "usage: zorgsim_report_tool RESULTS_DIR [--figures] [--lang nl|en]\n";
        return 2;
    }
    try {
        zorgsim::report::write_report(argv[1], language);
        if (figures) {
            zorgsim::report::write_figures(argv[1], language);
        }
    } catch (const std::exception& e) {
        std::cerr << "zorgsim_report_tool: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
