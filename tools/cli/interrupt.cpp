#include "interrupt.hpp"

#include <csignal>

namespace zorgsim::cli {

namespace {
std::atomic<bool> requested{false};
extern "C" void on_signal(int) {
    requested.store(true);
}
} // namespace

void install_interrupt_handler() {
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
}

const std::atomic<bool>& interrupt_requested() {
    return requested;
}

} // namespace zorgsim::cli
