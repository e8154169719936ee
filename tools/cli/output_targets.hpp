// Opening what a command writes to, before anything runs: the results folder (locked, checked,
// staged; docs/output-format.md) and the --trace target. Their failures are bad input (exit 2).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "output/output_folder.hpp"
#include "output/trace_file.hpp"

namespace zorgsim::cli {

/// Opens the results folder of a command (--out, or results/NAME) into FOLDER. Throws BadInput
/// when it cannot be written, is a system folder or another process is writing it.
output::OutputFolder& open_output_folder(std::optional<output::OutputFolder>& folder,
                                         const CommonOptions& options, const std::string& name);

/// Opens the --trace target TARGET into TRACE; throws BadInput when it cannot be written, or when
/// it is a file zorgsim reads or writes: inside the results folder RESULTS, or the same file as
/// one of SCENARIOS (same device and inode, or the same path with symlinks resolved).
output::TraceFile& open_trace(std::optional<output::TraceFile>& trace, const std::string& target,
                              const std::filesystem::path& results,
                              const std::vector<std::filesystem::path>& scenarios);

/// Flushes the trace before the results folder is committed: a trace that cannot be written
/// fully is bad input (exit 2) and nothing is committed.
void finish_trace(std::optional<output::TraceFile>& trace);

/// Throws Interrupted if Ctrl-C (or SIGTERM) came in: called before the results are moved into
/// place, so that an interrupt while writing still leaves the old folder as it was.
void stop_if_interrupted();

} // namespace zorgsim::cli
