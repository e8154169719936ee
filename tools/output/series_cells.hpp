// The `service` column of the CSV files for a figure of the layout: the service id, "system",
// "region:ID" or "municipality:NAME", so that no region id can be mistaken for a service.
#pragma once

#include <string>

#include "timeseries_csv.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::output {

inline std::string entity(const care::LayoutCell& cell) {
    switch (cell.scope) {
    case care::Scope::service:
        return std::string(cell.owner);
    case care::Scope::system:
        return "system";
    case care::Scope::region:
        return region_entity(cell.owner);
    case care::Scope::municipality:
        return municipality_entity(cell.owner);
    }
    return {};
}

} // namespace zorgsim::output
