// Parallel tracks in the file format (tools/scenario/tracks.cpp, convert_services.cpp,
// convert_sources.cpp): track: parallel, holds_placements, capacity as guardians x caseload, a
// source's measure, new_measure_share, investigation and track_only, and their mistakes.
#include <fstream>
#include <sstream>

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

TEST_CASE("The parallel-track example of the scenario format document loads as written") {
    std::ifstream in(fixtures / ".." / ".." / ".." / "docs" / "scenario-format.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = text.str();
    const auto open = doc.find("```yaml\nsources:\n  - id: jeugdbescherming");
    REQUIRE(open != std::string::npos);
    const auto start = open + 8;
    const std::string block = doc.substr(start, doc.find("```", start) - start);
    const std::string yaml =
        "format: 1\nname: docs-tracks\nstart: 2025-01-01\nhorizon_days: 365\n" + block +
        "  - {id: ambulant_b, capacity: 10, duration_days: 100}\n"
        "  - {id: lokaal_team, capacity: 10, duration_days: 100}\n"
        "  - {id: pleegzorg, kind: placement, capacity: 10, duration_days: "
        "100}\n";
    const auto result = load_yaml(yaml);
    INFO(yaml);
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    CHECK(result.scenario->services[0].capacity.front().value == 255);
    CHECK(result.scenario->sources[2].track_only);
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
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:6:34: error: ",
                              "reentry.via: source 'meldingen' is track_only: youths come back to "
                              "care through a channel that refers to care"));
    CHECK_THAT(
        lines,
        Reports("invalid/tracks.yaml:10:14: error: ",
                "measure: service 'ambulant' is not a parallel service (give it track: parallel)"));
    CHECK_THAT(
        lines,
        Reports("invalid/tracks.yaml:11:20: error: ",
                "investigation: unknown service 'veilig_thuiss' (did you mean 'veilig_thuis'?)"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:12:9: error: ",
                              "to: 'gi' is a parallel service (track: parallel): no route leads "
                              "there; a source sends youths to it with measure or investigation"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:13:5: error: ",
                              "source 'meldingen' is track_only but names no measure or "
                              "investigation: its youths would go nowhere"));
    CHECK_THAT(
        lines,
        Reports("invalid/tracks.yaml:16:9: error: ",
                "source 'meldingen': a track_only source sends nobody to care; remove 'to'"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:20:20: error: ",
                              "investigation: 'veilig_thuis' is this source's measure too; a youth "
                              "holds one place at a time in a parallel service"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:25:15: error: ",
                              "missing required key 'caseload' in capacity (expected a whole "
                              "number of youths per guardian >= 1)"));
    CHECK_THAT(
        lines,
        Reports("invalid/tracks.yaml:27:11: error: ",
                "service 'gi': a parallel service (track: parallel) has no route after the stay: "
                "youths hold its place alongside their care and leave it after its stay"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:33:12: error: ",
                              "track must be care or parallel, got 'sideways'"));
    CHECK_THAT(lines, Reports("invalid/tracks.yaml:37:23: error: ",
                              "holds_placements needs track: parallel (a service whose list youths "
                              "wait on alongside their care)"));
    CHECK(lines.size() == 11);
}
