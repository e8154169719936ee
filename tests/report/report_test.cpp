// Specification of write_report: report.html is the page script plus one data document of the
// results set (its sections and charts are built by tools/report/assets/report.js and page.js,
// tested with Node and Chromium); a folder without results gets a clear error and no report.
#include <catch2/catch.hpp>

#include "report/report.hpp"
#include "words/words.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
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

// The data document the page script builds the page from.
nlohmann::json data_of(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"zorgsim-data\">";
    const auto from = page.find(open);
    REQUIRE(from != std::string::npos);
    const auto to = page.find("</script>", from);
    return nlohmann::json::parse(page.substr(from + open.size(), to - from - open.size()));
}

std::size_t lines_of(const fs::path& file) {
    std::ifstream in(file);
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line);) {
        lines += line.empty() ? 0 : 1;
    }
    return lines;
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

TEST_CASE("a run's report is one data document and the page script, and fetches nothing",
          "[report]") {
    const Scratch dir("run", "run");
    write_report(dir);
    const auto page = read(dir / "report.html");
    CHECK(page.find("<html lang=\"nl\">") != std::string::npos);
    const std::regex external(R"re(<(script|link|img|iframe)[^>]*(src|href)=["']?(https?:)?//)re",
                              std::regex::icase);
    CHECK_FALSE(std::regex_search(page, external));
    // The sections are built by the page script: no HTML of them, no chart specs from C++.
    CHECK(page.find("id=\"zorgsim-charts\"") == std::string::npos);
    CHECK(page.find("<section") == std::string::npos);
    CHECK(page.find("zorgsimReport") != std::string::npos);

    const auto data = data_of(page);
    CHECK(data["lang"] == "nl");
    CHECK(data["is_comparison"] == false);
    REQUIRE(data["scenarios"].size() == 1);
    const auto& scenario = data["scenarios"][0];
    CHECK(scenario["policies"][0]["description"].get<std::string>().rfind(
              "Closed care reduced from 8 to 6 places", 0) == 0);
    CHECK(scenario["system"].contains("cost"));
    REQUIRE(data["services"].size() == 5);
    CHECK(data["services"][3]["id"] == "jeugdzorgplus");
    CHECK(data["services"][3]["closed"] == true);
    // Every row of timeseries.csv, column by column.
    CHECK(data["timeseries"]["rows"].size() == lines_of(dir / "timeseries.csv") - 1);
    CHECK(data["timeseries"]["columns"][0] == "scenario");
    CHECK(data["paired"].is_null());
    CHECK(data["sizing"].is_null());
}

TEST_CASE("labels, units and definitions come from the outcome catalogue, words from the words "
          "table, in the report's language",
          "[report]") {
    const Scratch dir("run", "catalogue");
    write_report(dir);
    const auto nl = data_of(read(dir / "report.html"));
    CHECK(nl["catalogue"]["system"]["closed"]["label"] == "In gesloten jeugdzorg");
    CHECK(nl["catalogue"]["system"]["cost"]["unit"] == "euros");
    CHECK(nl["catalogue"]["service"]["wait_days"]["unit"] == "days");
    CHECK(nl["catalogue"]["service"]["wait_days"]["per_period"] == true);
    // Only the metrics the results hold: this run has no regions.
    CHECK(nl["catalogue"]["region"].empty());
    CHECK_FALSE(nl["catalogue"]["system"].contains("events"));
    CHECK(nl["words"]["report_summary"] == "Samenvatting");

    write_report(dir, zorgsim::words::Language::en);
    const auto page = read(dir / "report.html");
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    const auto en = data_of(page);
    CHECK(en["lang"] == "en");
    CHECK(en["catalogue"]["system"]["closed"]["label"] == "In closed care");
    CHECK(en["words"]["report_summary"] == "Summary");
}

TEST_CASE("report.html is byte-identical between identical runs", "[report]") {
    const Scratch dir("regions", "identical");
    write_report(dir);
    const auto first = read(dir / "report.html");
    write_report(dir);
    CHECK(read(dir / "report.html") == first);
}

TEST_CASE("a comparison's document holds the base first, the differences and differences.csv",
          "[report]") {
    const Scratch dir("regions", "regions");
    write_report(dir);
    const auto data = data_of(read(dir / "report.html"));
    CHECK(data["is_comparison"] == true);
    REQUIRE(data["scenarios"].size() == 2);
    CHECK(data["scenarios"][0]["name"] == "two-regions");
    CHECK(data["differences"][0]["alternative"] == "two-regions-fewer-closed");
    CHECK(data["paired"]["columns"][0] == "alternative");
    CHECK(data["paired"]["rows"].size() == lines_of(dir / "differences.csv") - 1);
    CHECK(data["regions"].size() == 2);
    CHECK(data["catalogue"]["region"]["shared_wait_days"]["unit"] == "days");
    // Region rows of timeseries.csv are not mistaken for services.
    for (const auto& service : data["services"]) {
        CHECK(service["id"].get<std::string>().rfind("region:", 0) != 0);
    }
}

TEST_CASE("a comparison without differences.csv has no paired table", "[report]") {
    const Scratch dir("compare", "compare");
    write_report(dir);
    const auto data = data_of(read(dir / "report.html"));
    CHECK(data["paired"].is_null());
    CHECK(data["scenarios"][1]["name"] == "foster-care-plus");
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
    CHECK(page.find("<title>A &lt;/script&gt;&lt;script&gt;alert(1)") != std::string::npos);
    CHECK(data_of(page)["scenarios"][0]["description"][0] == "<img src=x onerror=alert(1)>");
}

TEST_CASE("a folder with only sizing.json still gets its sizing reported", "[report]") {
    const Scratch dir("sizing", "sizing-only");
    fs::remove(dir / "summary.json");
    fs::remove(dir / "timeseries.csv");
    write_report(dir);
    const auto data = data_of(read(dir / "report.html"));
    CHECK(data["sizing"]["capacity"] == 9);
    CHECK(data["timeseries"].is_null());
    CHECK(data["scenarios"].size() == 1);
}
