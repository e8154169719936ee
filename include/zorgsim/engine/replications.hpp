// Runs independent replications on several threads and hands their results to a fold
// function strictly in replication order, so that aggregates are byte-identical whatever the
// thread count. At most `window` results wait for their turn, so memory does not grow with
// the number of replications.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "zorgsim/engine/interrupted.hpp"

namespace zorgsim {

struct ReplicationOptions {
    std::size_t count = 1;
    unsigned threads = 1;
    const std::atomic<bool>* stop = nullptr;        ///< raised: finish no more replications
    std::function<void(std::size_t done)> progress; ///< called after each fold, in order
    /// Starts one worker thread (empty: std::thread). Tests make it fail as a process limit
    /// would, with std::system_error.
    std::function<std::thread(std::function<void()>)> start_thread;
};

/// The workers that run_replications uses: `threads`, but never more than there are
/// replications (at least one).
inline unsigned worker_count(const ReplicationOptions& options) {
    const std::size_t wanted = std::max(1u, options.threads);
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min(wanted, options.count)));
}

/// `simulate(r)` runs replication r (on any thread); `fold(r, result)` consumes it, called
/// for r = 0, 1, 2, ... in that order, one at a time.
template <class Result>
void run_replications(const ReplicationOptions& options,
                      const std::function<Result(std::size_t)>& simulate,
                      const std::function<void(std::size_t, Result&&)>& fold) {
    const unsigned threads = worker_count(options);
    const std::size_t window = 2 * static_cast<std::size_t>(threads);
    std::mutex mutex;
    std::condition_variable turn;
    std::map<std::size_t, Result> ready;
    std::size_t next_to_start = 0;
    std::size_t next_to_fold = 0;
    // The failure of the lowest-numbered replication that failed, whatever the thread count:
    // after a failure no later replication starts, but the earlier ones (all started, since
    // replications start in order) run to their end, and an earlier failure replaces it.
    std::exception_ptr failure;
    std::size_t failed_replication = 0;
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
                if (!failure || r < failed_replication) {
                    failure = std::current_exception();
                    failed_replication = r;
                }
            }
            turn.notify_all();
        }
    };

    if (threads == 1) {
        worker();
    } else {
        // A thread that cannot be started (a process limit in a container) is no error: the
        // ones that did start share the work, and this thread joins them. Results do not
        // depend on how many run.
        std::vector<std::thread> pool;
        pool.reserve(threads);
        try {
            for (unsigned i = 0; i < threads; ++i)
                pool.push_back(options.start_thread ? options.start_thread(worker)
                                                    : std::thread(worker));
        } catch (const std::system_error&) {
        } catch (const std::bad_alloc&) {
        }
        if (pool.size() < threads)
            worker();
        for (auto& t : pool)
            t.join();
    }
    if (failure)
        std::rethrow_exception(failure);
    if (interrupted || next_to_fold < options.count)
        throw Interrupted();
}

} // namespace zorgsim
