#include "jobs.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "experiment/runner.hpp"
#include "folders/folders.hpp"
#include "output/output_folder.hpp"
#include "report/report.hpp"
#include "scenario/load.hpp"
#include "zip.hpp"
#include "zorgsim/engine/interrupted.hpp"
#include "zorgsim/model/care_model.hpp"

namespace zorgsim::serve {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* status_name(Job::Status status) {
    switch (status) {
    case Job::Status::queued:
        return "queued";
    case Job::Status::running:
        return "running";
    case Job::Status::done:
        return "done";
    case Job::Status::failed:
        return "failed";
    case Job::Status::cancelled:
        return "cancelled";
    }
    return "failed";
}

void Job::touch() {
    std::lock_guard lock(mutex);
    seen = Clock::now();
}

Clock::time_point Job::last_seen() {
    std::lock_guard lock(mutex);
    return seen;
}

std::string new_job_id() {
    std::random_device random;
    std::string id;
    for (int i = 0; i < 4; ++i)
        id += fmt::format("{:08x}", random());
    return id;
}

namespace {

/// At most this many events of one scenario's replication 0 are kept for the animation.
constexpr std::size_t max_events = 1'500'000;

class AnimationSink final : public care::TraceSink {
  public:
    explicit AnimationSink(Animation& animation) : animation_(animation) {}

    void record(const care::TraceRecord& record) override {
        if (!track_ || track_->scenario != record.scenario) {
            track_ = nullptr;
            for (auto& track : animation_.tracks)
                if (track.scenario == record.scenario)
                    track_ = &track;
            if (!track_) {
                animation_.tracks.push_back({});
                track_ = &animation_.tracks.back();
                track_->scenario = std::string(record.scenario);
            }
        }
        if (track_->time.size() >= max_events) {
            track_->truncated = true;
            return;
        }
        track_->time.push_back(static_cast<float>(record.time));
        track_->youth.push_back(static_cast<std::uint32_t>(record.youth));
        track_->event.push_back(
            static_cast<std::uint8_t>(code(events_, animation_.events, record.event, 255)));
        track_->place.push_back(static_cast<std::int16_t>(
            record.where.empty() ? -1 : code(places_, animation_.places, record.where, 32000)));
    }

  private:
    template <typename Map>
    static std::uint16_t code(Map& map, std::vector<std::string>& names, std::string_view name,
                              std::size_t max) {
        const std::string key(name);
        if (const auto it = map.find(key); it != map.end())
            return it->second;
        if (names.size() >= max)
            return static_cast<std::uint16_t>(max - 1);
        names.push_back(key);
        return map[key] = static_cast<std::uint16_t>(names.size() - 1);
    }

    Animation& animation_;
    Animation::Track* track_ = nullptr;
    std::unordered_map<std::string, std::uint16_t> events_;
    std::unordered_map<std::string, std::uint16_t> places_;
};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// One CSV line into cells ("..." quoting with "" inside, as csv_cell writes).
std::vector<std::string> csv_cells(const std::string& line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

/// differences.csv as JSON rows: one object per row, numbers as numbers, empty cells null.
Json csv_rows(const std::string& text) {
    Json rows = Json::array();
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line))
        return rows;
    const auto header = csv_cells(line);
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const auto cells = csv_cells(line);
        Json row = Json::object();
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string cell = i < cells.size() ? cells[i] : "";
            if (cell.empty()) {
                row[header[i]] = nullptr;
                continue;
            }
            char* end = nullptr;
            const double number = std::strtod(cell.c_str(), &end);
            const bool numeric = end == cell.c_str() + cell.size() &&
                                 (std::isdigit(static_cast<unsigned char>(cell[0])) ||
                                  cell[0] == '-' || cell[0] == '.');
            if (numeric && header[i] != "period_start")
                row[header[i]] = number;
            else
                row[header[i]] = cell;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

Jobs::Jobs(fs::path data_dir, JobLimits limits)
    : data_dir_(std::move(data_dir)), limits_(limits), worker_([this] { work(); }) {}

Jobs::~Jobs() {
    shutdown();
}

void Jobs::shutdown() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (auto& job : queue_) {
            job->message = "the studio stopped";
            job->status = Job::Status::cancelled;
        }
        queue_.clear();
        if (running_)
            running_->stop = true;
    }
    wake_.notify_all();
    if (worker_.joinable())
        worker_.join();
}

