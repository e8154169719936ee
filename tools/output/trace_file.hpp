// Where --trace writes: a regular file (or a new one) is written next to itself and renamed into
// place when the run is done, so it is whole or absent; anything else (a device such as
// /dev/null, a FIFO, a symlink) is opened and written as it is, never replaced by a file; "-" is
// standard output, streamed while the run goes.
#pragma once

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

namespace zorgsim::output {

/// The trace target cannot be written (bad input, exit 2, found before anything runs).
struct TraceError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class TraceFile {
  public:
    explicit TraceFile(const std::string& target);
    TraceFile(const TraceFile&) = delete;
    TraceFile& operator=(const TraceFile&) = delete;
    /// Without commit(), the temporary file of a regular target is removed: no trace is left.
    ~TraceFile();

    std::ostream& stream() { return to_stdout_ ? std::cout : file_; }
    /// Flushes the trace and checks that all of it was written (a full disk, /dev/full, a closed
    /// standard output); throws TraceError "cannot write the trace to PATH: REASON". Called before
    /// the results folder is committed, so that a failed trace commits nothing.
    void finish();
    /// Puts the trace in place: finish(), then renames the temporary file onto a regular target.
    void commit();

  private:
    std::string target_;
    bool to_stdout_ = false;
    std::filesystem::path temporary_; ///< empty: written directly to the target
    std::ofstream file_;
    bool finished_ = false;
};

} // namespace zorgsim::output
