// Specification of the replication runner: results reach the fold strictly in replication
// order, one at a time, so aggregates do not depend on the thread count; a raised stop flag
// ends the run with Interrupted; a failure in any replication is rethrown.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "zorgsim/engine/random.hpp"
#include "zorgsim/engine/replications.hpp"

using zorgsim::ReplicationOptions;
using zorgsim::run_replications;

namespace {

/// A replication whose result depends on its number only, and whose duration varies so that
/// threads finish out of order.
std::vector<std::uint64_t> simulate(std::size_t replication) {
    zorgsim::RandomStream stream(1, replication, "replication-test");
    std::vector<std::uint64_t> draws;
    const auto n = 1000 + (replication * 7919) % 20000;
    for (std::size_t i = 0; i < n; ++i)
        draws.push_back(stream.engine()());
    return draws;
}

struct Folded {
    std::vector<std::size_t> order;
    std::vector<std::vector<std::uint64_t>> results;
    std::vector<std::size_t> progress;
    bool overlapped = false; ///< two folds ever ran at the same time
};

Folded run(unsigned threads, std::size_t count) {
    Folded folded;
    ReplicationOptions options;
    options.count = count;
    options.threads = threads;
    options.progress = [&](std::size_t done) { folded.progress.push_back(done); };
    // Catch's assertions are not thread-safe: folds only record, the caller checks.
    std::atomic<int> folding{0};
    std::atomic<bool> overlapped{false};
    run_replications<std::vector<std::uint64_t>>(
        options, simulate, [&](std::size_t r, std::vector<std::uint64_t>&& result) {
            if (folding.fetch_add(1) != 0)
                overlapped = true;
            folded.order.push_back(r);
            folded.results.push_back(std::move(result));
            folding.fetch_sub(1);
        });
    folded.overlapped = overlapped;
    return folded;
}

} // namespace

TEST_CASE("fold sees replications 0, 1, 2, ... in order, with identical results for 1, 2 and "
          "4 threads",
          "[replications]") {
    const std::size_t count = 40;
    const Folded one = run(1, count);
    REQUIRE(one.order.size() == count);
    for (std::size_t r = 0; r < count; ++r) {
        CHECK(one.order[r] == r);
        CHECK(one.progress[r] == r + 1);
    }
    for (unsigned threads : {2u, 4u}) {
        CAPTURE(threads);
        const Folded many = run(threads, count);
        CHECK(many.order == one.order);
        CHECK(many.results == one.results);
        CHECK(many.progress == one.progress);
        CHECK_FALSE(many.overlapped);
    }
}

TEST_CASE("More threads than replications, or zero threads, still run every replication once",
          "[replications]") {
    CHECK(run(8, 3).order == std::vector<std::size_t>{0, 1, 2});
    CHECK(run(0, 2).order == std::vector<std::size_t>{0, 1});
    CHECK(run(2, 0).order.empty());
}

TEST_CASE("A stop flag raised before the start runs nothing and throws Interrupted",
          "[replications]") {
    std::atomic<bool> stop{true};
    ReplicationOptions options;
    options.count = 10;
    options.threads = 2;
    options.stop = &stop;
    int folds = 0;
    CHECK_THROWS_AS(run_replications<int>(
                        options, [](std::size_t r) { return static_cast<int>(r); },
                        [&](std::size_t, int&&) { ++folds; }),
                    zorgsim::Interrupted);
    CHECK(folds == 0);
}

TEST_CASE("A stop flag raised during the run ends it with Interrupted after an in-order prefix",
          "[replications]") {
    for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(threads);
        std::atomic<bool> stop{false};
        ReplicationOptions options;
        options.count = 1000;
        options.threads = threads;
        options.stop = &stop;
        std::vector<std::size_t> order;
        CHECK_THROWS_AS(run_replications<int>(
                            options,
                            [](std::size_t r) {
                                std::this_thread::sleep_for(std::chrono::microseconds(200));
                                return static_cast<int>(r);
                            },
                            [&](std::size_t r, int&&) {
                                order.push_back(r);
                                if (r == 5)
                                    stop = true;
                            }),
                        zorgsim::Interrupted);
        REQUIRE(order.size() >= 6);
        CHECK(order.size() < 1000);
        for (std::size_t i = 0; i < order.size(); ++i)
            CHECK(order[i] == i);
    }
}

