// Commands that read but do not simulate: validate, describe, report.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <thread>

#include "commands.hpp"
#include "growing_lists_warning.hpp"
#include "interrupt.hpp"
#include "output/folder_lock.hpp"
#include "output_targets.hpp"
#include "report/report.hpp"
#include "report/results.hpp"
#include "zorgsim/model/describe.hpp"

namespace zorgsim::cli {

int validate_command(const std::string& scenario, const std::vector<std::string>& sets,
                     bool quiet) {
    const care::Scenario loaded =
        load_scenario(std::filesystem::path(scenario), parse_overrides(sets), quiet);
    if (quiet)
        return success;
    // A short pilot run: whether a waiting list keeps growing is what the simulation does, not
    // what a formula that leaves out aging out, substitution and policies says.
    experiment::RunOptions pilot;
    pilot.replications = pilot_replications;
    pilot.seed = loaded.seed;
    pilot.threads = std::max(1u, std::min(std::thread::hardware_concurrency(),
                                          static_cast<unsigned>(pilot_replications)));
    pilot.stop = &interrupt_requested();
    const experiment::Aggregate aggregate = experiment::run_scenario(loaded, pilot);
    stop_if_interrupted();
    print_growing_list_warnings(loaded, aggregate, false);
    return success;
}

int describe_command(const std::optional<std::string>& scenario,
                     const std::vector<std::string>& sets) {
    const care::Scenario loaded =
        load_scenario(scenario ? std::optional<std::filesystem::path>(*scenario) : std::nullopt,
                      parse_overrides(sets), false);
    for (const auto& line : care::describe(loaded))
        fmt::print("{}\n", line);
    return success;
}

namespace {

// Memory held back while the report is made, for the destructors that run when memory has run
// out: nlohmann::json's destructor (noexcept) allocates a stack to free a large tree, and a
// std::bad_alloc thrown there while unwinding from the first one was std::terminate (exit 134,
// the lock and any staging left behind). The first allocation that fails frees this reserve and
// throws std::bad_alloc, so the unwinding has room to free what was read.
class MemoryReserve {
  public:
    MemoryReserve() : previous_(std::set_new_handler(&release)) { reserve_ = std::malloc(size); }
    MemoryReserve(const MemoryReserve&) = delete;
    MemoryReserve& operator=(const MemoryReserve&) = delete;
    ~MemoryReserve() {
        std::set_new_handler(previous_);
        std::free(reserve_);
        reserve_ = nullptr;
    }

  private:
    static constexpr std::size_t size = std::size_t{64} << 20;
    static void release() {
        std::free(reserve_);
        reserve_ = nullptr;
        std::set_new_handler(nullptr); // from now on a failed allocation throws at once
        throw std::bad_alloc();
    }
    static inline void* reserve_ = nullptr;
    std::new_handler previous_;
};

} // namespace

int report_command(const std::string& dir, bool figures, words::Language language) {
    if (!std::filesystem::is_directory(dir))
        throw BadInput(fmt::format("{} is not a results folder", dir));
    try {
        const MemoryReserve reserve;
        try {
            // Not while a run writes the folder: its files may be half old, half new.
            const output::FolderLock lock(dir);
            report::write_report(dir, language);
            if (figures)
                report::write_figures(dir, language);
        } catch (const std::bad_alloc&) {
            throw report::OutOfMemory(
                fmt::format("out of memory while making the report of {}", dir));
        }
    } catch (const report::OutOfMemory& error) {
        fmt::print(stderr, "zorgsim: error: {}\n", error.what());
        return internal_error;
    } catch (const report::InvalidResults& error) {
        fmt::print(stderr, "{}\n", error.what()); // already FILE: error: WHAT
        throw BadInput("");
    } catch (const std::runtime_error& error) {
        throw BadInput(error.what());
    }
    return success;
}

} // namespace zorgsim::cli
