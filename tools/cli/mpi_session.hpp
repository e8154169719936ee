// The MPI side of the command line, only in -DZORGSIM_MPI=ON builds (docs/cluster.md):
// MPI_Init and MPI_Finalize around the command, the backend that spreads replications over
// the ranks, and silence on every rank but 0, so that an MPI job prints and writes what a
// single process would.
#pragma once

#include <memory>

#include "common.hpp"
#include "experiment/mpi_backend.hpp"

namespace zorgsim::cli {

class MpiSession {
  public:
    /// Initializes MPI (threads: funneled, only this thread calls MPI). On ranks other than
    /// 0, standard output and error go to /dev/null from here on.
    MpiSession(int& argc, char**& argv);
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;
    ~MpiSession(); ///< MPI_Finalize

    /// This rank in the job; refers to the session, which must outlive it.
    Cluster cluster();

  private:
    void on_writer(const std::function<void()>& step) const;
    [[noreturn]] void abort(int exit_code, const std::string& message) const;

    int rank_ = 0;
    int size_ = 1;
    int saved_stderr_ = -1; ///< the real standard error of a silenced rank
    std::unique_ptr<experiment::MpiBackend> backend_;
};

} // namespace zorgsim::cli
