// Running a helper program (Node.js, rsvg-convert) without a shell, so that no file name can be
// misread as shell syntax, and finding it on the PATH.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zorgsim::report {

/// The program named by the environment variable OVERRIDE if set, else the first of NAMES found
/// on the PATH; nullopt if none is there.
std::optional<std::filesystem::path> find_program(const char* override_variable,
                                                  const std::vector<std::string>& names);

struct ProcessResult {
    int exit_code = -1; ///< -1 when the program was killed by a signal
    std::string output; ///< what it wrote to standard output and standard error
};

/// Runs PROGRAM with ARGUMENTS and waits for it; its output goes to LOG (and is returned).
/// Throws std::runtime_error if it cannot be started.
ProcessResult run_program(const std::filesystem::path& program,
                          const std::vector<std::string>& arguments,
                          const std::filesystem::path& log);

} // namespace zorgsim::report
