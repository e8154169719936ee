// Replications spread over the processes (ranks) of an MPI job, each rank running its share
// on its own threads. Built only with -DZORGSIM_MPI=ON; see docs/cluster.md.
//
// Replication r belongs to rank r % size. Each rank simulates its own replications in a
// background thread (run_replications with the rank's threads), a bounded number ahead of
// their turn, so memory stays flat. The calling thread then takes r = 0, 1, 2, ... in order:
// the owner broadcasts r's outcomes (a status and length, then the encoded bytes) and every
// rank folds them. So every rank holds the same aggregates, bit for bit, as a single process
// would, and takes the same decisions (sizing chooses its next candidate from results): all
// ranks run the same command in step, and only rank 0 writes.
//
// A failed replication, and an interrupt seen by any rank, travel the same way, so every
// rank stops at the same replication with the same error and no rank waits for ever. Only
// the thread that constructed the backend calls MPI (MPI_THREAD_FUNNELED is enough).
#pragma once

#include <mpi.h>

#include "replication_backend.hpp"

namespace zorgsim::experiment {

class MpiBackend final : public ReplicationBackend {
  public:
    /// Works on a duplicate of `communicator`, so that its messages meet no others. MPI must
    /// be initialized; destroy the backend before MPI_Finalize.
    explicit MpiBackend(MPI_Comm communicator);
    MpiBackend(const MpiBackend&) = delete;
    MpiBackend& operator=(const MpiBackend&) = delete;
    ~MpiBackend() override;

    int rank() const { return rank_; }
    int size() const { return size_; }

    void run(const ReplicationOptions& options,
             const std::function<Outcomes(std::size_t)>& simulate,
             const std::function<void(std::size_t, Outcomes&&)>& fold) override;

  private:
    /// MPI_Ibcast, then waits for it without spinning a core that the rank's simulation
    /// threads need (a blocking MPI_Bcast busy-polls under Open MPI).
    void broadcast(void* data, std::size_t bytes, int root) const;

    MPI_Comm communicator_ = MPI_COMM_NULL;
    int rank_ = 0;
    int size_ = 1;
};

} // namespace zorgsim::experiment
