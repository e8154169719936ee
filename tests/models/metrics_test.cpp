// Specification of the outcome catalogue (include/zorgsim/model/metrics.hpp): every outcome is
// defined once, with a unit and a label and definition in Dutch and English, and the metric lists
// that fix the layout of the results are exactly the catalogue's, in its order.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "zorgsim/model/outcomes.hpp"

using namespace zorgsim::care;

TEST_CASE("every outcome has an identifier id, a label and a definition in Dutch and English") {
    const std::regex identifier("[a-z][a-z0-9_]*");
    for (const auto& outcome : outcome_catalogue) {
        INFO(outcome.id);
        CHECK(std::regex_match(std::string(outcome.id), identifier));
        CHECK(!outcome.label_nl.empty());
        CHECK(!outcome.label_en.empty());
        CHECK(!outcome.definition_nl.empty());
        CHECK(!outcome.definition_en.empty());
        CHECK((outcome.whole_horizon || outcome.per_period));
    }
}

TEST_CASE("an id is defined once per scope") {
    std::set<std::pair<int, std::string_view>> seen;
    for (const auto& outcome : outcome_catalogue)
        CHECK(seen.insert({static_cast<int>(outcome.scope), outcome.id}).second);
}

TEST_CASE("the metric lists are the catalogue's outcomes of each scope, in catalogue order") {
    auto expected = [](Scope scope, bool per_period) {
        std::vector<std::string_view> ids;
        for (const auto& outcome : outcome_catalogue)
            if (outcome.scope == scope && (per_period ? outcome.per_period : outcome.whole_horizon))
                ids.push_back(outcome.id);
        return ids;
    };
    auto as_vector = [](const auto& ids) {
        return std::vector<std::string_view>(ids.begin(), ids.end());
    };
    CHECK(as_vector(service_summary_metrics) == expected(Scope::service, false));
    CHECK(as_vector(service_series_metrics) == expected(Scope::service, true));
    CHECK(as_vector(system_summary_metrics) == expected(Scope::system, false));
    CHECK(as_vector(system_series_metrics) == expected(Scope::system, true));
    CHECK(as_vector(region_summary_metrics) == expected(Scope::region, false));
    CHECK(as_vector(region_series_metrics) == expected(Scope::region, true));
    CHECK(as_vector(municipality_summary_metrics) == expected(Scope::municipality, false));
    CHECK(as_vector(municipality_series_metrics) == expected(Scope::municipality, true));
}

TEST_CASE("the contract's metrics are in the catalogue") {
    for (const char* id : {"wait_days", "queue_length", "occupancy", "utilization", "admissions",
                           "length_of_stay_days", "rejected"})
        CHECK(find_outcome(Scope::service, id) != nullptr);
    for (const char* id : {"arrivals", "exits", "in_system_end"})
        CHECK(find_outcome(Scope::system, id) != nullptr);
    for (const char* id : {"occupancy", "queue_length", "admissions", "wait_days", "cost"})
        CHECK(metric_index(service_series_metrics, id) < service_series_metrics.size());
    CHECK(find_outcome(Scope::service, "no_such_outcome") == nullptr);
    CHECK(find_outcome(Scope::region, "in_system_end") == nullptr);
}

TEST_CASE("an id checked at compile time gives its index in the list") {
    constexpr MetricOf<system_series_metrics> closed("closed");
    CHECK(system_series_metrics[closed.index] == "closed");
}
