#include "fuzz_cases.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "scenario/load.hpp"

namespace zorgsim::fuzz {

namespace {

// Where an `extends` in fuzzed text is looked up: the valid fixtures, so that the seeds that
// extend base.yaml reach the merge. Fixed at build time so that a replay behaves the same.
const std::filesystem::path extends_dir{ZORGSIM_FUZZ_EXTENDS_DIR};

// A small valid scenario for the --set target: two sources, two services (one placement with
// a queue) and a capacity policy, so that paths into lists by id and by index, maps and
// scalars all exist.
constexpr std::string_view set_base = R"(format: 1
name: fuzz-base
start: 2025-01-01
horizon_days: 730
replications: 2
profiles: [A, B]
municipalities: [Hoorn, Enkhuizen]
sources:
  - id: huisarts
    rate_per_year: 100
    to: ambulant
  - id: wijkteam
    rate_per_year: 50
    to: {ambulant: 0.5, pleegzorg: 0.5}
services:
  - id: ambulant
    capacity: 20
    duration_days: {dist: exponential, mean: 30}
    next: {exit: 0.9, pleegzorg: 0.1}
  - id: pleegzorg
    kind: placement
    capacity: 10
    duration_days: {dist: lognormal, mean: 300, sd: 100}
    queue: {max_length: 5, max_wait_days: 90}
policies:
  - id: grow
    date: 2026-01-01
    capacity: {service: pleegzorg, value: 12}
)";

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "zorgsim fuzz finding: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// The promises of load.hpp that hold for any input.
void check(const scenario::LoadResult& result) {
    bool errors = false;
    for (const auto& d : result.diagnostics) {
        if (d.file.empty() || d.line < 1 || d.column < 1 || d.message.empty())
            finding("a diagnostic without a place or a message", d.format());
        errors = errors || d.severity == scenario::Diagnostic::Severity::error;
    }
    if (result.scenario.has_value() == errors)
        finding(errors ? "a scenario returned together with errors" : "no scenario and no error",
                result.diagnostics.empty() ? "" : result.diagnostics.front().format());
}

// README: the resolved scenario.yaml of a run is the scenario that was run, so it must load.
// Only with ZORGSIM_FUZZ_ROUND_TRIP=1 (the replay sets it; docs/fuzzing.md says why CI does not).
void check_round_trip(const scenario::LoadResult& result) {
    static const bool wanted = [] {
        const char* flag = std::getenv("ZORGSIM_FUZZ_ROUND_TRIP");
        return flag && std::string_view(flag) == "1";
    }();
    if (!wanted || !result.scenario)
        return;
    const std::string resolved = scenario::emit_yaml(*result.scenario);
    const scenario::LoadResult again = scenario::load_text(resolved, "resolved.yaml", extends_dir);
    check(again);
    if (!again.ok())
        finding("the resolved scenario does not load again",
                again.diagnostics.front().format() + "\n--- resolved.yaml ---\n" + resolved);
}

} // namespace

void load_scenario_text(std::string_view bytes) {
    const scenario::LoadResult result = scenario::load_text(bytes, "fuzz.yaml", extends_dir);
    check(result);
    check_round_trip(result);
}

void apply_set_arguments(std::string_view bytes) {
    std::vector<scenario::Override> overrides;
    // A bound on the count keeps one input from being a thousand loads' worth of work.
    constexpr std::size_t max_overrides = 16;
    while (overrides.size() < max_overrides) {
        const std::size_t end = bytes.find('\0');
        if (auto o = scenario::parse_override(bytes.substr(0, end)))
            overrides.push_back(std::move(*o));
        if (end == std::string_view::npos)
            break;
        bytes.remove_prefix(end + 1);
    }
    const scenario::LoadResult result =
        scenario::load_text(set_base, "fuzz-base.yaml", extends_dir, overrides);
    check(result);
    if (overrides.empty() && !result.ok())
        finding("the --set target's base scenario does not load",
                result.diagnostics.front().format());
    check_round_trip(result);
}

} // namespace zorgsim::fuzz
