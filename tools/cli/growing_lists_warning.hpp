// The one warning a run prints about the landscape: a waiting list that kept growing in the
// simulation, at the service's capacity in its scenario file.
#pragma once

#include <string>
#include <vector>

#include "experiment/aggregate.hpp"
#include "scenario/load.hpp"
#include "zorgsim/model/scenario.hpp"

namespace zorgsim::cli {

/// Keeps what the loader noted about a scenario's services (where their capacity is written,
/// the traffic equations' estimate), for the warnings after its run; load_scenario calls it.
void remember_service_notes(const std::string& scenario, std::vector<scenario::ServiceNote> notes);

/// "FILE:LINE:COLUMN: warning: the waiting list of pleegzorg keeps growing: ..." for every
/// waiting list of `scenario` that kept growing in the run, each once.
std::vector<std::string> growing_list_warnings(const care::Scenario& scenario,
                                               const experiment::Aggregate& aggregate);

/// Prints them on standard error, unless `quiet`; each message only once per process (a
/// comparison's scenarios often share a service that grows in both).
void print_growing_list_warnings(const care::Scenario& scenario,
                                 const experiment::Aggregate& aggregate, bool quiet);

} // namespace zorgsim::cli
