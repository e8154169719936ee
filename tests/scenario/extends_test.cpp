// `extends`: a file inherits another (relative to itself) and overrides what differs. Maps
// merge key by key, id-lists item by item, `remove: true` drops an item, anything else
// replaces. Mistakes are reported in the file (and at the line) where they were written.
#include <cmath>

#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario::testing;

namespace {

care::Scenario load_ok(const std::string& fixture) {
    const auto result = load_fixture(fixture);
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    return *result.scenario;
}

template <typename T> std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        out.push_back(item.id);
    return out;
}

} // namespace

TEST_CASE("An extending file keeps what it does not mention and replaces scalars") {
    const auto child = load_ok("valid/child.yaml");
    CHECK(child.name == "child");
    CHECK(child.horizon_days == 1825.0);
    CHECK(child.profiles == std::vector<std::string>{"A", "B"});
    CHECK(child.sources[0].rate_per_year == 100.0);
}

TEST_CASE("Items of an id-list merge by id; new ids are appended; remove: true drops one") {
    const auto child = load_ok("valid/child.yaml");
    CHECK(ids(child.sources) == std::vector<std::string>{"huisarts", "veilig_thuis"});
    CHECK(ids(child.services) == std::vector<std::string>{"ambulant", "pleegzorg", "gezinshuis"});
    CHECK(ids(child.policies) == std::vector<std::string>{"grow"});
}

TEST_CASE("A merged item merges its maps key by key") {
    const auto child = load_ok("valid/child.yaml");
    const care::Service& pleegzorg = child.services[1];
    CHECK(pleegzorg.capacity.front().value == 12);
    CHECK(pleegzorg.kind == care::ServiceKind::placement);
    CHECK(pleegzorg.max_queue == 5);   // inherited inside queue
    CHECK(pleegzorg.max_wait == 60.0); // overridden inside queue
    CHECK(pleegzorg.stay.mean() == 300.0);
}

TEST_CASE("Routes are resolved after merging: indices follow the merged list") {
    const auto child = load_ok("valid/child.yaml");
    CHECK(child.sources[1].to.fallback.targets == std::vector{care::Destination{1}});
}

TEST_CASE("A chain of extends applies every file in order") {
    const auto grandchild = load_ok("valid/grandchild.yaml");
    CHECK(grandchild.name == "grandchild");
    CHECK(grandchild.horizon_days == 1825.0);
    CHECK(grandchild.profiles == std::vector<std::string>{"X"});
    CHECK(ids(grandchild.services) ==
          std::vector<std::string>{"ambulant", "pleegzorg", "gezinshuis"});
}

TEST_CASE("A list without ids replaces the inherited one") {
    const auto result = load_yaml("extends: base.yaml\nname: t\n"
                                  "services: [{id: ambulant, capacity: [{from: 2025-01-01, value: "
                                  "1}, {from: 2026-01-01, value: 2}]}]\n");
    REQUIRE(result.ok());
    CHECK(result.scenario->services[0].capacity.size() == 2);
}

TEST_CASE("A null value drops an inherited optional key") {
    const auto result = load_yaml("extends: base.yaml\nname: t\n"
                                  "services: [{id: pleegzorg, queue: {max_wait_days: ~}}]\n");
    REQUIRE(result.ok());
    CHECK(std::isinf(result.scenario->services[1].max_wait));
}

TEST_CASE("Mistakes in an extended file are reported in that file, at their line") {
    const auto lines = messages(load_fixture("invalid/extends_broken.yaml"));
    CHECK_THAT(lines, Reports("invalid/broken_base.yaml:13:46: error: ",
                              "duration_days: exponential: mean must be a positive number"));
    CHECK_THAT(lines, Reports("invalid/extends_broken.yaml:5:15: error: ",
                              "capacity must be a whole number >= 0, got 'two'"));
}

TEST_CASE("Removing an id that is not inherited is an error at the remove key") {
    CHECK_THAT(messages(load_fixture("invalid/extends_broken.yaml")),
               Reports("invalid/extends_broken.yaml:7:5: error: ",
                       "cannot remove 'ghost': no inherited item has that id"));
}

TEST_CASE("A missing extended file is an error at the extends value") {
    CHECK_THAT(messages(load_fixture("invalid/extends_missing.yaml")),
               Reports("invalid/extends_missing.yaml:1:10: error: ",
                       "cannot read the extended file 'no-such-file.yaml' (looked for "));
}

TEST_CASE("A cycle of extends is an error naming the files") {
    const auto lines = messages(load_fixture("invalid/extends_cycle_a.yaml"));
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines, Reports("invalid/extends_cycle_b.yaml:1:10: error: ", "extends cycle: "));
    CHECK_THAT(lines[0], Catch::Matchers::EndsWith(
                             "extends_cycle_a.yaml -> " + (fixtures / "invalid").string() +
                             "/extends_cycle_b.yaml -> " + (fixtures / "invalid").string() +
                             "/extends_cycle_a.yaml"));
}

TEST_CASE("A file that extends itself is a cycle") {
    CHECK_THAT(messages(load_fixture("invalid/extends_self.yaml")),
               Reports("invalid/extends_self.yaml:1:10: error: ", "extends cycle: "));
}

TEST_CASE("Every file that extends another sets its own name") {
    CHECK(messages(load_fixture("invalid/extends_without_name.yaml")) ==
          std::vector<std::string>{"invalid/extends_without_name.yaml:1:1: error: missing "
                                   "required key 'name': a file that extends another sets its "
                                   "own name"});
}

TEST_CASE("remove: true in a file that extends nothing is an unknown key") {
    CHECK_THAT(
        messages(load_yaml("format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 9\n"
                           "sources: [{id: r, rate_per_year: 1, to: a}]\n"
                           "services: [{id: a, capacity: 1, duration_days: 1, remove: true}]\n")),
        Reports("inline.yaml:6:51: error: ", "unknown key 'remove' in service 'a'"));
}
