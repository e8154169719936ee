#include "interrupt.hpp"

#include <csignal>

namespace zorgsim::cli {

namespace {
std::atomic<bool> requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
extern "C" void on_signal(int) {
    requested.store(true);
}
} // namespace

void install_interrupt_handler() {
    // sigaction, not signal(): the handler stays installed after the first signal, and slow
    // system calls are restarted rather than failing with EINTR in the middle of a write.
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // A closed terminal, or a reader that went away (`--trace - | head`), ends the run the same
    // way instead of killing the process in the middle of a write: staging removed, exit 130.
    sigaction(SIGHUP, &action, nullptr);
    sigaction(SIGPIPE, &action, nullptr);
    // The other signals whose default is to end the process (SIGQUIT, a stray kill -USR1, an
    // alarm, a CPU limit reached) end it the same way too, instead of leaving the staging folder
    // and the lock behind (docs/limits.md, "Signals").
    for (const int signal : {SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU})
        sigaction(signal, &action, nullptr);
}

const std::atomic<bool>& interrupt_requested() {
    return requested;
}

} // namespace zorgsim::cli