TEST_CASE("An exception in a replication or in the fold reaches the caller unchanged",
          "[replications]") {
    ReplicationOptions options;
    options.count = 20;
    for (unsigned threads : {1u, 3u}) {
        CAPTURE(threads);
        options.threads = threads;
        CHECK_THROWS_WITH(run_replications<int>(
                              options,
                              [](std::size_t r) -> int {
                                  if (r == 7)
                                      throw std::runtime_error("replication 7 failed");
                                  return 0;
                              },
                              [](std::size_t, int&&) {}),
                          "replication 7 failed");
        CHECK_THROWS_WITH(run_replications<int>(
                              options, [](std::size_t) { return 0; },
                              [](std::size_t r, int&&) {
                                  if (r == 3)
                                      throw std::logic_error("fold 3 failed");
                              }),
                          "fold 3 failed");
    }
}

TEST_CASE("When several replications fail, the lowest-numbered failure is reported whatever "
          "the thread count",
          "[replications]") {
    // Replication 1 fails late and 4 fails at once: with threads, 4 fails first in time, yet
    // the error must not depend on the thread count.
    ReplicationOptions options;
    options.count = 12;
    for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(threads);
        options.threads = threads;
        CHECK_THROWS_WITH(run_replications<int>(
                              options,
                              [](std::size_t r) -> int {
                                  if (r == 1) {
                                      std::this_thread::sleep_for(std::chrono::milliseconds(100));
                                      throw std::runtime_error("replication 1 failed");
                                  }
                                  if (r == 4)
                                      throw std::runtime_error("replication 4 failed");
                                  return 0;
                              },
                              [](std::size_t, int&&) {}),
                          "replication 1 failed");
    }
}

namespace {

/// Starts threads like std::thread until `limit` have started, then fails as a process limit
/// (RLIMIT_NPROC, a container's pids limit) would.
struct FailingStarter {
    unsigned limit;
    std::shared_ptr<std::atomic<unsigned>> asked = std::make_shared<std::atomic<unsigned>>(0);
    std::thread operator()(std::function<void()> body) const {
        if (asked->fetch_add(1) >= limit)
            throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                                    "thread creation failed");
        return std::thread(std::move(body));
    }
};

} // namespace

TEST_CASE("No more workers start than there are replications", "[replications][threads]") {
    ReplicationOptions options;
    options.count = 3;
    options.threads = 5000;
    FailingStarter starter{1000};
    options.start_thread = starter;
    std::vector<std::size_t> order;
    run_replications<int>(
        options, [](std::size_t r) { return static_cast<int>(r); },
        [&](std::size_t r, int&&) { order.push_back(r); });
    CHECK(order == std::vector<std::size_t>{0, 1, 2});
    CHECK(*starter.asked == 3);
    CHECK(zorgsim::worker_count(options) == 3);
    options.count = 0;
    CHECK(zorgsim::worker_count(options) == 1);
}

TEST_CASE("A thread that cannot be started leaves the work to those that did and the caller, "
          "with the same results in the same order",
          "[replications][threads]") {
    const std::size_t count = 30;
    const Folded expected = run(1, count);
    for (unsigned started : {0u, 1u, 3u}) {
        CAPTURE(started);
        ReplicationOptions options;
        options.count = count;
        options.threads = 8;
        FailingStarter starter{started};
        options.start_thread = starter;
        std::vector<std::size_t> order;
        std::vector<std::vector<std::uint64_t>> results;
        run_replications<std::vector<std::uint64_t>>(
            options, simulate, [&](std::size_t r, std::vector<std::uint64_t>&& result) {
                order.push_back(r);
                results.push_back(std::move(result));
            });
        CHECK(order == expected.order);
        CHECK(results == expected.results);
        CHECK(*starter.asked == started + 1); // it stops asking after the first failure
    }
}
