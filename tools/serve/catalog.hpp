// The scenarios the studio offers as a base, and the levers made from each (docs/studio.md,
// "Levers"): the capacity of every service, the base's own dated steps (capacity, routing
// shifts, inflow changes, admission stops), prevention (an inflow change per year from a
// date) and the phase-out of a service.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "words/words.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::serve {

using Json = nlohmann::ordered_json;

/// A lever: one thing in the base that the page lets a user change.
struct Lever {
    enum class Kind {
        capacity,       ///< the capacity of a service from a date (a new capacity policy)
        capacity_step,  ///< the value of one of the base's capacity policies
        routing_shift,  ///< the fraction of one of the base's routing shifts
        inflow,         ///< prevention: an inflow change per year from a date (a new policy)
        inflow_policy,  ///< the change per year of one of the base's inflow policies
        admission_stop, ///< the date of one of the base's admission stops, or none
        phase_out,      ///< no places and no admissions in a service from a date
    };
    Kind kind = Kind::capacity;
    std::string id;       ///< "capacity:pleegzorg", "policy:crisis-shift-2026", "inflow", ...
    std::string service;  ///< the service concerned (empty for inflow)
    std::string policy;   ///< the base's policy (the *_step, *_policy and stop kinds)
    double current = 0.0; ///< the value in the base
    double min = 0.0;
    double max = 0.0;
    double step = 1.0;
    bool whole = false;                   ///< only whole numbers
    std::string date;                     ///< the base's date (or the default date of a new policy)
    std::vector<std::string> sources;     ///< inflow: the channels it applies to (empty: all)
    std::string from_service, to_service; ///< routing_shift: ids (or "exit")
    std::string shifted_at; ///< routing_shift: the service or channel whose table moves
};

struct Offered {
    std::string name; ///< the scenario's name: NAME in the API
    std::string title;
    std::string description;
    std::filesystem::path file; ///< absolute
    care::Scenario scenario;
    std::vector<Lever> levers;
    std::string first_year,
        last_year; ///< ISO dates of the first and last 1 January a policy may take
};

/// Loads every scenario of PATHS (files, or the *.yaml files of folders, not their subfolders).
/// A file that does not load is left out with its diagnostics on standard error; two files with
/// the same scenario name keep the first. Throws std::runtime_error when none loads.
std::vector<Offered> load_catalog(const std::vector<std::filesystem::path>& paths);

/// The levers of SCENARIO.
std::vector<Lever> make_levers(const care::Scenario& scenario);

/// A service as a reader knows it: its Dutch term (without the explanation in brackets) in
/// Dutch, its name in English.
std::string service_label(const care::Service& service, words::Language language);

/// A service, a referral channel or "exit" of SCENARIO as a reader knows it: a service by
/// service_label; a channel by its name in English and in Dutch by its id (the shipped
/// scenarios name channels in English with Dutch ids: jeugdbescherming, veilig_thuis).
std::string place_label(const care::Scenario& scenario, const std::string& id,
                        words::Language language);

/// The lever's label in LANGUAGE ("pleegzorg: plekken").
std::string lever_label(const Offered& base, const Lever& lever, words::Language language);

/// The lever as the API gives it (GET /api/scenarios/NAME/levers), with its label and what it
/// does in both languages.
Json lever_json(const Offered& base, const Lever& lever);

/// ISO date of day DAY of SCENARIO.
std::string iso_date(const care::Scenario& scenario, double day);

const char* kind_name(Lever::Kind kind);

} // namespace zorgsim::serve
