// What every zorgsim command shares: the common options, loading scenarios with their
// diagnostics, and the exit codes of the contract.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/runner.hpp"
#include "output/results_json.hpp"
#include "scenario/load.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::cli {

enum ExitCode : int { success = 0, internal_error = 1, bad_input = 2, interrupted = 130 };

/// Bad input: usage, an invalid scenario, an impossible target. Exit code 2; the message
/// (if any) is printed as "zorgsim: error: MESSAGE".
struct BadInput : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CommonOptions {
    std::optional<std::size_t> replications;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0; ///< 0: all cores
    std::string out;
    bool quiet = false;
    std::vector<std::string> sets; ///< PATH=VALUE overrides
};

/// Parses "PATH=VALUE" items of --set.
std::vector<scenario::Override> parse_overrides(const std::vector<std::string>& sets);

/// Loads a scenario file (or the embedded default when `file` is empty), printing every
/// diagnostic on standard error; throws BadInput if there was an error.
care::Scenario load_scenario(const std::optional<std::filesystem::path>& file,
                             const std::vector<scenario::Override>& overrides, bool quiet);

/// The replications, seed and threads to use: options first, then the scenario's defaults.
experiment::RunOptions run_options(const CommonOptions& options, const care::Scenario& scenario);
output::RunInfo run_info(const experiment::RunOptions& options);

/// --out, or results/<name>/.
std::filesystem::path output_dir(const CommonOptions& options, const std::string& name);

/// The embedded Westfriesland baseline (scenarios/westfriesland-baseline.yaml).
std::string_view default_scenario_text();
inline constexpr const char* default_scenario_name = "westfriesland-baseline.yaml";

} // namespace zorgsim::cli
