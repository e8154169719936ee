// The exception that ends work which was asked to stop (Ctrl-C, SIGTERM): thrown by a
// Simulation whose stop flag was raised and by run_replications, so that whoever started the
// work can unwind and leave nothing half-written behind.
#pragma once

#include <stdexcept>

namespace zorgsim {

struct Interrupted : std::runtime_error {
    Interrupted() : std::runtime_error("interrupted") {}
};

} // namespace zorgsim
