// Regions: `regions`, a source's and a service's `region`, a service's `role` and a shared
// service's census.region_weights. A youth only uses its own region's services and the shared
// ones; a route may name a role, which the model remaps to the youth's own region. Every
// mistake is reported at its place, with the nearest name for an unknown one.
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

/// Lines 1-4 are the settings, line 5 is `regions`, line 6 `sources:`, the sources from line 7
/// (one per line) and then `services:` and the services (one per line).
std::string yaml_of(const std::string& regions, const std::string& sources,
                    const std::string& services) {
    return "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n" + regions + "sources:\n" +
           sources + "services:\n" + services;
}

const std::string two_regions = "regions: [{id: west}, {id: kop}]\n";

/// A local team in each region with the role `team`.
const std::string teams =
    "  - {id: team_west, region: west, role: team, capacity: 9, duration_days: 1}\n"
    "  - {id: team_kop, region: kop, role: team, capacity: 9, duration_days: 1}\n";

/// One source per region, both sent to their region's team by role.
const std::string referrals = "  - {id: r_west, region: west, rate_per_year: 1, to: team}\n"
                              "  - {id: r_kop, region: kop, rate_per_year: 1, to: team}\n";

std::size_t index_of(const care::Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.services.size(); ++i)
        if (s.services[i].id == id)
            return i;
    FAIL("no service " << id);
    return 0;
}

care::Destination to(const care::Scenario& s, const std::string& id) {
    return care::Destination{static_cast<int>(index_of(s, id))};
}

} // namespace

TEST_CASE("A two-region scenario: regions, regions of sources and services, roles") {
    const auto result = load_fixture("valid/regions.yaml");
    CHECK(messages(result).empty());
    CHECK(overloads(result).empty());
    const care::Scenario s = load_ok(result);
    REQUIRE(s.regions.size() == 2);
    CHECK(s.regions[0].id == "westfriesland");
    CHECK(s.regions[0].name == "Westfriesland");
    CHECK(s.regions[1].id == "kop");
    CHECK(s.regions[1].name == "Kop van Noord-Holland");
    CHECK(s.sources[0].region == 0);
    CHECK(s.sources[1].region == 1);
    CHECK(s.sources[2].region == 1);
    const std::vector<std::pair<int, std::string>> expected{
        {0, "team"}, {1, "team"}, {0, "pleegzorg"}, {1, "pleegzorg"}, {-1, ""}, {-1, ""}};
    REQUIRE(s.services.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(s.services[i].id);
        CHECK(s.services[i].region == expected[i].first);
        CHECK(s.services[i].role == expected[i].second);
    }
}

TEST_CASE("A route naming a role leads to the first service with that role") {
    const care::Scenario s = load_ok(load_fixture("valid/regions.yaml"));
    // wijkteam_wf: {team: 0.9, crisis: 0.1}; wijkteam_kop names its team by id.
    CHECK(s.sources[0].to.fallback.targets == std::vector{to(s, "team_wf"), to(s, "crisis")});
    CHECK(s.sources[1].to.fallback.targets == std::vector{to(s, "team_kop"), to(s, "crisis")});
    // The shared services route by role: crisis next {pleegzorg, team, exit}.
    const care::Service& crisis = s.services[index_of(s, "crisis")];
    CHECK(crisis.next.fallback.targets ==
          std::vector{to(s, "pleegzorg_wf"), to(s, "team_wf"), care::Destination{}});
    CHECK(crisis.next.fallback.probabilities == std::vector{0.5, 0.3, 0.2});
    const care::Service& jzplus = s.services[index_of(s, "jeugdzorgplus")];
    CHECK(jzplus.closed);
    CHECK(jzplus.next.fallback.targets ==
          std::vector{to(s, "pleegzorg_wf"), to(s, "team_wf"), care::Destination{}});
    CHECK(jzplus.overflow == to(s, "crisis"));
    CHECK(jzplus.bridging == to(s, "team_wf").service);
    REQUIRE(jzplus.substitution);
    CHECK(jzplus.substitution->alternatives == std::vector{to(s, "pleegzorg_wf").service});
    // A regional team's `next: {pleegzorg: ...}` too: the model remaps it to the own region.
    CHECK(s.services[index_of(s, "team_kop")].next.fallback.targets ==
          std::vector{care::Destination{}, to(s, "pleegzorg_wf")});
}

