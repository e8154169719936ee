// Where the replications of an experiment run. Without a backend (the default) they run on
// this process's threads (run_replications); a backend can spread them further, e.g. over the
// processes of an MPI job (mpi_backend.hpp). Whatever the backend, results must reach `fold`
// in replication order and be the ones simulate() returns, so that outputs stay byte-identical.
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <vector>

#include "zorgsim/engine/replications.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::experiment {

/// What one replication yields: one outcome per scenario (several when compared under
/// common random numbers).
using Outcomes = std::vector<care::ReplicationOutcome>;

/// An error that every process of a job knows of (a replication that failed on one of them,
/// whose message was sent to all): thrown on all of them alike, so that they end together.
struct ClusterError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ReplicationBackend {
  public:
    virtual ~ReplicationBackend() = default;

    /// As run_replications: `simulate(r)` runs replication r (anywhere, on any thread) and
    /// `fold(r, outcomes)` is called for r = 0, 1, ..., options.count - 1 in that order, on
    /// the calling thread. Throws Interrupted when options.stop was raised (on any process),
    /// ClusterError when a replication threw.
    virtual void run(const ReplicationOptions& options,
                     const std::function<Outcomes(std::size_t)>& simulate,
                     const std::function<void(std::size_t, Outcomes&&)>& fold) = 0;
};

} // namespace zorgsim::experiment
