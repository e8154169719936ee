// A results folder as the report sees it: the scenarios that were run (in input order, the base
// of a comparison first), their whole-horizon metrics, the paired differences of a comparison,
// the per-period time series and an optional capacity sizing.
#pragma once

#include "timeseries.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace zorgsim::report {

using Json = nlohmann::ordered_json; // ordered: services and scenarios keep their input order

/// A metric's estimate: the mean across replications with its 95% interval, and for waits the
/// pooled quantiles. Any part may be missing (JSON null: no observation in any replication).
struct Estimate {
    std::optional<double> mean, lo, hi, p50, p90;
};

/// The estimate METRIC in METRICS (a "services"/ID or "system" object), if it is there at all.
std::optional<Estimate> find_estimate(const Json& metrics, std::string_view metric);

/// What summary.json's "service_info" says about a service.
struct ServiceInfo {
    std::string id;
    std::string name;  ///< English name, e.g. "Foster care"; the id when not given
    std::string dutch; ///< Dutch name, e.g. "pleegzorg"; may be empty
    std::string kind;  ///< "placement" or "care_at_home"; empty when not given
    bool closed = false;
    std::string region; ///< multi-region: the region it serves; empty when shared
    std::string role;   ///< multi-region: what it is in its region, e.g. pleegzorg
    std::optional<double> wait_norm_days; ///< its wait norm (days), when the results give it
    /// The share of its cost the municipalities pay by youth population, when not 0.
    std::optional<double> solidarity_share;
    std::string track; ///< "parallel" for a measure or investigation beside care; else empty

    /// "Foster care (pleegzorg)", or just the name when the Dutch one adds nothing.
    std::string label() const;
    bool is_placement() const { return kind.empty() || kind == "placement"; }
};

struct Policy {
    std::string date;
    std::string description;
};

/// A scenario in words: summary.json's top level, or comparison.json's "info" entry.
struct ScenarioInfo {
    std::string name;
    std::string title;
    std::string start, end, period;
    std::optional<std::int64_t> replications;
    std::optional<std::uint64_t> seed;
    std::optional<double> warmup_days, wait_norm_days;
    std::vector<std::string> description;
    std::vector<Policy> policies;
};

/// A youth-care region of a multi-region scenario (summary.json "region_info").
struct RegionInfo {
    std::string id;
    std::string name; ///< the id when not given
    /// The `service` column of its rows in timeseries.csv.
    std::string entity() const { return "region:" + id; }
};

struct ScenarioResults {
    ScenarioInfo info;
    Json services = Json::object(); ///< service id -> metric -> estimate
    Json system = Json::object();   ///< metric -> estimate
    Json regions = Json::object();  ///< region id -> metric -> estimate (multi-region only)
    /// Municipality name -> metric -> estimate, when the scenario gives their youths.
    Json municipalities = Json::object();
    /// Municipality name -> {youths_0_17, year, region} (summary.json "municipality_info").
    Json municipality_info = Json::object();
    Json flows = Json::array();        ///< moves over the horizon (summary.json "flows")
    Json warnings = Json::array();     ///< waiting lists that kept growing (summary.json)
    Json source_info = Json::object(); ///< referral channel id -> {name, dutch, region}
};

/// ALT minus BASE per metric, paired by replication (comparison.json "differences").
struct Differences {
    std::string alternative;
    Json services = Json::object();
    Json system = Json::object();
    Json regions = Json::object();
    Json municipalities = Json::object();
};

/// A results folder that is not what zorgsim writes: a required file missing, a file that is not
/// valid JSON or CSV, a field missing or of the wrong type. The message is "FILE: error: WHAT"
/// (or "FILE:LINE: error: WHAT" for a CSV file), ready to print.
struct InvalidResults : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Memory ran out while reading a results file (std::bad_alloc): "out of memory while reading
/// FILE". Not bad input (the file was within the limits below), so exit 1.
struct OutOfMemory : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The largest results files the report reads: zorgsim's own are far smaller (Noord-Holland's
/// comparison at any number of replications: timeseries.csv about 2 MB and 18,500 rows,
/// summary.json under 1 MB), and a larger one would take the report's memory out of bounds.
inline constexpr std::uintmax_t max_csv_bytes = 32u << 20;  ///< timeseries.csv, differences.csv
inline constexpr std::uintmax_t max_json_bytes = 16u << 20; ///< summary, comparison, sizing
inline constexpr std::size_t max_csv_rows = 250'000;        ///< data rows of one CSV file

/// Throws InvalidResults "FILE: error: FILE is N MB; zorgsim's own files are at most M MB" if
/// FILE is larger than LIMIT bytes. Checked before anything of FILE is read.
void check_file_size(const std::filesystem::path& file, std::uintmax_t limit);

struct Results {
    std::filesystem::path dir;
    std::string zorgsim_version;
    bool is_comparison = false;
    std::vector<ScenarioResults> scenarios; ///< input order; a comparison's base first
    std::vector<ServiceInfo> services;      ///< every service seen, in input order
    std::vector<RegionInfo> regions;        ///< every region seen, in input order
    std::vector<Differences> differences;   ///< one per alternative, in input order
    Timeseries timeseries;                  ///< empty when the folder has no timeseries.csv
    /// A comparison's differences.csv: per alternative (the "scenario" of its rows), the
    /// paired difference from the base per period; empty when the folder has none.
    Timeseries paired_over_time;
    std::optional<Json> sizing;   ///< sizing.json, when present
    std::optional<Json> sweep;    ///< sweep.json, when present
    std::optional<Json> backtest; ///< backtest.json, when present
    Json provenance = nullptr;    ///< summary.json's or comparison.json's "provenance", if any

    /// services' index by id: kept by load_results, so that looking a service up is not a scan.
    std::unordered_map<std::string, std::size_t> service_index;

    std::vector<std::string> scenario_names() const;
    const ServiceInfo* service(std::string_view id) const;
    /// The headline title: the scenario's title, or "A compared with B".
    std::string title() const;
};

/// Reads the results in DIR. Throws InvalidResults with a message a user can act on when DIR
/// does not exist, holds none of summary.json, comparison.json and sizing.json, or a file is
/// malformed (results_check.hpp says what each JSON file must hold). Its time is linear in the
/// size of the files.
Results load_results(const std::filesystem::path& dir);

} // namespace zorgsim::report