TEST_CASE("census.region_weights of a shared service: missing regions weigh 0") {
    const care::Scenario s = load_ok(load_fixture("valid/regions.yaml"));
    CHECK(s.services[index_of(s, "crisis")].census.region_weights == std::vector{3.0, 1.0});
    CHECK(s.services[index_of(s, "jeugdzorgplus")].census.region_weights.empty());
    const care::Scenario one = load_ok(load_fixture(
        "valid/regions.yaml", {{"services.crisis.census.region_weights", "{kop: 2}"}}));
    CHECK(one.services[index_of(one, "crisis")].census.region_weights == std::vector{0.0, 2.0});
}

TEST_CASE("A region's name defaults to its id, and a scenario without regions has none") {
    const care::Scenario s = load_ok(load_yaml(yaml_of(two_regions, referrals, teams)));
    REQUIRE(s.regions.size() == 2);
    CHECK(s.regions[1].id == "kop");
    CHECK(s.regions[1].name == "kop");
    const care::Scenario plain = load_ok(load_fixture("valid/care.yaml"));
    CHECK(plain.regions.empty());
    CHECK(plain.sources[0].region == -1);
    CHECK(plain.services[0].region == -1);
    CHECK(plain.services[0].role.empty());
}

TEST_CASE("A service whose id is its own role may be named by either") {
    const care::Scenario s = load_ok(load_yaml(
        yaml_of(two_regions, referrals,
                "  - {id: team, region: west, role: team, capacity: 9, duration_days: 1}\n"
                "  - {id: team_kop, region: kop, role: team, capacity: 9, duration_days: 1}\n")));
    CHECK(s.sources[1].to.fallback.targets == std::vector{care::Destination{0}});
}

TEST_CASE("The emitted YAML writes regions, region, role and region_weights back") {
    const care::Scenario s = load_ok(load_fixture("valid/regions.yaml"));
    const std::string text = emit_yaml(s);
    using Catch::Matchers::Contains;
    CHECK_THAT(text, Contains("regions:\n  - id: westfriesland\n    name: Westfriesland\n"
                              "  - id: kop\n    name: \"Kop van Noord-Holland\"\n"));
    CHECK_THAT(text, Contains("  - id: gi_kop\n    region: kop\n"));
    CHECK_THAT(text, Contains("  - id: team_kop\n    region: kop\n    role: team\n"));
    CHECK_THAT(text, Contains("census: {occupied: 4, waiting: 0, region_weights: "
                              "{westfriesland: 3, kop: 1}}"));
    // A route written as a role comes back as the id it resolved to: the same index.
    CHECK_THAT(text, Contains("    next: {pleegzorg_wf: 0.5, team_wf: 0.3, exit: 0.2}\n"));
    CHECK_THAT(text, !Contains("role: \n"));
}

TEST_CASE("Regions merge by id under extends, and a new region needs every role a route uses") {
    const std::string child = "extends: regions.yaml\nname: three\n"
                              "regions: [{id: kop, name: Kop}, {id: texel}]\n"
                              "sources: [{id: r_texel, region: texel, rate_per_year: 5, to: "
                              "team}]\n"
                              "services:\n"
                              "  - {id: team_texel, region: texel, role: team, capacity: 9, "
                              "duration_days: 30}\n";
    // team_wf's next {exit: 0.8, pleegzorg: 0.2} is the first route naming pleegzorg.
    CHECK(messages(load_yaml(child)) ==
          std::vector<std::string>{
              "valid/regions.yaml:39:23: error: next: role 'pleegzorg' has no service in region "
              "'texel' (a route to a role leads each youth to the service with that role in its "
              "own region)"});
    const care::Scenario s =
        load_ok(load_yaml(child + "  - {id: pleegzorg_texel, region: texel, role: pleegzorg, kind: "
                                  "placement, capacity: 9, duration_days: 300}\n"));
    REQUIRE(s.regions.size() == 3);
    CHECK(s.regions[1].name == "Kop");
    CHECK(s.regions[2].id == "texel");
    CHECK(s.sources.back().region == 2);
    CHECK(s.services[index_of(s, "pleegzorg_texel")].region == 2);
}

TEST_CASE("A --set override changes a region, and a wrong one is reported at the command line") {
    const care::Scenario s =
        load_ok(load_fixture("valid/regions.yaml", {{"sources.gi_kop.region", "westfriesland"},
                                                    {"regions.kop.name", "De Kop"}}));
    CHECK(s.sources[2].region == 0);
    CHECK(s.regions[1].name == "De Kop");
    CHECK(messages(load_fixture("valid/regions.yaml", {{"sources.gi_kop.region", "kopp"}})) ==
          std::vector<std::string>{"<command line>:1:23: error: region: unknown region 'kopp' "
                                   "(did you mean 'kop'?)"});
}

