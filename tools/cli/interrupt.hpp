// Ctrl-C: the first SIGINT, SIGTERM, SIGHUP or SIGPIPE raises a flag that the replications in
// flight look at every thousand or so events, so they stop within a fraction of a second; the
// command then reports the interruption (exit 130) and leaves no output behind.
#pragma once

#include <atomic>

namespace zorgsim::cli {

void install_interrupt_handler();
const std::atomic<bool>& interrupt_requested();

} // namespace zorgsim::cli