std::shared_ptr<Job> Jobs::submit(std::shared_ptr<Job> job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            throw Busy("the studio is stopping");
        for (auto& [id, known] : jobs_) {
            const auto status = known->status.load();
            if (known->key == job->key &&
                (status == Job::Status::done || status == Job::Status::queued ||
                 status == Job::Status::running)) {
                known->touch();
                return known;
            }
        }
        if (queue_.size() >= limits_.queued)
            throw Busy(fmt::format("{} runs are waiting already; try again when one is done",
                                   queue_.size()));
        job->touch();
        queue_.push_back(job);
        jobs_[job->id] = job;
    }
    wake_.notify_all();
    return job;
}

std::shared_ptr<Job> Jobs::find(const std::string& id) {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(id);
    return it == jobs_.end() ? nullptr : it->second;
}

bool Jobs::cancel(const std::string& id) {
    std::lock_guard lock(mutex_);
    const auto it = jobs_.find(id);
    if (it == jobs_.end())
        return false;
    auto& job = it->second;
    const auto status = job->status.load();
    if (status == Job::Status::queued) {
        queue_.erase(std::remove(queue_.begin(), queue_.end(), job), queue_.end());
        job->message = "cancelled";
        job->status = Job::Status::cancelled;
        finished_.push_back(job->id);
        return true;
    }
    if (status == Job::Status::running) {
        job->message = "cancelled";
        job->stop = true;
        return true;
    }
    return false;
}

void Jobs::work() {
    while (true) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_)
                return;
            job = queue_.front();
            queue_.pop_front();
            if (Clock::now() - job->last_seen() > limits_.abandoned) {
                job->message = "nobody asked about this run any more (its page is gone)";
                job->status = Job::Status::cancelled;
                finished_.push_back(job->id);
                forget_old();
                continue;
            }
            running_ = job;
            job->status = Job::Status::running;
        }
        const auto started = Clock::now();
        Job::Status end = Job::Status::done;
        try {
            run(*job);
        } catch (const Interrupted&) {
            end = Job::Status::cancelled;
            if (job->message.empty())
                job->message = "cancelled";
        } catch (const care::ScenarioFault& error) {
            end = Job::Status::failed;
            job->message = error.what();
        } catch (const std::exception& error) {
            end = Job::Status::failed;
            job->message = fmt::format("internal error: {}", error.what());
        }
        job->seconds = std::chrono::duration<double>(Clock::now() - started).count();
        if (end != Job::Status::done) {
            std::error_code ignored;
            fs::remove_all(job->folder, ignored);
        }
        std::lock_guard lock(mutex_);
        job->status = end;
        running_.reset();
        finished_.push_back(job->id);
        forget_old();
    }
}

void Jobs::forget_old() {
    while (finished_.size() > limits_.remembered) {
        const std::string id = finished_.front();
        finished_.pop_front();
        const auto it = jobs_.find(id);
        if (it == jobs_.end())
            continue;
        std::error_code ignored;
        if (!it->second->folder.empty())
            fs::remove_all(it->second->folder, ignored);
        jobs_.erase(it);
    }
}

