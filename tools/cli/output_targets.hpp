// Opening what a command writes to, before anything runs: the results folder (locked, checked,
// staged; docs/output-format.md) and the --trace target. Their failures are bad input (exit 2).
#pragma once

#include <optional>
#include <string>

#include "common.hpp"
#include "output/output_folder.hpp"
#include "output/trace_file.hpp"

namespace zorgsim::cli {

/// Opens the results folder of a command (--out, or results/NAME) into FOLDER. Throws BadInput
/// when it cannot be written, is a system folder or another process is writing it.
output::OutputFolder& open_output_folder(std::optional<output::OutputFolder>& folder,
                                         const CommonOptions& options, const std::string& name);

/// Opens the --trace target TARGET into TRACE; throws BadInput when it cannot be written.
output::TraceFile& open_trace(std::optional<output::TraceFile>& trace, const std::string& target);

/// Throws Interrupted if Ctrl-C (or SIGTERM) came in: called before the results are moved into
/// place, so that an interrupt while writing still leaves the old folder as it was.
void stop_if_interrupted();

} // namespace zorgsim::cli
