// Runs independent replications on several threads and hands their results to a fold
// function strictly in replication order, so that aggregates are byte-identical whatever the
// thread count. At most `window` results wait for their turn, so memory does not grow with
// the number of replications.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace zorgsim {

/// Thrown by run_replications when its stop flag was raised (e.g. by Ctrl-C).
struct Interrupted : std::runtime_error {
    Interrupted() : std::runtime_error("interrupted") {}
};

struct ReplicationOptions {
    std::size_t count = 1;
    unsigned threads = 1;
    const std::atomic<bool>* stop = nullptr;        ///< raised: finish no more replications
    std::function<void(std::size_t done)> progress; ///< called after each fold, in order
};

/// `simulate(r)` runs replication r (on any thread); `fold(r, result)` consumes it, called
/// for r = 0, 1, 2, ... in that order, one at a time.
template <class Result>
void run_replications(const ReplicationOptions& options,
                      const std::function<Result(std::size_t)>& simulate,
                      const std::function<void(std::size_t, Result&&)>& fold) {
    const unsigned threads = std::max(1u, options.threads);
    const std::size_t window = 2 * static_cast<std::size_t>(threads);
    std::mutex mutex;
    std::condition_variable turn;
    std::map<std::size_t, Result> ready;
    std::size_t next_to_start = 0;
    std::size_t next_to_fold = 0;
    std::exception_ptr failure;
    bool interrupted = false;

    auto stopping = [&] {
        return failure || interrupted ||
               (options.stop && options.stop->load(std::memory_order_relaxed));
    };

    auto worker = [&] {
        for (;;) {
            std::size_t r;
            {
                std::unique_lock lock(mutex);
                turn.wait(lock, [&] {
                    return stopping() || next_to_start >= options.count ||
                           next_to_start < next_to_fold + window;
                });
                if (options.stop && options.stop->load(std::memory_order_relaxed))
                    interrupted = true;
                if (stopping() || next_to_start >= options.count) {
                    turn.notify_all();
                    return;
                }
                r = next_to_start++;
            }
            try {
                Result result = simulate(r);
                std::unique_lock lock(mutex);
                ready.emplace(r, std::move(result));
                while (!failure && !ready.empty() && ready.begin()->first == next_to_fold) {
                    auto node = ready.extract(ready.begin());
                    fold(next_to_fold, std::move(node.mapped()));
                    ++next_to_fold;
                    if (options.progress)
                        options.progress(next_to_fold);
                }
            } catch (...) {
                std::unique_lock lock(mutex);
                if (!failure)
                    failure = std::current_exception();
            }
            turn.notify_all();
        }
    };

    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (unsigned i = 0; i < threads; ++i)
            pool.emplace_back(worker);
        for (auto& t : pool)
            t.join();
    }
    if (failure)
        std::rethrow_exception(failure);
    if (interrupted || next_to_fold < options.count)
        throw Interrupted();
}

} // namespace zorgsim
