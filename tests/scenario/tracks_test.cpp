// Parallel tracks in the file format (tools/scenario/tracks.cpp, convert_services.cpp,
// convert_sources.cpp): track: parallel, holds_placements, capacity as guardians x caseload, a
// source's measure, new_measure_share, investigation and track_only, and their mistakes.
#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario::testing;

TEST_CASE("Parallel services and the channels that send youths to them load to the model's keys") {
    const auto result = load_fixture("valid/tracks.yaml");
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    const care::Scenario& s = *result.scenario;
    const care::Service& gi = s.services[0];
    CHECK(gi.parallel);
    CHECK(gi.holds_placements);
    CHECK(gi.capacity.front().value == 45); // 3 guardians x caseload 15
    CHECK(gi.kind == care::ServiceKind::care_at_home);
    const care::Service& vt = s.services[1];
    CHECK(vt.parallel);
    CHECK_FALSE(vt.holds_placements);
    CHECK_FALSE(s.services[2].parallel);
    const care::Source& raad = s.sources[0];
    CHECK(raad.measure == 0);
    CHECK(raad.investigation == 1);
    CHECK(raad.new_measure_share == 0.5);
    CHECK_FALSE(raad.track_only);
    const care::Source& meldingen = s.sources[1];
    CHECK(meldingen.track_only);
    CHECK(meldingen.measure == -1);
    CHECK(meldingen.investigation == 1);
    REQUIRE(meldingen.to.fallback.targets.size() == 1);
    CHECK(meldingen.to.fallback.targets[0].is_exit());
}

TEST_CASE("Without the new keys nothing is parallel and no channel sends youths beside care") {
    const auto result = load_fixture("valid/care.yaml");
    REQUIRE(result.ok());
    for (const auto& service : result.scenario->services) {
        CHECK_FALSE(service.parallel);
        CHECK_FALSE(service.holds_placements);
    }
    for (const auto& source : result.scenario->sources) {
        CHECK(source.measure == -1);
        CHECK(source.investigation == -1);
        CHECK(source.new_measure_share == 1.0);
        CHECK_FALSE(source.track_only);
    }
}

TEST_CASE("Mistakes with parallel tracks are reported where they are written") {
    const auto lines = messages(load_fixture("invalid/tracks.yaml"));
    INFO(Catch::Detail::stringify(lines));
    // EXPECTED
}
