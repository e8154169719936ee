// Running a simulation from Python: the work runs on a thread of its own without the GIL,
// while the calling thread keeps the GIL for a moment every 50 ms to check for Ctrl-C
// (PyErr_CheckSignals: a notebook's "interrupt" is SIGINT) and to draw the progress line. A
// signal raises the experiment's stop flag, so the replications in flight end within a
// fraction of a second, and the call raises KeyboardInterrupt.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace zorgsim::python {

/// A progress line on sys.stderr, drawn by the Python thread. Workers only set numbers and queue
/// messages.
class Progress {
  public:
    Progress(std::string label, std::size_t total, bool enabled);
    /// Any thread.
    void set_done(std::size_t done) { done_.store(done, std::memory_order_relaxed); }
    void message(std::string line);
    /// With the GIL: writes what changed since the last draw.
    void draw();
    /// With the GIL: the last draw, and the line ended.
    void finish();
    void disable() { enabled_ = false; }

  private:
    std::string label_;
    std::size_t total_;
    std::atomic<bool> enabled_; ///< read by the workers (message), cleared by the Python thread
    std::atomic<std::size_t> done_{0};
    std::size_t drawn_ = static_cast<std::size_t>(-1);
    bool line_open_ = false;
    std::mutex mutex_;
    std::vector<std::string> messages_;
};

/// Runs `work(stop)` on a thread of its own with the GIL released (call with the GIL held).
/// Raises KeyboardInterrupt (throws pybind11::error_already_set) when a signal handler raised
/// it meanwhile; rethrows what `work` threw otherwise.
void run_interruptibly(const std::function<void(const std::atomic<bool>& stop)>& work,
                       Progress& progress);

} // namespace zorgsim::python
