// Ctrl-C: the first SIGINT or SIGTERM asks the run to stop after the replications in flight;
// the command then reports the interruption and leaves no output behind.
#pragma once

#include <atomic>

namespace zorgsim::cli {

void install_interrupt_handler();
const std::atomic<bool>& interrupt_requested();

} // namespace zorgsim::cli
