// Collects the diagnostics of one load, so that conversion can go on after a mistake and
// report every one of them.
#pragma once

#include <string>
#include <vector>

#include "load.hpp"

namespace zorgsim::scenario {

/// Where a YAML node (or a map key) was written: 1-based line and column in a file.
struct Position {
    std::string file;
    int line = 1;
    int column = 1;
};

/// The file name under which --set overrides are reported.
inline constexpr const char* command_line = "<command line>";

class Diagnostics {
  public:
    void error(const Position& at, std::string message);
    void warning(const Position& at, std::string message);

    std::size_t error_count() const { return errors_; }
    bool has_errors() const { return errors_ > 0; }

    /// The diagnostics, grouped by file (in order of first mention) and sorted by position.
    std::vector<Diagnostic> sorted() const;

  private:
    std::vector<Diagnostic> list_;
    std::size_t errors_ = 0;
};

} // namespace zorgsim::scenario
