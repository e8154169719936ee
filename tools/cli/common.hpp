// What every zorgsim command shares: the common options, loading scenarios with their
// diagnostics, and the exit codes of the contract.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/runner.hpp"
#include "folders/folders.hpp"
#include "scenario/load.hpp"
#include "words/words.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::cli {

enum ExitCode : int { success = 0, internal_error = 1, bad_input = 2, interrupted = 130 };

/// Bad input: usage, an invalid scenario, an impossible target. Exit code 2; the message
/// (if any) is printed as "zorgsim: error: MESSAGE".
struct BadInput : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The processes a command runs on: this one alone, or one rank of an MPI job in which every
/// rank runs the same command in step, on the same input (docs/cluster.md).
struct Cluster {
    int rank = 0;
    int size = 1;
    experiment::ReplicationBackend* backend = nullptr; ///< null: this process's threads
    /// Runs a step that only rank 0 takes (making the output folder, opening the trace) and
    /// tells every rank how it went: its error is thrown on every rank alike (BadInput, or
    /// experiment::ClusterError), so that all end together. Empty when alone.
    std::function<void(const std::function<void()>& step)> on_writer;
    /// Ends the whole job with this exit code after an error that only this process met (the
    /// others would wait for it for ever), reporting it even from a silent rank. Empty when
    /// alone.
    std::function<void(int exit_code, const std::string& message)> abort;
    bool writes_output() const { return rank == 0; }
};

struct CommonOptions {
    std::optional<std::size_t> replications;
    std::optional<std::uint64_t> seed;
    unsigned threads = 0; ///< 0: all cores
    std::string out;
    bool quiet = false;
    words::Language language = words::Language::nl; ///< --lang: of results.xlsx
    bool keep_replications = false;                 ///< also write replications.csv
    std::vector<std::string> sets;                  ///< PATH=VALUE overrides
    const Cluster* cluster = nullptr; ///< not an option: set by main; null: this process alone
    /// --max-youths: youths alive at once per replication (default: care::RunLimits).
    std::optional<std::uint64_t> max_youths;
};

/// Whether this process writes the output and prints (in an MPI job only rank 0 does).
bool writes_output(const CommonOptions& options);
/// Runs `step` (making the output folder, opening files) on the process that writes; in an
/// MPI job its failure there ends every rank alike.
void on_writer(const CommonOptions& options, const std::function<void()>& step);

/// Parses "PATH=VALUE" items of --set.
std::vector<scenario::Override> parse_overrides(const std::vector<std::string>& sets);

/// Loads a scenario file (or the embedded default when `file` is empty), printing every
/// diagnostic on standard error; throws BadInput if there was an error.
care::Scenario load_scenario(const std::optional<std::filesystem::path>& file,
                             const std::vector<scenario::Override>& overrides, bool quiet);

/// The replications, seed and threads to use: options first, then the scenario's defaults.
/// `scenarios`: how many scenarios of this size run together (compare), for the memory check
/// (experiment::result_memory_refusal).
experiment::RunOptions run_options(const CommonOptions& options, const care::Scenario& scenario,
                                   std::size_t scenarios = 1);
/// The options of the results folder: --lang, --keep-replications.
folders::FolderOptions folder_options(const CommonOptions& options);

/// --out, or results/<name>/.
std::filesystem::path output_dir(const CommonOptions& options, const std::string& name);

/// The embedded Westfriesland baseline (scenarios/westfriesland-baseline.yaml).
std::string_view default_scenario_text();
inline constexpr const char* default_scenario_name = "westfriesland-baseline.yaml";

} // namespace zorgsim::cli
