// The policy examples of docs/scenario-format.md load as written: a reader who copies one gets a
// valid policy of the kind it shows.
#include <fstream>
#include <set>
#include <sstream>

#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

/// The ```yaml block of docs/scenario-format.md that starts with `first_line`.
std::string yaml_block(const std::string& first_line) {
    std::ifstream in(fixtures / ".." / ".." / ".." / "docs" / "scenario-format.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto open = doc.find("```yaml\n" + first_line);
    REQUIRE(open != std::string::npos);
    const auto start = open + 8;
    const auto close = doc.find("```", start);
    REQUIRE(close != std::string::npos);
    return doc.substr(start, close - start);
}

} // namespace

TEST_CASE("Every policy example of the scenario format document loads, one of every kind") {
    const std::string landscape =
        "format: 1\nname: docs\nstart: 2025-01-01\nhorizon_days: 3652\n"
        "sources:\n  - {id: huisarts, rate_per_year: 100, to: crisis}\n"
        "  - {id: wijkteam, rate_per_year: 100, to: gezinshuis}\n"
        "services:\n"
        "  - {id: crisis, capacity: 5, duration_days: 20, next: {open_residential: 0.5, exit: "
        "0.5}}\n"
        "  - {id: open_residential, capacity: 10, duration_days: 200}\n"
        "  - {id: pleegzorg, capacity: 180, duration_days: 500}\n"
        "  - {id: gezinshuis, capacity: 20, duration_days: 400}\n"
        "  - {id: jeugdzorgplus, capacity: 8, duration_days: 120}\n";
    const auto result = load_yaml(landscape + yaml_block("policies:\n"));
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    std::set<care::PolicyChange::Kind> kinds;
    for (const auto& policy : result.scenario->policies)
        kinds.insert(policy.kind);
    CHECK(kinds.size() == 7);
    // change: +20 is twenty more foster families than the 180 in effect.
    const auto& foster = result.scenario->services[2].capacity;
    CHECK(foster.back().value == 200);
}

TEST_CASE("The pool and aftercare example of the scenario format document loads") {
    const std::string head = "format: 1\nname: docs\nstart: 2025-01-01\nhorizon_days: 3652\n"
                             "reentry: {via: wijkteam}\n"
                             "sources:\n  - {id: wijkteam, rate_per_year: 100, to: pleegzorg}\n";
    const auto result = load_yaml(head + yaml_block("services:\n  - id: pleegzorg\n    kind: "
                                                    "placement\n    capacity:\n      pool:"));
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const auto& s = *result.scenario;
    REQUIRE(s.services[0].pool);
    CHECK(s.services[0].capacity.front().value == 180);
    REQUIRE(s.services[1].aftercare);
    CHECK(s.services[1].aftercare->reentry_probability(12) == Approx(0.12));
    REQUIRE(s.policies.size() == 2);
    CHECK(s.policies[0].kind == care::PolicyChange::Kind::aftercare);
    CHECK(s.policies[1].kind == care::PolicyChange::Kind::recruitment);
}
