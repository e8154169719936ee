// Municipalities: a plain list of names (for the channels' origin mixes) or each municipality
// with its youth population, year and (with regions) region; a service's cost_sharing. Every
// mistake is reported at its place.
#include "scenario_support.hpp"

using namespace zorgsim;
using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

care::Scenario load_ok(const LoadResult& result) {
    INFO(Catch::Detail::stringify(messages(result)));
    REQUIRE(result.ok());
    return *result.scenario;
}

/// Lines 1-4 the settings, 5 the regions (or empty), 6 the municipalities, 7 the source and
/// 8 the service.
std::string yaml_of(const std::string& regions, const std::string& municipalities,
                    const std::string& service_extra = "", const std::string& source_region = "") {
    return "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 365\n" + regions + "\n" +
           "municipalities: " + municipalities + "\n" +
           "sources: [{id: r, rate_per_year: 10, to: team" + source_region + "}]\n" +
           "services: [{id: team, capacity: 2, duration_days: 1" + service_extra + "}]\n";
}

} // namespace

TEST_CASE("Municipalities with their youths, year and region") {
    const care::Scenario s = load_ok(
        load_yaml(yaml_of("regions: [{id: wf}]",
                          "[{name: Hoorn, youths_0_17: 15000, year: 2024, region: wf}, "
                          "{name: Stede Broec, youths_0_17: 4800.5, year: 2023, region: wf}]",
                          ", cost_sharing: {solidarity_share: 0.25}", ", region: wf")));
    REQUIRE(s.municipalities == std::vector<std::string>{"Hoorn", "Stede Broec"});
    REQUIRE(s.reports_municipalities());
    CHECK(s.municipality_populations[0].youths == 15000.0);
    CHECK(s.municipality_populations[1].year == 2023);
    CHECK(s.municipality_populations[1].region == 0);
    CHECK(s.services[0].solidarity_share == 0.25);
}

TEST_CASE("A plain list of municipality names reports nothing per municipality") {
    const care::Scenario s = load_ok(load_yaml(yaml_of("", "[Hoorn, Enkhuizen]")));
    CHECK(s.municipalities.size() == 2);
    CHECK_FALSE(s.reports_municipalities());
    CHECK(s.services[0].solidarity_share == 0.0);
}

TEST_CASE("The emitted YAML writes municipalities and cost_sharing back") {
    const care::Scenario s =
        load_ok(load_yaml(yaml_of("",
                                  "[{name: Hoorn, youths_0_17: 15000, year: 2024}, {name: Opmeer, "
                                  "youths_0_17: 2500, year: 2024}]",
                                  ", cost_sharing: {solidarity_share: 1}")));
    const std::string text = emit_yaml(s);
    using Catch::Matchers::Contains;
    CHECK_THAT(text, Contains("municipalities:\n  - name: Hoorn\n    youths_0_17: 15000\n"
                              "    year: 2024\n"));
    CHECK_THAT(text, Contains("cost_sharing: {solidarity_share: 1}"));
    const care::Scenario again = load_ok(load_text(text, "emitted.yaml", fixtures / "valid"));
    CHECK(again.municipality_populations.size() == 2);
    CHECK(again.services[0].solidarity_share == 1.0);
}

TEST_CASE("Municipality mistakes are reported at their place") {
    SECTION("some with a population and some without") {
        const auto lines = messages(
            load_yaml(yaml_of("", "[{name: Hoorn, youths_0_17: 15000, year: 2024}, Opmeer]")));
        CHECK_THAT(lines, Reports("inline.yaml:6:65: error: ",
                                  "municipality 'Opmeer' has no youth population, but others "
                                  "have one"));
    }
    SECTION("a population without its year, a negative population") {
        const auto lines =
            messages(load_yaml(yaml_of("", "[{name: Hoorn, youths_0_17: 15000}, {name: Opmeer, "
                                           "youths_0_17: -3, year: 2024}]")));
        CHECK_THAT(lines, Reports("inline.yaml:6:18: error: ", "missing required key 'year'"));
        CHECK_THAT(lines, Reports("inline.yaml:6:81: error: ", "youths_0_17"));
    }
    SECTION("not a list") {
        const auto lines = messages(load_yaml(yaml_of("", "Hoorn")));
        CHECK_THAT(lines, Reports("inline.yaml:6:17: error: ", "municipalities must be a list"));
    }
    SECTION("a duplicate name") {
        const auto lines = messages(load_yaml(yaml_of("", "[Hoorn, Hoorn]")));
        CHECK_THAT(lines, Reports("inline.yaml:6:25: error: ",
                                  "duplicate name 'Hoorn' in municipalities"));
    }
    SECTION("no region in a scenario with regions, and a region without municipalities") {
        const auto lines = messages(load_yaml(
            yaml_of("regions: [{id: wf}, {id: kop}]",
                    "[{name: Hoorn, youths_0_17: 15000, year: 2024}, {name: Texel, youths_0_17: "
                    "2500, year: 2024, region: kop}]",
                    ", region: wf", ", region: wf")));
        CHECK_THAT(lines,
                   Reports("inline.yaml:6:18: error: ", "municipality 'Hoorn' has no region"));
        CHECK_THAT(lines,
                   Reports("inline.yaml:6:17: error: ", "region 'wf' has no municipalities"));
    }
    SECTION("an unknown region") {
        const auto lines = messages(load_yaml(yaml_of(
            "regions: [{id: wf}]", "[{name: Hoorn, youths_0_17: 15000, year: 2024, region: wff}]",
            ", region: wf", ", region: wf")));
        CHECK_THAT(lines, Reports("inline.yaml:6:72: error: ",
                                  "region: unknown region 'wff' (did you mean 'wf'?)"));
    }
}

