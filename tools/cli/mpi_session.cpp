#include "mpi_session.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace zorgsim::cli {

MpiSession::MpiSession(int& argc, char**& argv) {
    int provided = MPI_THREAD_SINGLE;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    if (provided < MPI_THREAD_FUNNELED) {
        if (rank_ == 0)
            fmt::print(stderr, "zorgsim: error: this MPI library does not allow threads "
                               "(MPI_THREAD_FUNNELED)\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    if (rank_ != 0) {
        std::fflush(stdout);
        std::fflush(stderr);
        saved_stderr_ = ::dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        if (null >= 0) {
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
            ::close(null);
        }
    }
    backend_ = std::make_unique<experiment::MpiBackend>(MPI_COMM_WORLD);
}

MpiSession::~MpiSession() {
    backend_.reset(); // frees its communicator, which must happen before MPI_Finalize
    MPI_Finalize();
}

Cluster MpiSession::cluster() {
    Cluster cluster;
    cluster.rank = rank_;
    cluster.size = size_;
    // Alone (a plain start, or mpirun -np 1), replications take the single-process path.
    cluster.backend = size_ > 1 ? backend_.get() : nullptr;
    if (size_ > 1) { // alone, everything is as without MPI
        cluster.on_writer = [this](const std::function<void()>& step) { on_writer(step); };
        cluster.abort = [this](int exit_code, const std::string& message) {
            abort(exit_code, message);
        };
    }
    return cluster;
}

void MpiSession::on_writer(const std::function<void()>& step) const {
    // Rank 0 takes the step and broadcasts how it went: 0 done, 1 failed, 2 bad input; then
    // the message. The other ranks throw what rank 0 throws, so every rank ends alike.
    std::uint64_t verdict[2] = {0, 0};
    std::string message;
    std::exception_ptr failure;
    if (rank_ == 0) {
        try {
            step();
        } catch (const BadInput& error) {
            failure = std::current_exception();
            verdict[0] = 2;
            message = error.what();
        } catch (const std::exception& error) {
            failure = std::current_exception();
            verdict[0] = 1;
            message = error.what();
        }
        verdict[1] = message.size();
    }
    MPI_Bcast(verdict, 2, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    message.resize(static_cast<std::size_t>(verdict[1]));
    if (!message.empty())
        MPI_Bcast(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, MPI_COMM_WORLD);
    if (verdict[0] == 2) {
        if (failure)
            std::rethrow_exception(failure);
        throw BadInput(message);
    }
    if (verdict[0] == 1)
        throw experiment::ClusterError(message);
}

void MpiSession::abort(int exit_code, const std::string& message) const {
    // Rank 0 has already said what went wrong; a silenced rank says it on its real stderr.
    if (saved_stderr_ >= 0) {
        const std::string line = fmt::format("zorgsim (rank {}): {}\n", rank_, message);
        [[maybe_unused]] const auto written = ::write(saved_stderr_, line.data(), line.size());
    }
    std::fflush(stdout);
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, exit_code);
    std::_Exit(exit_code); // MPI_Abort does not return; this is in case it does
}

} // namespace zorgsim::cli
