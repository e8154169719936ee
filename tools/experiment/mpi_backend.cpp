#include "mpi_backend.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "outcome_codec.hpp"
#include "zorgsim/model/care_model.hpp"

namespace zorgsim::experiment {

namespace {

/// What the owner of a replication tells the other ranks about it.
enum class Status : std::uint64_t {
    outcomes = 0,
    failed = 1,
    interrupted = 2,
    zero_time_loop = 3, ///< care::ScenarioFault: the scenario's fault, exit 2 on every rank
    too_many_youths = 4
};

struct Header {
    Status status = Status::outcomes;
    std::uint64_t length = 0; ///< bytes that follow: the encoded outcomes, or the error message
};

/// Thrown inside the producer when the calling thread no longer takes its results.
struct Abandoned {};

/// This rank's own replications, in their order, from the background thread that simulates
/// them to the calling thread that broadcasts them. Bounded: the producer waits when full.
class OwnQueue {
  public:
    explicit OwnQueue(std::size_t capacity) : capacity_(capacity) {}

    void push(Outcomes&& outcomes) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return abandoned_ || items_.size() < capacity_; });
        if (abandoned_)
            throw Abandoned{};
        items_.push_back(std::move(outcomes));
        changed_.notify_all();
    }
    void finish(Status how, std::string error = {}) {
        std::unique_lock lock(mutex_);
        finished_ = true;
        end_ = how;
        error_ = std::move(error);
        changed_.notify_all();
    }
    void abandon() {
        std::unique_lock lock(mutex_);
        abandoned_ = true;
        changed_.notify_all();
    }

    /// The next replication's outcomes; or, once the producer has ended without them, why.
    struct Next {
        std::optional<Outcomes> outcomes;
        Status end = Status::outcomes;
        std::string error;
    };
    Next pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !items_.empty() || finished_; });
        Next next;
        if (!items_.empty()) {
            next.outcomes = std::move(items_.front());
            items_.pop_front();
            changed_.notify_all();
            return next;
        }
        // Ended normally with nothing left: it produced fewer than its share, a bug.
        next.end = end_ == Status::outcomes ? Status::failed : end_;
        next.error = end_ == Status::outcomes ? "a rank ran out of replications" : error_;
        return next;
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Outcomes> items_;
    std::size_t capacity_;
    bool finished_ = false;
    bool abandoned_ = false;
    Status end_ = Status::outcomes;
    std::string error_;
};

} // namespace

MpiBackend::MpiBackend(MPI_Comm communicator) {
    MPI_Comm_dup(communicator, &communicator_);
    MPI_Comm_rank(communicator_, &rank_);
    MPI_Comm_size(communicator_, &size_);
}

MpiBackend::~MpiBackend() {
    if (communicator_ != MPI_COMM_NULL)
        MPI_Comm_free(&communicator_);
}

void MpiBackend::broadcast(void* data, std::size_t bytes, int root) const {
    constexpr std::size_t chunk = INT_MAX / 2;
    auto* at = static_cast<unsigned char*>(data);
    for (std::size_t done = 0; done < bytes;) {
        const std::size_t n = std::min(chunk, bytes - done);
        MPI_Request request;
        MPI_Ibcast(at + done, static_cast<int>(n), MPI_BYTE, root, communicator_, &request);
        // Poll briefly, then back off to sleeps of at most a millisecond: a replication takes
        // far longer, and the rank's simulation threads keep the cores.
        auto pause = std::chrono::microseconds(1);
        for (int polls = 0;; ++polls) {
            int complete = 0;
            MPI_Test(&request, &complete, MPI_STATUS_IGNORE);
            if (complete)
                break;
            if (polls >= 64) {
                std::this_thread::sleep_for(pause);
                pause = std::min(pause * 2, std::chrono::microseconds(1000));
            }
        }
        done += n;
    }
}

void MpiBackend::run(const ReplicationOptions& options,
                     const std::function<Outcomes(std::size_t)>& simulate,
                     const std::function<void(std::size_t, Outcomes&&)>& fold) {
    const auto rank = static_cast<std::size_t>(rank_);
    const auto size = static_cast<std::size_t>(size_);
    const std::size_t own_count =
        rank < options.count ? (options.count - rank + size - 1) / size : 0;
    const unsigned threads = std::max(1u, options.threads);
    // Lookahead: how many of its own replications a rank may finish before their turn. More
    // than run_replications' window, to ride out a rank that is briefly slower than the rest
    // (a few tens of kilobytes each).
    OwnQueue own(std::max<std::size_t>(8, 4 * static_cast<std::size_t>(threads)));

    std::thread producer;
    if (own_count > 0)
        producer = std::thread([&] {
            ReplicationOptions local;
            local.count = own_count;
            local.threads = threads;
            local.stop = options.stop;
            try {
                run_replications<Outcomes>(
                    local, [&](std::size_t k) { return simulate(rank + k * size); },
                    [&](std::size_t, Outcomes&& outcomes) { own.push(std::move(outcomes)); });
                own.finish(Status::outcomes);
            } catch (const Interrupted&) {
                own.finish(Status::interrupted);
            } catch (const care::ScenarioFault& fault) {
                own.finish(fault.limit == care::ScenarioFault::Limit::youths
                               ? Status::too_many_youths
                               : Status::zero_time_loop,
                           fault.what());
            } catch (const Abandoned&) {
                own.finish(Status::failed, "abandoned");
            } catch (const std::exception& error) {
                own.finish(Status::failed, error.what());
            } catch (...) {
                own.finish(Status::failed, "unknown error");
            }
        });
    // However this ends, the producer stops taking new work and is joined (its replications
    // in flight finish first).
    struct JoinProducer {
        OwnQueue& own;
        std::thread& producer;
        ~JoinProducer() {
            own.abandon();
            if (producer.joinable())
                producer.join();
        }
    } join_producer{own, producer};

    std::vector<std::byte> bytes;
    for (std::size_t r = 0; r < options.count; ++r) {
        const int owner = static_cast<int>(r % size);
        Header header;
        std::optional<Outcomes> mine;
        if (owner == rank_) {
            OwnQueue::Next next = own.pop();
            if (next.outcomes) {
                bytes = encode_outcomes(*next.outcomes);
                mine = std::move(next.outcomes);
            } else {
                header.status = next.end;
                // A scenario fault's message already names its replication.
                const bool fault =
                    next.end == Status::zero_time_loop || next.end == Status::too_many_youths;
                const std::string message =
                    fault ? next.error
                          : fmt::format("replication {} (on rank {}): {}", r, rank_, next.error);
                bytes.assign(reinterpret_cast<const std::byte*>(message.data()),
                             reinterpret_cast<const std::byte*>(message.data() + message.size()));
            }
            header.length = bytes.size();
        }
        broadcast(&header, sizeof header, owner);
        if (owner != rank_)
            bytes.resize(static_cast<std::size_t>(header.length));
        if (header.length > 0)
            broadcast(bytes.data(), bytes.size(), owner);

        switch (header.status) {
        case Status::outcomes:
            fold(r, mine ? std::move(*mine) : decode_outcomes(bytes));
            if (options.progress)
                options.progress(r + 1);
            break;
        case Status::interrupted:
            throw Interrupted();
        case Status::zero_time_loop:
        case Status::too_many_youths:
            throw care::ScenarioFault(
                std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
                header.status == Status::too_many_youths
                    ? care::ScenarioFault::Limit::youths
                    : care::ScenarioFault::Limit::events_per_instant);
        case Status::failed:
        default:
            throw ClusterError(
                std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        }
    }
}

} // namespace zorgsim::experiment