TEST_CASE("regions must be a list") {
    CHECK(
        messages(load_yaml(yaml_of("regions: {west: 1}\n", "  - {id: r, rate_per_year: 1, to: a}\n",
                                   "  - {id: a, capacity: 1, duration_days: 1}\n"))) ==
        std::vector<std::string>{"inline.yaml:5:10: error: regions must be a list [{id: ..., "
                                 "name: ...}], got a map"});
}

TEST_CASE("A duplicate region id is reported at the second one, naming the first") {
    CHECK(messages(load_yaml(yaml_of("regions: [{id: west}, {id: west}]\n",
                                     "  - {id: r, region: west, rate_per_year: 1, to: a}\n",
                                     "  - {id: a, capacity: 1, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:5:28: error: duplicate region id 'west' (first "
                                   "defined at inline.yaml:5)"});
}

TEST_CASE("A region id must differ from every service id and from 'system'") {
    const auto lines =
        messages(load_yaml(yaml_of("regions:\n  - {id: west}\n  - {id: a}\n  - {id: system}\n",
                                   "  - {id: r, region: west, rate_per_year: 1, to: a}\n",
                                   "  - {id: a, capacity: 1, duration_days: 1}\n")));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:7:10: error: region id 'a' is also a service id: the output "
                       "files report regions and services side by side, so their ids must differ",
                       "inline.yaml:8:10: error: region id 'system' is taken: the output files "
                       "report the whole system under that name"});
}

TEST_CASE("A region id is letters, digits, '-' and '_'") {
    CHECK(messages(load_yaml(yaml_of("regions: [{id: west}, {id: 'noord holland'}]\n",
                                     "  - {id: r, region: west, rate_per_year: 1, to: a}\n",
                                     "  - {id: a, capacity: 1, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:5:28: error: region id must be letters, digits, "
                                   "'-' and '_' (it names the region in the output files), got "
                                   "'noord holland'"});
}

TEST_CASE("A region item needs an id and knows only id and name") {
    const auto lines =
        messages(load_yaml(yaml_of("regions: [{id: west}, {name: Kop, colour: red}]\n",
                                   "  - {id: r, region: west, rate_per_year: 1, to: a}\n",
                                   "  - {id: a, capacity: 1, duration_days: 1}\n")));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:5:23: error: missing required key 'id' in region (expected a "
                       "name unique among regions)",
                       "inline.yaml:5:35: error: unknown key 'colour' in region; expected one "
                       "of: id, name"});
}

TEST_CASE("An unknown region of a source or a service is reported with the nearest id") {
    const auto lines = messages(
        load_yaml(yaml_of(two_regions, "  - {id: r, region: wset, rate_per_year: 1, to: a}\n",
                          "  - {id: a, region: kopp, capacity: 1, duration_days: 1}\n")));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:7:21: error: region: unknown region 'wset' (did you mean "
                       "'west'?)",
                       "inline.yaml:9:21: error: region: unknown region 'kopp' (did you mean "
                       "'kop'?)"});
}

