#include "progress.hpp"

#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

namespace zorgsim::cli {

bool progress_wanted(bool quiet) {
    return !quiet && ::isatty(STDERR_FILENO);
}

Progress::Progress(std::string label, std::size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

Progress::~Progress() {
    if (enabled_ && !finished_)
        std::fputs("\n", stderr);
}

void Progress::update(std::size_t done) {
    if (!enabled_)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100))
        return;
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double left =
        done ? elapsed * static_cast<double>(total_ - done) / static_cast<double>(done) : 0.0;
    constexpr int width = 30;
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    fmt::print(stderr, "\r{} [{:<{}}] {}/{} replications, {:.1f} s left  ", label_,
               std::string(static_cast<std::size_t>(filled), '#'), width, done, total_, left);
    std::fflush(stderr);
}

void Progress::finish() {
    if (enabled_ && !finished_) {
        std::fputs("\n", stderr);
        finished_ = true;
    }
}

} // namespace zorgsim::cli