TEST_CASE("cost_sharing mistakes are reported at their place") {
    SECTION("without municipalities with a population") {
        const auto lines =
            messages(load_yaml(yaml_of("", "[Hoorn]", ", cost_sharing: {solidarity_share: 1}")));
        CHECK_THAT(lines, Reports("inline.yaml:8:87: error: ",
                                  "cost_sharing: the scenario gives no municipalities with "
                                  "their youth population"));
    }
    SECTION("a share outside 0..1, and not a map") {
        const std::string populated = "[{name: Hoorn, youths_0_17: 15000, year: 2024}]";
        auto lines =
            messages(load_yaml(yaml_of("", populated, ", cost_sharing: {solidarity_share: 1.5}")));
        CHECK_THAT(lines, Reports("inline.yaml:8:87: error: ", "solidarity_share"));
        lines = messages(load_yaml(yaml_of("", populated, ", cost_sharing: 1")));
        CHECK_THAT(lines, Reports("inline.yaml:8:68: error: ", "cost_sharing"));
        lines = messages(load_yaml(yaml_of("", populated, ", cost_sharing: {share: 1}")));
        CHECK_THAT(lines, Reports("inline.yaml:8:68: error: ", "share"));
    }
}

TEST_CASE("A municipality's id in the output files comes from its name, or is given") {
    const care::Scenario s = load_ok(load_yaml(yaml_of(
        "", "[{name: Stede Broec, youths_0_17: 4800, year: 2023}, {name: \"'s-Hertogenbosch\", "
            "youths_0_17: 30000, year: 2023}, {name: Súdwest-Fryslân, id: sudwest-fryslan, "
            "youths_0_17: 17000, year: 2023}]")));
    CHECK(s.municipality_populations[0].id == "Stede-Broec");
    CHECK(s.municipality_populations[1].id == "s-Hertogenbosch");
    CHECK(s.municipality_populations[2].id == "sudwest-fryslan");
    // The names stay as written, for the report and the origin mixes.
    CHECK(s.municipalities[0] == "Stede Broec");
    // An id written back only where it is not the name's.
    const std::string text = emit_yaml(s);
    CHECK(text.find("id: sudwest-fryslan") != std::string::npos);
    CHECK(text.find("id: Stede-Broec") == std::string::npos);
}

TEST_CASE("A municipality id that is no id, or that two share, is an error at its place") {
    const LoadResult bad_id =
        load_yaml(yaml_of("", "[{name: Hoorn, id: 1hoorn, youths_0_17: 15000, year: 2024}]"));
    REQUIRE_FALSE(bad_id.ok());
    CHECK_THAT(Catch::Detail::stringify(messages(bad_id)),
               Catch::Matchers::Contains("inline.yaml:6:36: error: municipality id must start with "
                                         "a letter"));
    const LoadResult no_id =
        load_yaml(yaml_of("", "[{name: \"2000\", youths_0_17: 15000, year: 2024}]"));
    REQUIRE_FALSE(no_id.ok());
    CHECK_THAT(Catch::Detail::stringify(messages(no_id)),
               Catch::Matchers::Contains("municipality '2000' needs an id for the output files"));
    const LoadResult shared = load_yaml(
        yaml_of("", "[{name: Stede Broec, youths_0_17: 1, year: 2024}, {name: Stede-Broec, "
                    "youths_0_17: 1, year: 2024}]"));
    REQUIRE_FALSE(shared.ok());
    CHECK_THAT(Catch::Detail::stringify(messages(shared)),
               Catch::Matchers::Contains("has the id 'Stede-Broec' of another one"));
}
