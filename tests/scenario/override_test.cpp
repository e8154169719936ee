// --set PATH=VALUE: a dotted path into the scenario after `extends` (list items by id), a
// value read as YAML, checked like a value in the file and reported at the command line as
// "<command line>:N:COLUMN" (N: the N-th override; COLUMN: in "PATH=VALUE").
#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

care::Scenario load_ok(const std::string& fixture, const std::vector<Override>& overrides) {
    const auto result = load_fixture(fixture, overrides);
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    return *result.scenario;
}

} // namespace

TEST_CASE("parse_override splits PATH=VALUE at the first '='") {
    const auto o = parse_override("services.a.name=x=y");
    REQUIRE(o);
    CHECK(o->path == "services.a.name");
    CHECK(o->value == "x=y");
    CHECK_FALSE(parse_override("services.a.capacity"));
    CHECK_FALSE(parse_override("=5"));
    CHECK(parse_override("seed=")->value.empty());
}

TEST_CASE("An override addresses items of sources and services by id") {
    const auto s = load_ok("valid/base.yaml", {{"services.pleegzorg.capacity", "0"},
                                               {"sources.huisarts.rate_per_year", "500"}});
    CHECK(s.services[1].capacity.front().value == 0);
    CHECK(s.sources[0].rate_per_year == 500.0);
}

TEST_CASE("An override creates missing keys, so a section can be added") {
    const auto s = load_ok("valid/base.yaml", {{"population.exit_age", "21"}});
    CHECK(s.population.exit_age == 21.0);
}

TEST_CASE("An override reads its value as YAML, flow collections included") {
    const auto s = load_ok("valid/base.yaml",
                           {{"services.ambulant.capacity",
                             "[{from: 2025-01-01, value: 3}, {from: 2030-01-01, value: 0}]"},
                            {"sources.wijkteam.to", "{pleegzorg: 1}"}});
    CHECK(s.services[0].capacity.size() == 2);
    CHECK(s.sources[1].to.fallback.targets == std::vector{care::Destination{1}});
}

TEST_CASE("An override addresses items of lists without ids by 0-based index") {
    const auto s = load_ok("valid/base.yaml", {{"profiles.1", "Z"}});
    CHECK(s.profiles == std::vector<std::string>{"A", "Z"});
}

TEST_CASE("Overrides apply after extends, to the merged scenario") {
    const auto s = load_ok("valid/child.yaml", {{"services.gezinshuis.capacity", "7"},
                                                {"policies.grow.date", "2026-02-01"}});
    CHECK(s.services[2].capacity.front().value == 7);
    CHECK(s.policies[0].at == 396.0);
}

TEST_CASE("Later overrides win over earlier ones") {
    const auto s = load_ok("valid/base.yaml", {{"seed", "5"}, {"seed", "6"}});
    CHECK(s.seed == 6);
}

TEST_CASE("An overridden value is checked and reported at its column on the command line") {
    const auto lines = messages(
        load_fixture("valid/base.yaml", {{"seed", "2"}, {"services.pleegzorg.capacity", "-1"}}));
    CHECK(lines == std::vector<std::string>{
                       "<command line>:2:29: error: capacity must not be negative, got -1"});
}

TEST_CASE("A misspelt key created by --set is an unknown key at the command line") {
    CHECK(messages(load_fixture("valid/base.yaml", {{"services.ambulant.capacty", "3"}})) ==
          std::vector<std::string>{"<command line>:1:19: error: unknown key 'capacty' in "
                                   "service 'ambulant' (did you mean 'capacity'?)"});
}

TEST_CASE("A --set path with an unknown id is an error with the nearest id") {
    CHECK(messages(load_fixture("valid/base.yaml", {{"services.ambulnt.capacity", "5"}})) ==
          std::vector<std::string>{"<command line>:1:10: error: --set "
                                   "services.ambulnt.capacity=5: no item 'ambulnt' in 'services' "
                                   "(did you mean 'ambulant'?)"});
}

TEST_CASE("A --set path through a plain value is an error") {
    CHECK(messages(load_fixture("valid/base.yaml", {{"name.x", "1"}})) ==
          std::vector<std::string>{"<command line>:1:6: error: --set name.x=1: 'name' is the value "
                                   "'base', it has no 'x'"});
}

TEST_CASE("A --set path with an empty name, or at extends, is an error") {
    CHECK_THAT(messages(load_fixture("valid/base.yaml", {{"services..capacity", "1"}})),
               Reports("<command line>:1:10: error: ", "empty name in the path"));
    CHECK_THAT(messages(load_fixture("valid/base.yaml", {{"extends", "x.yaml"}})),
               Reports("<command line>:1:1: error: ", "'extends' cannot be overridden"));
}

TEST_CASE("A --set value with a YAML syntax error is reported in the value") {
    CHECK_THAT(messages(load_fixture("valid/base.yaml", {{"services.ambulant.capacity", "[1"}})),
               Reports("<command line>:1:28: error: ", "YAML syntax: "));
}
