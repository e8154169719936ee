// A progress line on standard error (replications done, time left), only when standard
// error is a terminal and --quiet was not given.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace zorgsim::cli {

class Progress {
  public:
    Progress(std::string label, std::size_t total, bool enabled);
    ~Progress();
    void update(std::size_t done);
    void finish();

  private:
    std::string label_;
    std::size_t total_;
    bool enabled_;
    bool finished_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

/// True when progress should be drawn: standard error is a terminal and not --quiet.
bool progress_wanted(bool quiet);

} // namespace zorgsim::cli