void Jobs::run(Job& job) {
    experiment::RunOptions options;
    options.replications = job.settings.replications;
    options.seed = job.settings.seed;
    options.threads =
        limits_.threads ? limits_.threads : std::max(1u, std::thread::hardware_concurrency());
    options.stop = &job.stop;
    options.progress = [&job, this](std::size_t done) {
        job.done = done;
        if (Clock::now() - job.last_seen() > limits_.abandoned) {
            job.message = "nobody asked about this run any more (its page is gone)";
            job.stop = true;
        }
    };
    AnimationSink sink(*job.animation);
    options.trace = &sink;

    // The base's replications from a run of the base alone with the same seed and replications,
    // when there was one: the same numbers, computed once.
    const std::string base_key = fmt::format("{}\n{}\n", options.replications, options.seed) +
                                 scenario::emit_yaml(job.scenarios.front());
    std::shared_ptr<const BaseReplications> cached;
    std::vector<care::ReplicationOutcome> kept;
    {
        std::lock_guard lock(mutex_);
        for (const auto& base : bases_)
            if (base->key == base_key)
                cached = base;
    }
    const care::OutcomeLayout layout = care::outcome_layout(job.scenarios.front());
    const double bytes = 8.0 * static_cast<double>(layout.series_cells()) *
                         static_cast<double>(layout.periods.size()) *
                         static_cast<double>(options.replications);
    if (job.scenarios.size() == 1 && !cached && bytes <= 256.0 * (1 << 20))
        options.keep_outcomes = &kept;
    if (job.scenarios.size() > 1 && cached && cached->outcomes.size() == options.replications) {
        options.base_outcomes = &cached->outcomes;
        job.base_animation = cached->animation;
    }

    folders::FolderOptions what;
    what.language = job.settings.language;
    std::string name = job.scenarios.front().name;
    for (std::size_t i = 1; i < job.scenarios.size(); ++i)
        name += "-vs-" + job.scenarios[i].name;
    job.results_name = name;
    job.folder = data_dir_ / "runs" / job.id;
    fs::create_directories(job.folder);

    std::optional<output::OutputFolder> folder;
    if (job.scenarios.size() == 1) {
        const experiment::Aggregate aggregate = experiment::run_scenario(job.scenarios[0], options);
        folder.emplace(job.folder / name);
        folders::stage_run_folder(*folder, job.scenarios[0], aggregate, options, what);
    } else {
        const experiment::Comparison comparison =
            experiment::compare_scenarios(job.scenarios, options);
        folder.emplace(job.folder / name);
        folders::stage_comparison_folder(*folder, job.scenarios, comparison, options, what);
    }
    if (job.stop)
        throw Interrupted();
    folder->commit();
    const fs::path results = folder->destination();
    folder.reset();

    std::vector<std::pair<std::string, fs::path>> entries;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(results)) {
        const std::string file = entry.path().filename().string();
        if (entry.is_regular_file() && file.front() != '.')
            files.push_back(file);
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        entries.emplace_back(name + "/" + file, results / file);
    for (const auto& alternative : job.alternatives) {
        std::ofstream out(job.folder / alternative.file_name, std::ios::binary);
        out << alternative.text;
        if (!out.flush())
            throw std::runtime_error("cannot write " + alternative.file_name);
        files.push_back(alternative.file_name);
        entries.emplace_back(alternative.file_name, job.folder / alternative.file_name);
    }
    write_zip(job.folder / "results.zip", entries);
    if (options.keep_outcomes && kept.size() == options.replications) {
        auto base = std::make_shared<BaseReplications>();
        base->key = base_key;
        base->outcomes = std::move(kept);
        base->animation = job.animation;
        std::lock_guard lock(mutex_);
        bases_.push_back(std::move(base));
        while (bases_.size() > 2)
            bases_.pop_front();
    }
    files.push_back("results.zip");
    job.files = files;

    Json result = Json::object();
    if (job.scenarios.size() == 1) {
        result["summary"] = Json::parse(read_text(results / "summary.json"));
    } else {
        result["comparison"] = Json::parse(read_text(results / "comparison.json"));
        result["differences"] = csv_rows(read_text(results / "differences.csv"));
    }
    job.result = std::move(result);
}

} // namespace zorgsim::serve
