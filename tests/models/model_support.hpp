// Helpers for the model tests: a scenario from YAML text, one replication with its event
// trace, and the figures of the outcome by service id and metric name.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/load.hpp"
#include "zorgsim/model/care_model.hpp"
#include "zorgsim/model/outcomes.hpp"
#include "zorgsim/model/trace.hpp"

namespace zorgsim::care::testing {

inline const std::filesystem::path scenarios_dir{ZORGSIM_SCENARIOS_DIR};

inline std::vector<std::string> messages(const scenario::LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics)
        out.push_back(d.format());
    return out;
}

/// The scenario written as YAML text in a test (it must load without errors).
inline Scenario load(std::string_view yaml) {
    const auto result = scenario::load_text(yaml, "test.yaml", scenarios_dir);
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    return *result.scenario;
}

/// One line of the event log.
struct Event {
    Days time = 0.0;
    std::uint64_t youth = 0;
    std::string event;
    std::string where;
    double age_years = 0.0;
    std::string profile;
    std::string framework;
    std::string region;
    std::string reason;
};

/// Records the event log of a replication, to follow youths' paths.
class Trace final : public TraceSink {
  public:
    void record(const TraceRecord& r) override {
        events.push_back(Event{r.time, r.youth, std::string(r.event), std::string(r.where),
                               r.age_years, std::string(r.profile), std::string(r.framework),
                               std::string(r.region), std::string(r.reason)});
    }

    /// The events of one youth, in order.
    std::vector<Event> of(std::uint64_t youth) const {
        std::vector<Event> out;
        for (const auto& e : events)
            if (e.youth == youth)
                out.push_back(e);
        return out;
    }

    /// Events named `event` (at `where`, unless empty), in order.
    std::vector<Event> named(std::string_view event, std::string_view where = {}) const {
        std::vector<Event> out;
        for (const auto& e : events)
            if (e.event == event && (where.empty() || e.where == where))
                out.push_back(e);
        return out;
    }

    std::size_t count(std::string_view event, std::string_view where = {}) const {
        return named(event, where).size();
    }

    /// The youths in order of first appearance.
    std::vector<std::uint64_t> youths() const {
        std::vector<std::uint64_t> out;
        for (const auto& e : events)
            if (std::find(out.begin(), out.end(), e.youth) == out.end())
                out.push_back(e.youth);
        return out;
    }

    /// Where each youth was referred from (the source id of its "referred" event).
    std::map<std::uint64_t, std::string> referred_by() const {
        std::map<std::uint64_t, std::string> out;
        for (const auto& e : named("referred"))
            out[e.youth] = e.where;
        return out;
    }

    /// Slots held at `service` just after time `t`, counted from admissions and discharges
    /// (valid for services without blocking and that do not serve as bridging care).
    int occupied_after(std::string_view service, Days t) const {
        int n = 0;
        for (const auto& e : events)
            if (e.time <= t && e.where == service)
                n += e.event == "admitted" ? 1 : e.event == "discharged" ? -1 : 0;
        return n;
    }

    std::vector<Event> events;
};

/// A youth's path as text "time event where; ...", for failure messages.
inline std::string path_text(const std::vector<Event>& path) {
    std::ostringstream out;
    for (const auto& e : path)
        out << e.time << ' ' << e.event << (e.where.empty() ? "" : " ") << e.where << "; ";
    return out.str();
}

/// A replication's outcome read by names.
struct Run {
    OutcomeLayout layout;
    ReplicationOutcome outcome;

    std::size_t service_index(std::string_view id) const {
        const auto it = std::find(layout.services.begin(), layout.services.end(), id);
        REQUIRE(it != layout.services.end());
        return static_cast<std::size_t>(it - layout.services.begin());
    }
    static std::size_t metric(std::size_t index, std::size_t size, std::string_view name) {
        INFO("metric " << name);
        REQUIRE(index < size);
        return index;
    }

    /// A whole-horizon figure of a service, e.g. service("crisis", "blocked").
    double service(std::string_view id, std::string_view name) const {
        const auto m = metric(metric_index(service_summary_metrics, name),
                              service_summary_metrics.size(), name);
        return outcome.summary[layout.service_summary(service_index(id), m)];
    }
    /// A whole-horizon figure of the system, e.g. system("reentries").
    double system(std::string_view name) const {
        const auto m =
            metric(metric_index(system_summary_metrics, name), system_summary_metrics.size(), name);
        return outcome.summary[layout.system_summary(m)];
    }
    /// A whole-horizon figure of a region's youths, e.g. region("north", "cost").
    double region(std::string_view id, std::string_view name) const {
        const auto it = std::find(layout.regions.begin(), layout.regions.end(), id);
        REQUIRE(it != layout.regions.end());
        const auto m =
            metric(metric_index(region_summary_metrics, name), region_summary_metrics.size(), name);
        return outcome.summary[layout.region_summary(
            static_cast<std::size_t>(it - layout.regions.begin()), m)];
    }
    /// A whole-horizon figure of a municipality's youths, e.g. municipality("Hoorn", "cost").
    double municipality(std::string_view name, std::string_view metric_name) const {
        const auto m = metric(metric_index(municipality_summary_metrics, metric_name),
                              municipality_summary_metrics.size(), metric_name);
        return outcome.summary[layout.municipality_summary(municipality_index(name), m)];
    }
    /// A per-period figure of a municipality's youths.
    double municipality_series(std::string_view name, std::string_view metric_name,
                               std::size_t period) const {
        const auto m = metric(metric_index(municipality_series_metrics, metric_name),
                              municipality_series_metrics.size(), metric_name);
        return outcome.series_value(layout, layout.municipality_series(municipality_index(name), m),
                                    period);
    }
    std::size_t municipality_index(std::string_view name) const {
        const auto it = std::find(layout.municipalities.begin(), layout.municipalities.end(), name);
        REQUIRE(it != layout.municipalities.end());
        return static_cast<std::size_t>(it - layout.municipalities.begin());
    }
    /// A per-period figure of a region's youths.
    double region_series(std::string_view id, std::string_view name, std::size_t period) const {
        const auto it = std::find(layout.regions.begin(), layout.regions.end(), id);
        REQUIRE(it != layout.regions.end());
        const auto m =
            metric(metric_index(region_series_metrics, name), region_series_metrics.size(), name);
        return outcome.series_value(
            layout, layout.region_series(static_cast<std::size_t>(it - layout.regions.begin()), m),
            period);
    }
    /// A per-period figure of a service.
    double service_series(std::string_view id, std::string_view name, std::size_t period) const {
        const auto m =
            metric(metric_index(service_series_metrics, name), service_series_metrics.size(), name);
        return outcome.series_value(layout, layout.service_series(service_index(id), m), period);
    }
    /// A per-period figure of the system.
    double system_series(std::string_view name, std::size_t period) const {
        const auto m =
            metric(metric_index(system_series_metrics, name), system_series_metrics.size(), name);
        return outcome.series_value(layout, layout.system_series(m), period);
    }
};

/// Runs replication `replication` of `scenario` with `seed`, recording into `trace` if given.
inline Run run(const Scenario& scenario, std::uint64_t seed = 1, std::uint64_t replication = 0,
               Trace* trace = nullptr) {
    return Run{outcome_layout(scenario), simulate_replication(scenario, seed, replication, trace)};
}

} // namespace zorgsim::care::testing
