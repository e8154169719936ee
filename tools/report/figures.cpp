// write_figures: every chart of the report as SVG (made by the page's own spec builders and drawn
// by Vega, both in Node.js) and PNG (converted by rsvg-convert), into DIR/figures/.
#include "report.hpp"

#include "assets.hpp"
#include "data.hpp"
#include "output/atomic_file.hpp"
#include "results.hpp"
#include "subprocess.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

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

void write_figures(const fs::path& dir, words::Language language) {
    // DIR/figures must be a folder of DIR itself: a symlink (or a file) there would have the
    // figures written, and old ones replaced, somewhere outside the results folder.
    {
        std::error_code error;
        const auto type = fs::symlink_status(dir / "figures", error).type();
        if (type == fs::file_type::symlink)
            throw std::runtime_error(fmt::format(
                "{}: refusing to write figures: figures is a symlink, not a folder of {}",
                (dir / "figures").string(), dir.string()));
        if (type != fs::file_type::not_found && type != fs::file_type::directory)
            throw std::runtime_error(fmt::format(
                "{}: refusing to write figures: it is not a folder", (dir / "figures").string()));
    }
    Results results = load_results(dir);
    std::string data;
    try {
        data = report_data(results, language).dump(-1, ' ', false, Json::error_handler_t::replace);
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
    output::write_file_atomically(work / "report.js", assets::report_js());
    output::write_file_atomically(work / "flows.js", assets::flows_js());
    output::write_file_atomically(work / "backtest.js", assets::backtest_js());
    output::write_file_atomically(work / "internmap.min.js", assets::internmap_js());
    output::write_file_atomically(work / "d3-array.min.js", assets::d3_array_js());
    output::write_file_atomically(work / "d3-path.min.js", assets::d3_path_js());
    output::write_file_atomically(work / "d3-shape.min.js", assets::d3_shape_js());
    output::write_file_atomically(work / "d3-sankey.min.js", assets::d3_sankey_js());
    output::write_file_atomically(work / "vega.min.js", assets::vega_js());
    output::write_file_atomically(work / "vega-lite.min.js", assets::vega_lite_js());
    output::write_file_atomically(work / "data.json", data);
    const auto drawn = work / "drawn";
    fs::create_directory(drawn);

    // The page script's own spec builders make the charts, so a figure is exactly its chart.
    check(run_program(
              node,
              {(work / "figures.cjs").string(), (work / "data.json").string(), drawn.string()},
              work / "node.log"),
          "drawing the figures with Node.js");
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(drawn)) {
        if (entry.path().extension() == ".svg") {
            ids.push_back(entry.path().stem().string());
        }
    }
    std::sort(ids.begin(), ids.end());
    for (const auto& id : ids) {
        const auto svg = drawn / (id + ".svg");
        const auto png = drawn / (id + ".png");
        // Twice the size in pixels: sharp on slides and high-density screens.
        check(run_program(rsvg,
                          {"--zoom=2", "--background-color=white", "--output=" + png.string(),
                           svg.string()},
                          work / "rsvg.log"),
              fmt::format("converting {} to PNG with rsvg-convert", svg.filename().string()));
    }

    const auto figures = dir / "figures";
    fs::create_directory(figures);
    if (fs::symlink_status(figures).type() != fs::file_type::directory)
        throw std::runtime_error(
            fmt::format("{}: refusing to write figures: not a folder", figures.string()));
    // The results folder's manifest lists the figures too, so that the next command into the
    // folder removes them (and only them) with the rest of this run. A folder of an older
    // version keeps no manifest: none is started here (its figures then stay, as the user's).
    const auto manifest_path = dir / ".zorgsim-manifest";
    if (fs::symlink_status(manifest_path).type() == fs::file_type::regular) {
        std::vector<std::string> manifest;
        std::ifstream in(manifest_path);
        for (std::string line; std::getline(in, line);)
            if (!line.empty())
                manifest.push_back(line);
        for (const auto& id : ids)
            for (const char* extension : {".svg", ".png"})
                if (const auto line = "figures/" + id + extension;
                    std::find(manifest.begin(), manifest.end(), line) == manifest.end())
                    manifest.push_back(line);
        std::string listed;
        for (const auto& line : manifest)
            listed += line + "\n";
        output::write_file_atomically(manifest_path, listed);
    }
    for (const auto& id : ids) {
        for (const char* extension : {".svg", ".png"}) {
            fs::rename(drawn / (id + extension), figures / (id + extension));
        }
    }
}

} // namespace zorgsim::report