TEST_CASE("A region in a scenario without regions is an error") {
    CHECK(messages(load_yaml(yaml_of("", "  - {id: r, region: west, rate_per_year: 1, to: a}\n",
                                     "  - {id: a, capacity: 1, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:6:21: error: region: the scenario has no regions "
                                   "(add a top-level 'regions: [{id: ..., name: ...}]')"});
}

TEST_CASE("With regions, every source needs a region, while services may be shared") {
    CHECK(messages(load_yaml(yaml_of(two_regions,
                                     "  - {id: r, region: west, rate_per_year: 1, to: a}\n"
                                     "  - {id: veilig_thuis, rate_per_year: 1, to: a}\n",
                                     "  - {id: a, capacity: 1, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:8:5: error: source 'veilig_thuis' has no region; "
                                   "a scenario with regions needs one on every source, so that "
                                   "every youth belongs to a region"});
}

TEST_CASE("Two services of one region with the same role are an error at the second") {
    CHECK(messages(load_yaml(yaml_of(
              two_regions, referrals,
              teams +
                  "  - {id: team2, region: kop, role: team, capacity: 9, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:12:36: error: role 'team' is already taken in "
                                   "region 'kop' by service 'team_kop' (at inline.yaml:11): a "
                                   "region has one service per role"});
}

TEST_CASE("A role on a shared service is an error: it has no counterparts") {
    CHECK(messages(load_yaml(yaml_of(
              two_regions, referrals,
              teams + "  - {id: crisis, role: crisis, capacity: 9, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:12:24: error: service 'crisis' has role 'crisis' "
                                   "but no region: a shared service has no counterparts; role "
                                   "needs a region"});
}

TEST_CASE("A role that is the id of another service without that role is an error") {
    CHECK(messages(load_yaml(
              yaml_of(two_regions, referrals,
                      teams + "  - {id: crisis, capacity: 9, duration_days: 1}\n"
                              "  - {id: crisis_west, region: west, role: crisis, capacity: 9, "
                              "duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:13:43: error: role 'crisis' is also the id of "
                                   "service 'crisis', which does not have that role: a route "
                                   "naming 'crisis' would be ambiguous"});
}

TEST_CASE("A role named exit is an error") {
    CHECK(messages(load_yaml(yaml_of(
              two_regions, referrals,
              teams + "  - {id: x, region: kop, role: exit, capacity: 9, duration_days: 1}\n"))) ==
          std::vector<std::string>{"inline.yaml:12:32: error: role must be a name other than "
                                   "'exit' (a route naming it must not read as leaving care), got "
                                   "'exit'"});
}

TEST_CASE("A role used as a destination needs a service in every region") {
    CHECK(messages(load_yaml(
              yaml_of(two_regions, referrals,
                      teams.substr(0, teams.find('\n') + 1) +
                          "  - {id: crisis, capacity: 9, duration_days: 1, next: {team: 1}}\n"))) ==
          std::vector<std::string>{
              "inline.yaml:7:54: error: to: role 'team' has no service in region 'kop' (a route "
              "to a role leads each youth to the service with that role in its own region)"});
}

TEST_CASE("An unknown destination is reported with the nearest service id or role") {
    CHECK(messages(load_yaml(yaml_of(two_regions,
                                     "  - {id: r_west, region: west, rate_per_year: 1, to: taem}\n"
                                     "  - {id: r_kop, region: kop, rate_per_year: 1, to: team}\n",
                                     teams))) ==
          std::vector<std::string>{"inline.yaml:7:54: error: to: unknown service "
                                   "'taem' (did you mean 'team'?)"});
}

TEST_CASE("A route into another region's service without a role is an error") {
    const std::string services =
        teams + "  - {id: special_kop, region: kop, capacity: 9, duration_days: 1}\n"
                "  - {id: crisis, capacity: 9, duration_days: 1, next: {special_kop: 1}}\n";
    const auto lines = messages(load_yaml(yaml_of(
        two_regions,
        "  - {id: r_west, region: west, rate_per_year: 1, to: {team: 0.5, special_kop: 0.5}}\n"
        "  - {id: r_kop, region: kop, rate_per_year: 1, to: {special_kop: 0.5, crisis: 0.5}}\n",
        services)));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:7:66: error: to: youths of region 'west' cannot be sent to "
                       "'special_kop', a service of region 'kop' without a role (a youth only "
                       "uses its own region's services and the shared ones)",
                       "inline.yaml:13:56: error: next: shared service 'crisis' serves youths of "
                       "every region, so it cannot send them to 'special_kop', a service of "
                       "region 'kop' without a role (a youth only uses its own region's services "
                       "and the shared ones)"});
}

TEST_CASE("Youths of every region come back through the re-entry channel") {
    const std::string text =
        "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 3650\n" + two_regions +
        "reentry: {probability: 0.1, via: r_west}\nsources:\n"
        "  - {id: r_west, region: west, rate_per_year: 1, to: {team_west: 0.5, own: 0.5}}\n"
        "  - {id: r_kop, region: kop, rate_per_year: 1, to: team}\nservices:\n" +
        teams + "  - {id: own, region: west, capacity: 9, duration_days: 1}\n";
    CHECK(messages(load_yaml(text)) ==
          std::vector<std::string>{
              "inline.yaml:8:71: error: to: source 'r_west' (reentry.via) brings back youths of "
              "every region, so it cannot send them to 'own', a service of region 'west' without "
              "a role (a youth only uses its own region's services and the shared ones)"});
}

TEST_CASE("A route into another region's service with a role needs a counterpart at home") {
    // r_kop names west's pleegzorg by id: kop's youths go to kop's pleegzorg, which is missing.
    CHECK(messages(load_yaml(yaml_of(
              two_regions,
              "  - {id: r_west, region: west, rate_per_year: 1, to: team}\n"
              "  - {id: r_kop, region: kop, rate_per_year: 1, to: pleegzorg_west}\n",
              teams + "  - {id: pleegzorg_west, region: west, role: pleegzorg, capacity: 9, "
                      "duration_days: 1}\n"))) ==
          std::vector<std::string>{
              "inline.yaml:8:52: error: to: 'pleegzorg_west' leads youths of region 'kop' to "
              "their own region's service with role 'pleegzorg', but role 'pleegzorg' has no "
              "service in region 'kop'"});
}

TEST_CASE("A routing cycle that only one region's youths are caught in is an error") {
    // pz_kop's next names the role team: for kop's youths that is team_kop, whose next leads
    // back to pz_kop. Read without regions, 'team' would be team_west, which leads out.
    const std::string services =
        "  - {id: team_west, region: west, role: team, capacity: 9, duration_days: 1}\n"
        "  - {id: team_kop, region: kop, role: team, capacity: 9, duration_days: 1, next: {pz_kop: "
        "1}}\n"
        "  - {id: pz_west, region: west, role: pz, capacity: 9, duration_days: 1}\n"
        "  - {id: pz_kop, region: kop, role: pz, capacity: 9, duration_days: 1, next: {team: 1}}\n";
    CHECK(messages(load_yaml(yaml_of(two_regions, referrals, services))) ==
          std::vector<std::string>{
              "inline.yaml:11:82: error: routing cycle with no way out: youths of region 'kop' in "
              "'team_kop', 'pz_kop' never leave care (no next, overflow, renege_to or "
              "substitution route reaches exit)"});
}

TEST_CASE("census.region_weights: weights >= 0, not all 0, known regions, shared services") {
    const std::string services =
        teams + "  - {id: crisis, capacity: 9, duration_days: 1,\n"
                "     census: {region_weights: {west: -1, kopp: 2}}}\n"
                "  - {id: c2, capacity: 9, duration_days: 1, census: {region_weights: {west: "
                "0}}}\n"
                "  - {id: c3, capacity: 9, duration_days: 1, census: {region_weights: [west]}}\n"
                "  - {id: c4, region: kop, capacity: 9, duration_days: 1,\n"
                "     census: {region_weights: {kop: 1}}}\n"
                "  - {id: c5, capacity: 9, duration_days: 1, census: {region_weights: {kop: "
                ".inf}}}\n";
    const auto lines = messages(load_yaml(yaml_of(two_regions, referrals, services)));
    CHECK(lines ==
          std::vector<std::string>{
              "inline.yaml:13:38: error: weight of 'west' must be a number >= 0, got -1",
              "inline.yaml:13:42: error: census.region_weights: unknown region 'kopp' (did you "
              "mean 'kop'?)",
              "inline.yaml:14:70: error: census.region_weights: every weight is 0; give at least "
              "one region a weight above 0",
              "inline.yaml:15:70: error: census.region_weights must be a map like {REGION: 3, "
              "...}, got a list",
              "inline.yaml:17:31: error: census.region_weights: service 'c4' belongs to region "
              "'kop', so its census youths all come from there; region_weights is for shared "
              "services",
              "inline.yaml:18:76: error: weight of 'kop' must be a finite number, got .inf"});
}

TEST_CASE("census.region_weights in a scenario without regions is an error") {
    CHECK(messages(load_yaml(yaml_of(
              "", "  - {id: r, rate_per_year: 1, to: a}\n",
              "  - {id: a, capacity: 1, duration_days: 1, census: {region_weights: {a: 1}}}\n"))) ==
          std::vector<std::string>{"inline.yaml:8:69: error: census.region_weights: the scenario "
                                   "has no regions (add a top-level 'regions: [{id: ..., name: "
                                   "...}]')"});
}

TEST_CASE("The overload estimate follows each region's youths to its own services") {
    // 400 youths a year from kop and 40 from west pass the shared crisis service, whose next
    // names pleegzorg (west's, the first with the role): kop's youths go to kop's pleegzorg.
    const auto lines = overloads(load_yaml(
        yaml_of(two_regions,
                "  - {id: r_west, region: west, rate_per_year: 40, to: crisis}\n"
                "  - {id: r_kop, region: kop, rate_per_year: 400, to: crisis}\n",
                "  - {id: crisis, capacity: 100, duration_days: 1, next: {pleegzorg: 1}}\n"
                "  - {id: pleegzorg_west, region: west, role: pleegzorg, capacity: 50,\n"
                "     duration_days: {dist: deterministic, value: 365}}\n"
                "  - {id: pleegzorg_kop, region: kop, role: pleegzorg, capacity: 50,\n"
                "     duration_days: {dist: deterministic, value: 365}}\n")));
    CHECK(lines == std::vector<std::string>{
                       "inline.yaml:13:65: inflow exceeds capacity for good: about 400 "
                       "arrivals/year x 365 days mean stay = 400 places needed, capacity 50"});
}
