// Specification of reading timeseries.csv: columns by name, empty cells as "no observation".
#include <catch2/catch.hpp>

#include "report/results.hpp"
#include "report/timeseries.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

using namespace zorgsim::report;
namespace fs = std::filesystem;

namespace {

fs::path write_csv(const std::string& name, const std::string& text) {
    const auto file = fs::temp_directory_path() / ("zorgsim-report-test-" + name + ".csv");
    std::ofstream(file) << text;
    return file;
}

} // namespace

TEST_CASE("empty cells are read as no observation", "[report]") {
    const auto file = write_csv(
        "empty", "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi,p05,p25,p50,p75,p95\n"
                 "a,2026-01-01,jzp,wait_days,,,,,,,,\n"
                 "a,2025-01-01,jzp,wait_days,12.5,10,15,2,6,11,17,30\n");
    const auto timeseries = Timeseries::read(file);
    const auto series = timeseries.series("a", "jzp", "wait_days");
    REQUIRE(series.size() == 2);
    CHECK(series[0]->period_start == "2025-01-01"); // sorted by period
    CHECK(series[0]->p95 == 30.0);
    CHECK_FALSE(series[1]->mean.has_value());
    CHECK_FALSE(series[1]->p50.has_value());
}

TEST_CASE("columns are found by name, so added columns do no harm", "[report]") {
    const auto file = write_csv(
        "order",
        "service,scenario,extra,period_start,metric,p95,p75,p50,p25,p05,ci95_hi,ci95_lo,mean\n"
        "team,a,x,2025-01-01,occupancy,9,8,7,6,5,4,3,2\n");
    const auto timeseries = Timeseries::read(file);
    const auto series = timeseries.series("a", "team", "occupancy");
    REQUIRE(series.size() == 1);
    CHECK(series[0]->mean == 2.0);
    CHECK(series[0]->p95 == 9.0);
}

TEST_CASE("differences.csv reads the same way, its alternative as the scenario", "[report]") {
    const auto file = write_csv(
        "differences", "base,alternative,period_start,service,metric,mean,ci95_lo,ci95_hi\n"
                       "b,a,2025-01-01,system,waiting,-1.5,-2,-1\n");
    const auto differences = Timeseries::read(file, "alternative");
    const auto series = differences.series("a", "system", "waiting");
    REQUIRE(series.size() == 1);
    CHECK(series[0]->mean == -1.5);
    CHECK(series[0]->ci95_lo == -2.0);
    CHECK_FALSE(series[0]->p50.has_value()); // no quantiles: the column is optional
    // Without its scenario column, a file is still refused.
    CHECK_THROWS_WITH(Timeseries::read(file), Catch::Contains(":1: error: no column 'scenario'"));
}

TEST_CASE("a malformed file is reported with its line", "[report]") {
    const auto file = write_csv(
        "bad", "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi,p05,p25,p50,p75,p95\n"
               "a,2025-01-01,team,occupancy,1.5x,1,2,1,1,1,2,2\n");
    CHECK_THROWS_WITH(Timeseries::read(file), Catch::Contains(":2: error: '1.5x' is not a number"));
    const auto missing = write_csv("missing", "scenario,period_start,service\n");
    CHECK_THROWS_WITH(Timeseries::read(missing), Catch::Contains("no column 'metric'"));
}

TEST_CASE("a timeseries.csv larger than zorgsim writes is refused before it is read", "[report]") {
    const std::string header =
        "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi,p05,p25,p50,p75,p95\n";
    SECTION("more than max_csv_rows rows") {
        std::string text = header;
        for (std::size_t i = 0; i <= max_csv_rows; ++i) {
            text += "a,2025-01-01,s,wait_days,1,1,1,1,1,1,1,1\n";
        }
        const auto file = write_csv("rows", text);
        CHECK_THROWS_WITH(Timeseries::read(file),
                          Catch::Contains(file.string() + ":250002: error: more than 250000 rows"));
        fs::remove(file);
    }
    SECTION("more than max_csv_bytes bytes") {
        const auto file = write_csv("bytes", header);
        fs::resize_file(file, max_csv_bytes + 1);
        CHECK_THROWS_WITH(Timeseries::read(file),
                          file.string() + ": error: " + file.filename().string() +
                              " is 32.0 MB; zorgsim's own files are at most 32 MB");
        fs::remove(file);
    }
    SECTION("just within both limits it reads") {
        std::string text = header;
        for (std::size_t i = 0; i < max_csv_rows; ++i) {
            text += "a,2025-01-01,s,wait_days,1,1,1,1,1,1,1,1\n";
        }
        const auto file = write_csv("within", text);
        CHECK(Timeseries::read(file).rows().size() == max_csv_rows);
        fs::remove(file);
    }
}
