// Specification of write_report: what the page holds for each kind of results folder, and that
// a folder without results gets a clear error and no report.
#include <catch2/catch.hpp>

#include "report/report.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <system_error>

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using zorgsim::report::write_report;

namespace {

// A fresh copy of a fixture folder (or an empty folder), so that tests never write into the
// source tree; named after the process too, so that two test runs never share one, and removed
// when the test is done.
class Scratch {
  public:
    Scratch(const std::string& fixture, const std::string& name)
        : dir_(fs::temp_directory_path() /
               ("zorgsim-report-test-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(dir_);
        if (fixture.empty()) {
            fs::create_directories(dir_);
        } else {
            fs::copy(fs::path(ZORGSIM_REPORT_FIXTURES) / fixture, dir_,
                     fs::copy_options::recursive);
        }
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    operator const fs::path&() const { return dir_; }
    fs::path operator/(const std::string& file) const { return dir_ / file; }

  private:
    fs::path dir_;
};

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json charts_of(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"zorgsim-charts\">";
    const auto from = page.find(open);
    REQUIRE(from != std::string::npos);
    const auto to = page.find("</script>", from);
    return nlohmann::json::parse(page.substr(from + open.size(), to - from - open.size()));
}

// Every colour scale on the field "scenario" in SPEC, wherever it is nested.
void scenario_domains(const nlohmann::json& spec, std::set<std::string>& found) {
    if (spec.is_object()) {
        if (spec.value("field", "") == "scenario" && spec.contains("scale") &&
            spec["scale"].contains("range")) {
            found.insert(spec["scale"]["domain"].dump() + spec["scale"]["range"].dump());
        }
        for (const auto& [key, value] : spec.items()) {
            scenario_domains(value, found);
        }
    } else if (spec.is_array()) {
        for (const auto& value : spec) {
            scenario_domains(value, found);
        }
    }
}

} // namespace

TEST_CASE("a folder without results gets a clear error and no report", "[report]") {
    const Scratch dir("", "empty");
    CHECK_THROWS_WITH(write_report(dir),
                      Catch::Contains("no results to report") && Catch::Contains("summary.json"));
    CHECK_FALSE(fs::exists(dir / "report.html"));
    CHECK(fs::is_empty(dir));
}

TEST_CASE("a folder that does not exist gets a clear error", "[report]") {
    CHECK_THROWS_WITH(write_report(fs::temp_directory_path() / "zorgsim-no-such-folder"),
                      Catch::Contains("no such results folder"));
}

TEST_CASE("a broken results file leaves the previous report as it was", "[report]") {
    const Scratch dir("run", "broken");
    write_report(dir);
    const auto before = read(dir / "report.html");
    std::ofstream(dir / "summary.json") << "{\"format\": 1, \"services\": ";
    CHECK_THROWS_WITH(write_report(dir), Catch::Contains("summary.json: error: not valid JSON"));
    CHECK(read(dir / "report.html") == before);
    for (const auto& entry : fs::directory_iterator(dir)) {
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

TEST_CASE("a run's report holds its sections in reading order and fetches nothing", "[report]") {
    const Scratch dir("run", "run");
    write_report(dir);
    const auto page = read(dir / "report.html");

    std::size_t at = 0;
    for (const char* section : {"id=\"scenarios\"", "id=\"outcomes\"", "id=\"services\"",
                                "id=\"per-year\"", "id=\"about\""}) {
        const auto found = page.find(section, at);
        CHECK(found != std::string::npos);
        at = found == std::string::npos ? at : found;
    }
    CHECK(page.find("id=\"differences\"") == std::string::npos);
    CHECK(page.find("Closed care reduced from 8 to 6 places") != std::string::npos);
    CHECK(page.find("1 January 2027") != std::string::npos);
    CHECK(page.find("Wait for Closed care<span class=\"definition\">JeugdzorgPlus;") !=
          std::string::npos);

    const std::regex external(R"re(<(script|link|img|iframe)[^>]*(src|href)=["']?(https?:)?//)re",
                              std::regex::icase);
    CHECK_FALSE(std::regex_search(page, external));

    const auto charts = charts_of(page);
    std::set<std::string> ids;
    for (const auto& chart : charts) {
        ids.insert(chart["id"].get<std::string>());
        CHECK(page.find("id=\"chart-" + chart["id"].get<std::string>() + "\"") !=
              std::string::npos);
    }
    CHECK(ids.size() == charts.size());
    // Five services with three fans each, three system fans, admissions and two cost charts.
    CHECK(charts.size() == 5 * 3 + 3 + 3);
    CHECK(ids.count("admissions-per-year") == 1);
    CHECK(ids.count("service-jeugdzorgplus-wait") == 1);
}

TEST_CASE("a comparison colours each scenario the same in every chart", "[report]") {
    const Scratch dir("compare", "compare");
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("id=\"differences\"") != std::string::npos);
    CHECK(page.find("id=\"differences-over-time\"") != std::string::npos);
    CHECK(page.find("foster-care-plus compared with baseline") != std::string::npos);

    std::set<std::string> scales;
    for (const auto& chart : charts_of(page)) {
        scenario_domains(chart["spec"], scales);
    }
    REQUIRE(scales.size() == 1);
    CHECK(scales.begin()->rfind(R"(["baseline","foster-care-plus"])", 0) == 0);
}

TEST_CASE("a multi-region comparison gets a table per region and the regions over time",
          "[report]") {
    const Scratch dir("regions", "regions");
    write_report(dir);
    const auto page = read(dir / "report.html");
    const auto regions = page.find("id=\"regions\"");
    REQUIRE(regions != std::string::npos);
    CHECK(regions > page.find("id=\"per-year\""));
    CHECK(regions < page.find("id=\"differences\""));
    // A row per region in each scenario's table and in the table of differences.
    for (const char* name : {"Westfriesland", "Kop van Noord-Holland"}) {
        std::size_t rows = 0;
        for (auto at = page.find(std::string("<th scope=\"row\">") + name, regions);
             at != std::string::npos;
             at = page.find(std::string("<th scope=\"row\">") + name, at + 1)) {
            ++rows;
        }
        CHECK(rows == 3);
    }
    CHECK(page.find("two-regions-fewer-closed − two-regions, paired by replication") !=
          std::string::npos);

    std::set<std::string> ids;
    for (const auto& chart : charts_of(page)) {
        ids.insert(chart["id"].get<std::string>());
    }
    for (const char* chart :
         {"region-in-care", "region-out-of-home", "region-shared-wait", "region-cost"}) {
        CHECK(ids.count(chart) == 1);
    }
    // Region rows of timeseries.csv are not mistaken for services.
    CHECK(ids.count("service-region-kop-occupancy") == 0);
    CHECK(page.find("region:kop") == std::string::npos);
}

TEST_CASE("a multi-region report groups the services over time by region", "[report]") {
    const Scratch dir("regions", "regions-services");
    write_report(dir);
    const auto page = read(dir / "report.html");
    const auto shared = page.find("<h3 id=\"services-shared\">Shared services</h3>");
    const auto wf = page.find("<h3 id=\"services-region-westfriesland\">Westfriesland</h3>");
    const auto kop = page.find("<h3 id=\"services-region-kop\">Kop van Noord-Holland</h3>");
    const auto end = page.find("</section>", kop);
    REQUIRE(shared != std::string::npos);
    REQUIRE(wf != std::string::npos);
    REQUIRE(kop != std::string::npos);
    // Shared first, then the regions in input order, each holding only its own services.
    CHECK(shared < wf);
    CHECK(wf < kop);
    const auto block = [&](const char* id) { return page.find(std::string("id=\"service-") + id); };
    for (const char* id : {"crisis\"", "jeugdzorgplus\""}) {
        CHECK(block(id) > shared);
        CHECK(block(id) < wf);
    }
    for (const char* id : {"team-wf\"", "pleegzorg-wf\""}) {
        CHECK(block(id) > wf);
        CHECK(block(id) < kop);
    }
    for (const char* id : {"team-kop\"", "pleegzorg-kop\""}) {
        CHECK(block(id) > kop);
        CHECK(block(id) < end);
    }
    // A line of links jumps to each group.
    for (const char* anchor :
         {"#services-shared", "#services-region-westfriesland", "#services-region-kop"}) {
        CHECK(page.find(std::string("<a href=\"") + anchor + "\"") != std::string::npos);
    }
}

TEST_CASE("a single-region report lists the services without region headings", "[report]") {
    const Scratch dir("run", "single-region-services");
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("id=\"services\"") != std::string::npos);
    CHECK(page.find("services-shared") == std::string::npos);
    CHECK(page.find("<p class=\"jump\">") == std::string::npos);
    CHECK(page.find("<div class=\"service-block\" id=\"service-pleegzorg\">\n<h3>") !=
          std::string::npos);
}

namespace {

// The specs of PAGE's charts whose id starts with PREFIX, by id.
std::map<std::string, nlohmann::json> charts_starting(const std::string& page,
                                                      const std::string& prefix) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& chart : charts_of(page)) {
        const auto id = chart["id"].get<std::string>();
        if (id.rfind(prefix, 0) == 0) {
            out[id] = chart["spec"];
        }
    }
    return out;
}

bool has_area_layer(const nlohmann::json& spec) {
    for (const auto& layer : spec["layer"]) {
        if (layer["mark"]["type"] == "area") {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("differences over time are paired by replication, with their interval, when the "
          "folder has differences.csv",
          "[report]") {
    const Scratch dir("regions", "regions-paired");
    write_report(dir);
    const auto charts = charts_starting(read(dir / "report.html"), "difference-over-time-");
    REQUIRE(charts.count("difference-over-time-waiting") == 1);
    for (const auto& [id, spec] : charts) {
        INFO(id);
        CHECK(has_area_layer(spec));
        for (const auto& value : spec["data"]["values"]) {
            REQUIRE(value.contains("lo"));
            CHECK(value["lo"].get<double>() <= value["difference"].get<double>());
            CHECK(value["difference"].get<double>() <= value["hi"].get<double>());
        }
    }
    // The figures are differences.csv's, not the difference of timeseries.csv's means: 2027's
    // waiting list, 0.770896 in differences.csv, with its interval.
    bool found = false;
    for (const auto& value : charts.at("difference-over-time-waiting")["data"]["values"]) {
        if (value["date"] == "2027-01-01") {
            found = true;
            CHECK(value["difference"].get<double>() == Approx(0.770896));
            CHECK(value["lo"].get<double>() == Approx(0.174021));
            CHECK(value["hi"].get<double>() == Approx(1.36777));
        }
    }
    CHECK(found);
}

TEST_CASE("a multi-region comparison draws each region's paired change over time", "[report]") {
    const Scratch dir("regions", "regions-changes");
    write_report(dir);
    const auto page = read(dir / "report.html");
    const auto changes = charts_starting(page, "region-difference-");
    for (const char* metric : {"closed", "out-of-home", "shared-wait-days", "cost"}) {
        CHECK(changes.count(std::string("region-difference-") + metric +
                            "-two-regions-fewer-closed") == 1);
    }
    for (const auto& [id, spec] : changes) {
        INFO(id);
        std::set<std::string> regions;
        for (const auto& value : spec["data"]["values"]) {
            regions.insert(value["region"].get<std::string>());
            // "clear" is exactly "the interval excludes 0", as the tooltip's verdict says.
            const bool excludes_zero = value["t_verdict"].get<std::string>().rfind("yes", 0) == 0;
            CHECK(value["clear"].get<bool>() == excludes_zero);
        }
        CHECK(regions == std::set<std::string>{"Westfriesland", "Kop van Noord-Holland"});
    }
    // The fewer closed places of the alternative show in at least one region and year.
    bool some_clear = false;
    for (const auto& value :
         changes.at("region-difference-closed-two-regions-fewer-closed")["data"]["values"]) {
        some_clear = some_clear || value["clear"].get<bool>();
    }
    CHECK(some_clear);
    CHECK(page.find("a filled dot marks a change whose 95% interval excludes 0") !=
          std::string::npos);
}

TEST_CASE("without differences.csv, differences over time fall back to the difference of means",
          "[report]") {
    const Scratch dir("compare", "compare-unpaired");
    write_report(dir);
    const auto charts = charts_starting(read(dir / "report.html"), "difference-over-time-");
    REQUIRE(!charts.empty());
    for (const auto& [id, spec] : charts) {
        INFO(id);
        CHECK_FALSE(has_area_layer(spec));
        CHECK_FALSE(spec["data"]["values"].front().contains("lo"));
    }
    CHECK(read(dir / "report.html").find("region-difference-") == std::string::npos);
}

TEST_CASE("a sizing adds the trade-off curves and the plan", "[report]") {
    const Scratch dir("sizing", "sizing");
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("id=\"sizing\"") != std::string::npos);
    CHECK(page.find("<strong>9 places</strong>") != std::string::npos);
    std::set<std::string> ids;
    for (const auto& chart : charts_of(page)) {
        ids.insert(chart["id"].get<std::string>());
    }
    CHECK(ids.count("sizing-wait") == 1);
    CHECK(ids.count("sizing-cost") == 1);
    CHECK(ids.count("sizing-plan") == 1);
}

TEST_CASE("text from the results cannot break out of the page", "[report]") {
    const Scratch dir("run", "hostile");
    auto summary = nlohmann::json::parse(read(dir / "summary.json"));
    summary["title"] = "A </script><script>alert(1)</script> title";
    summary["description"] = {"<img src=x onerror=alert(1)>"};
    std::ofstream(dir / "summary.json") << summary.dump();
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("<script>alert(1)") == std::string::npos);
    CHECK(page.find("<img src=x") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("a folder with only sizing.json still gets its sizing reported", "[report]") {
    const Scratch dir("sizing", "sizing-only");
    fs::remove(dir / "summary.json");
    fs::remove(dir / "timeseries.csv");
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("id=\"sizing\"") != std::string::npos);
    CHECK(page.find("no timeseries.csv") != std::string::npos);
    std::set<std::string> ids;
    for (const auto& chart : charts_of(page)) {
        ids.insert(chart["id"].get<std::string>());
    }
    CHECK(ids == std::set<std::string>{"sizing-wait", "sizing-cost", "sizing-plan"});
}
