// Collects the diagnostics of one load, so that conversion can go on after a mistake and
// report every one of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "limits.hpp"
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

/// Text from the input as a message shows it: control characters and bytes that are not
/// UTF-8 escaped (\\r, \\x07), and cut after limits::shown_chars characters with "...", so
/// that a message never carries a file's content or raw control characters.
std::string shown(std::string_view text, std::size_t max_chars = limits::shown_chars);

/// Every message passes through this: control characters escaped (a message is one line)
/// and the whole cut at a few thousand bytes, a backstop for text quoted without shown().
std::string one_line(std::string_view message);

class Diagnostics {
  public:
    void error(const Position& at, std::string message);
    void warning(const Position& at, std::string message);
    /// Adds the diagnostics of `other` (e.g. of a file read on its own) after these; with
    /// `last_only`, only its last one (the syntax error that stopped a parse).
    void append(const Diagnostics& other, bool last_only = false);

    std::size_t error_count() const { return errors_; }
    bool has_errors() const { return errors_ > 0; }

    /// The diagnostics, grouped by file (in order of first mention) and sorted by position.
    std::vector<Diagnostic> sorted() const;

  private:
    std::vector<Diagnostic> list_;
    std::size_t errors_ = 0;
};

} // namespace zorgsim::scenario
