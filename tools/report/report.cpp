// write_report: the results folder in, report.html out.
#include "report.hpp"

#include "output/atomic_file.hpp"
#include "page.hpp"
#include "results.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace zorgsim::report {

void write_report(const std::filesystem::path& dir, words::Language language) {
    Results results;
    std::string page;
    try {
        results = load_results(dir);
        page = render_page(results, language);
    } catch (const Json::exception& e) {
        // A results file with a field of an unexpected type: say which folder, not just "json".
        throw std::runtime_error(
            fmt::format("{}: unexpected content in the results: {}", dir.string(), e.what()));
    }
    output::write_file_atomically(dir / "report.html", page);
}

} // namespace zorgsim::report
