// The studio's runs: a queue worked off by one thread, one run at a time with every core, and a
// bounded memory of finished runs whose results folders live in the studio's own temporary
// folder (docs/studio.md, "What the studio keeps").
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "alternative.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::serve {

/// Replication 0 of every scenario, as the animation draws it: per scenario the events in time
/// order, each as (time in days, youth, event, place), with the names of events and places.
struct Animation {
    struct Track {
        std::string scenario;
        std::vector<float> time;
        std::vector<std::uint32_t> youth;
        std::vector<std::uint8_t> event;
        std::vector<std::int16_t> place;
        bool truncated = false;
    };
    std::vector<Track> tracks;
    std::vector<std::string> events; ///< names of the event codes
    std::vector<std::string> places; ///< names of the place codes (service and channel ids)
};

struct Job {
    enum class Status { queued, running, done, failed, cancelled };

    std::string id;
    std::string key; ///< what was asked, for the cache
    std::atomic<Status> status{Status::queued};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::size_t total = 0;

    // What to run
    std::string base;
    std::vector<care::Scenario> scenarios; ///< the base first
    std::vector<Alternative> alternatives;
    RunSettings settings;

    // What it gave (set before status becomes done, read only after)
    std::string message;            ///< why it failed or was cancelled
    std::filesystem::path folder;   ///< runs/ID: results/ and the alternatives' files
    std::string results_name;       ///< the results folder's name (as compare names it)
    std::vector<std::string> files; ///< the files that can be downloaded
    Json result;                    ///< comparison (or summary) and differences
    std::shared_ptr<Animation> animation = std::make_shared<Animation>();
    /// The base's replication 0 when the base's replications came from an earlier run of the
    /// base alone (the comparison then does not simulate them again).
    std::shared_ptr<const Animation> base_animation;
    double seconds = 0.0;

    std::mutex mutex;
    std::chrono::steady_clock::time_point seen; ///< last asked about (a page polling it)

    void touch();
    std::chrono::steady_clock::time_point last_seen();
};

const char* status_name(Job::Status status);

struct JobLimits {
    std::size_t queued = 3;             ///< jobs waiting besides the running one
    std::size_t remembered = 16;        ///< finished jobs (and their folders) kept
    std::chrono::seconds abandoned{60}; ///< a queued or running job nobody asked about is dropped
    unsigned threads = 0;               ///< 0: every core
};

/// Why a job cannot be queued: HTTP 429 (too many waiting) with a message.
struct Busy : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Jobs {
  public:
    Jobs(std::filesystem::path data_dir, JobLimits limits);
    ~Jobs();
    Jobs(const Jobs&) = delete;
    Jobs& operator=(const Jobs&) = delete;

    /// Queues JOB, or returns the finished job that ran the same thing (the cache). Throws Busy.
    std::shared_ptr<Job> submit(std::shared_ptr<Job> job);
    std::shared_ptr<Job> find(const std::string& id);
    /// Cancels a queued or running job; false if it had ended.
    bool cancel(const std::string& id);
    /// Stops the worker: the running job is cancelled, the queue dropped. Idempotent.
    void shutdown();

    const std::filesystem::path& data_dir() const { return data_dir_; }

  private:
    void work();
    void run(Job& job);
    void forget_old();

    std::filesystem::path data_dir_;
    JobLimits limits_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> queue_;
    std::map<std::string, std::shared_ptr<Job>> jobs_;
    std::deque<std::string> finished_; ///< ids, oldest first
    std::shared_ptr<Job> running_;
    /// The replications of the last runs of a base alone, for the comparisons that follow
    /// (the page runs the base first): newest last, at most two.
    struct BaseReplications {
        std::string key; ///< the resolved base, seed and replications
        std::vector<care::ReplicationOutcome> outcomes;
        std::shared_ptr<const Animation> animation;
    };
    std::deque<std::shared_ptr<const BaseReplications>> bases_;
    bool stopping_ = false;
    std::thread worker_;
};

/// A new job id: 32 hexadecimal digits from the system's random source.
std::string new_job_id();

} // namespace zorgsim::serve
