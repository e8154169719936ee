// write_figures: every chart of the report as SVG (drawn by Vega in Node.js, from the very specs
// the page uses) and PNG (converted by rsvg-convert), into DIR/figures/.
#include "report.hpp"

#include "assets.hpp"
#include "charts.hpp"
#include "output/atomic_file.hpp"
#include "results.hpp"
#include "subprocess.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

namespace fs = std::filesystem;

// A folder that is removed with everything in it when the figures are done or have failed.
class ScratchFolder {
  public:
    explicit ScratchFolder(const fs::path& parent) {
        auto pattern = (parent / ".figures-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error(
                fmt::format("{}: cannot make a scratch folder", parent.string()));
        }
        path_ = pattern;
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    ~ScratchFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

fs::path require_program(const char* variable, const std::vector<std::string>& names,
                         const char* what) {
    if (auto program = find_program(variable, names)) {
        return *program;
    }
    throw std::runtime_error(fmt::format("writing figures needs {}: {} is not on the PATH (or set "
                                         "${} to the program)",
                                         what, names.front(), variable));
}

void check(const ProcessResult& result, const std::string& what) {
    if (result.exit_code != 0) {
        throw std::runtime_error(
            fmt::format("{} failed (exit code {}): {}", what, result.exit_code, result.output));
    }
}

} // namespace

void write_figures(const fs::path& dir) {
    Results results = load_results(dir);
    ReportCharts charts;
    try {
        charts = build_charts(results);
    } catch (const Json::exception& e) {
        throw std::runtime_error(
            fmt::format("{}: unexpected content in the results: {}", dir.string(), e.what()));
    }
    const auto node =
        require_program("ZORGSIM_NODE", {"node", "nodejs"}, "Node.js (Debian package nodejs)");
    const auto rsvg = require_program("ZORGSIM_RSVG_CONVERT", {"rsvg-convert"},
                                      "rsvg-convert (Debian package librsvg2-bin)");

    // Everything is made in a scratch folder inside DIR, then renamed into DIR/figures: same file
    // system, so each figure appears whole or not at all.
    const ScratchFolder scratch(dir);
    const auto& work = scratch.path();
    output::write_file_atomically(work / "figures.cjs", assets::figures_cjs());
    output::write_file_atomically(work / "vega.min.js", assets::vega_js());
    output::write_file_atomically(work / "vega-lite.min.js", assets::vega_lite_js());
    Json chart_list = Json::array();
    for (const auto* chart : charts.all()) {
        chart_list.push_back({{"id", chart->id}, {"spec", chart->spec}});
    }
    output::write_file_atomically(work / "charts.json", chart_list.dump());
    const auto drawn = work / "drawn";
    fs::create_directory(drawn);

    check(run_program(
              node,
              {(work / "figures.cjs").string(), (work / "charts.json").string(), drawn.string()},
              work / "node.log"),
          "drawing the figures with Node.js");
    for (const auto* chart : charts.all()) {
        const auto svg = drawn / (chart->id + ".svg");
        const auto png = drawn / (chart->id + ".png");
        // Twice the size in pixels: sharp on slides and high-density screens.
        check(run_program(rsvg,
                          {"--zoom=2", "--background-color=white", "--output=" + png.string(),
                           svg.string()},
                          work / "rsvg.log"),
              fmt::format("converting {} to PNG with rsvg-convert", svg.filename().string()));
    }

    const auto figures = dir / "figures";
    fs::create_directories(figures);
    for (const auto* chart : charts.all()) {
        for (const char* extension : {".svg", ".png"}) {
            fs::rename(drawn / (chart->id + extension), figures / (chart->id + extension));
        }
    }
}

} // namespace zorgsim::report
