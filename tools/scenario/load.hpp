// Reading scenario files: YAML text (with `extends` and command-line overrides) in, a checked
// care::Scenario out, with every mistake reported at its place in the file. The format is
// docs/scenario-format.md; its JSON Schema for editors is docs/scenario.schema.json.
//
// Where the format document leaves a choice open, this is what the loader does:
// - A key written without a value (`key:` or `key: ~`) counts as absent, so that a file
//   that extends another can drop an inherited optional value.
// - A capacity schedule starts on the start date; its steps are in date order and inside the
//   horizon. A `capacity` policy is folded into the service's schedule (replacing a step on
//   the same date) and also kept in Scenario::policies, so that the timeline shows it.
// - Dates, ids and names are read as text (YAML 1.2 core): `2025-01-01`, `yes` and `123`
//   are text where text is expected; numbers must not be quoted.
// - Overriding files report their own positions: a mistake is reported in the file, and at
//   the line, where it was written, even after `extends` merged several files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zorgsim/model/scenario.hpp"

namespace zorgsim::scenario {

/// A mistake (or a warning) at a place in a scenario file.
struct Diagnostic {
    enum class Severity { error, warning };
    Severity severity = Severity::error;
    std::string file; ///< as given, or "<command line>" for --set overrides
    int line = 1;     ///< 1-based; for --set: which override (1 for the first)
    int column = 1;   ///< 1-based; for --set: the column in "PATH=VALUE"
    std::string message;

    /// "FILE:LINE:COLUMN: error: MESSAGE" (or "warning"), as compilers write it.
    std::string format() const;
};

/// A command-line override `--set PATH=VALUE`, e.g. services.jeugdzorgplus.capacity=5.
/// PATH is dotted keys into the scenario after `extends` is applied; items of the id-lists
/// (sources, services, policies) are addressed by id, items of other lists by 0-based index.
/// VALUE is read as YAML (a scalar or flow collection: `[{from: 2025-01-01, value: 3}]`).
/// Keys missing at the end of the path are created, so `population.exit_age=21` works in a
/// scenario without a population section. Mistakes in an override (a bad path, or a value
/// the scenario rejects) are reported as "<command line>:N:COLUMN: error: ...", where N is
/// the override's place among the overrides (1 for the first) and COLUMN counts in
/// "PATH=VALUE".
struct Override {
    std::string path;
    std::string value;
};

/// Splits "PATH=VALUE" at the first '='; nothing if there is no '=' or the path is empty.
std::optional<Override> parse_override(std::string_view text);

/// What the loader knows about a service that only a run can confirm: where its capacity is
/// written (for a message after the run) and whether the routing's traffic equations say its
/// inflow exceeds its final capacity. That first estimate ignores aging out past the first
/// service, substitution, blocking and policies, so it is no warning by itself: a run warns
/// when the waiting list it simulates keeps growing (experiment/growing_lists.hpp), and names
/// this estimate as the likely cause.
struct ServiceNote {
    Diagnostic capacity_at; ///< the position of the capacity that holds for good; no message
    /// "inflow exceeds capacity for good: about 100 arrivals/year x 73 days mean stay = 20
    /// places needed, capacity 10"; empty when the estimate is within the capacity.
    std::string overload;
};

struct LoadResult {
    std::optional<care::Scenario> scenario; ///< set when there are no errors
    std::vector<Diagnostic> diagnostics;    ///< errors and warnings, in file order
    std::vector<ServiceNote> services;      ///< per service of the scenario, when it loaded

    /// No errors (warnings allowed).
    bool ok() const;
};

/// Reads a scenario file, follows `extends` (relative to each file), applies the overrides
/// and converts and checks the result. Every error is reported, not only the first.
LoadResult load_file(const std::filesystem::path& file,
                     const std::vector<Override>& overrides = {});

/// The same for YAML text held in memory (the embedded default scenario): `display_name`
/// names it in diagnostics and `base_dir` is where its `extends` is looked up.
LoadResult load_text(std::string_view yaml, const std::string& display_name,
                     const std::filesystem::path& base_dir,
                     const std::vector<Override>& overrides = {});

/// The fully resolved scenario (defaults and `extends` applied) in the documented format.
/// Loading the text again gives an equivalent scenario. Distributions are written with the
/// parameters they were read with (the *_yaml fields of the care types); a distribution made
/// in code without them is written from Distribution::describe().
std::string emit_yaml(const care::Scenario& scenario);

} // namespace zorgsim::scenario
