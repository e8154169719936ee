// Specification of a backtest: each observed value is compared with the forecast of the same
// quantity at the same date, per replication the sum of the series' outputs over the periods
// the value covers; the bands' flags, the error of the mean and the coverage follow from those
// per-replication values. Hand-made replications make every expected number exact.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "backtest/backtest.hpp"
#include "backtest/backtest_files.hpp"

namespace fs = std::filesystem;
using namespace zorgsim;
using namespace zorgsim::backtest;

namespace {

// Two years from 1 January 2020 in quarters, one service.
care::Scenario two_years() {
    care::Scenario scenario;
    scenario.name = "two-years";
    scenario.start = std::chrono::year{2020} / std::chrono::January / 1;
    scenario.horizon_days = 731.0; // 2020 is a leap year
    scenario.period = Period::quarter;
    care::Service team;
    team.id = "team";
    team.capacity = {{0.0, 3}};
    scenario.services.push_back(team);
    return scenario;
}

struct Files {
    fs::path dir =
        fs::temp_directory_path() / ("zorgsim-backtest-" + std::to_string(std::random_device{}()));
    Files() { fs::create_directories(dir); }
    ~Files() { fs::remove_all(dir); }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name) << text;
        return dir / name;
    }
};

const std::string series_csv = "series,model,unit,label_nl,label_en\n"
                               "occupancy,service.team.occupancy,youths,Bezetting,Occupancy\n"
                               "admissions,service.team.admissions,count,Opnames,Admissions\n";

// Replication r has occupancy 10 + r and admissions 100 x (period + 1) + r in every period.
experiment::Aggregate replications(const care::Scenario& scenario, int count) {
    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    const std::size_t occupancy =
        layout.service_series(0, care::metric_index(care::service_series_metrics, "occupancy"));
    const std::size_t admissions =
        layout.service_series(0, care::metric_index(care::service_series_metrics, "admissions"));
    experiment::Aggregate aggregate(layout);
    for (int r = 0; r < count; ++r) {
        care::ReplicationOutcome outcome;
        outcome.summary.assign(layout.summary_size(), 0.0);
        outcome.series.assign(layout.series_cells() * layout.periods.size(), 0.0);
        outcome.waits.resize(layout.services.size());
        for (std::size_t p = 0; p < layout.periods.size(); ++p) {
            outcome.series[occupancy * layout.periods.size() + p] = 10.0 + r;
            outcome.series[admissions * layout.periods.size() + p] =
                100.0 * static_cast<double>(p + 1) + r;
        }
        aggregate.add(outcome);
    }
    return aggregate;
}

ObservedData read(const Files& files, const std::string& observed, const care::Scenario& scenario,
                  std::vector<scenario::Diagnostic>& errors) {
    return read_observed(
        files.write("observed.csv",
                    "series,date,value,unit,measure,period_start,use,source\n" + observed),
        files.write("observed-series.csv", series_csv), scenario, errors);
}

} // namespace

TEST_CASE("a stock is read off the period that holds its date, a flow adds up its periods",
          "[backtest]") {
    const Files files;
    const care::Scenario scenario = two_years();
    std::vector<scenario::Diagnostic> errors;
    const ObservedData observed = read(files,
                                       "occupancy,2020-05-15,12,youths,stock,,calibration,x\n"
                                       "admissions,2021-12-31,2603,n,flow,2021-01-01,test,x\n",
                                       scenario, errors);
    REQUIRE(errors.empty());
    REQUIRE(observed.values.size() == 2);
    CHECK(observed.values[0].first_period == 1); // the second quarter of 2020
    CHECK(observed.values[0].last_period == 1);
    CHECK(observed.values[1].first_period == 4); // the four quarters of 2021
    CHECK(observed.values[1].last_period == 7);

    const experiment::Aggregate aggregate = replications(scenario, 5);
    const BacktestResult result = compare(observed, aggregate);
    // Occupancy 10..14 over the replications: mean 12, quartiles 11 and 13 (R type 7).
    const Comparison& stock = result.comparisons[0];
    CHECK(stock.forecast.mean == Approx(12.0));
    CHECK(stock.forecast.p25() == Approx(11.0));
    CHECK(stock.forecast.p75() == Approx(13.0));
    CHECK(stock.inside_50);
    CHECK(stock.inside_90);
    CHECK(*stock.error_pct == Approx(0.0).margin(1e-12));
    // Admissions in 2021: 500 + 600 + 700 + 800 + 4r, so 2600 + 4r with mean 2608.
    const Comparison& flow = result.comparisons[1];
    CHECK(flow.forecast.mean == Approx(2608.0));
    CHECK(flow.forecast.p05() == Approx(2600.8));
    CHECK(flow.forecast.p95() == Approx(2615.2));
    CHECK(flow.inside_90);
    CHECK_FALSE(flow.inside_50); // 2603 is below the lower quartile, 2604
    CHECK(*flow.error_pct == Approx(100.0 * 5.0 / 2603.0));
}

TEST_CASE("a value on a band's edge is inside it, and zero has no percentage error", "[backtest]") {
    const Files files;
    const care::Scenario scenario = two_years();
    std::vector<scenario::Diagnostic> errors;
    const ObservedData observed = read(files,
                                       "occupancy,2020-01-01,11,youths,stock,,calibration,x\n"
                                       "occupancy,2020-04-01,0,youths,stock,,test,x\n"
                                       "occupancy,2021-01-01,30,youths,stock,,test,x\n",
                                       scenario, errors);
    REQUIRE(errors.empty());
    const BacktestResult result = compare(observed, replications(scenario, 5));
    CHECK(result.comparisons[0].inside_50); // 11 is the lower quartile itself
    CHECK_FALSE(result.comparisons[1].error_pct);
    CHECK_FALSE(result.comparisons[1].inside_90);
    CHECK_FALSE(result.comparisons[2].inside_90);

    // Coverage keeps calibration and test apart; the mean absolute error leaves out the zero.
    CHECK(result.calibration.values == 1);
    CHECK(result.calibration.inside_50 == 1);
    CHECK(result.test.values == 2);
    CHECK(result.test.inside_90 == 0);
    REQUIRE(result.test.mape);
    CHECK(*result.test.mape == Approx(100.0 * 18.0 / 30.0));
    CHECK(result.series[0].test.values == 2);
    CHECK(result.series[1].test.values == 0);
    CHECK_FALSE(result.series[1].test.mape);
}

TEST_CASE("a replication without an observation is left out of the forecast", "[backtest]") {
    const Files files;
    const care::Scenario scenario = two_years();
    std::vector<scenario::Diagnostic> errors;
    const ObservedData observed =
        read(files, "occupancy,2020-02-01,12,youths,stock,,calibration,x\n", scenario, errors);
    REQUIRE(errors.empty());
    const care::OutcomeLayout layout = care::outcome_layout(scenario);
    experiment::Aggregate aggregate(layout);
    const std::size_t occupancy =
        layout.service_series(0, care::metric_index(care::service_series_metrics, "occupancy"));
    for (double value : {10.0, std::numeric_limits<double>::quiet_NaN(), 14.0}) {
        care::ReplicationOutcome outcome;
        outcome.summary.assign(layout.summary_size(), 0.0);
        outcome.series.assign(layout.series_cells() * layout.periods.size(), 0.0);
        outcome.waits.resize(layout.services.size());
        outcome.series[occupancy * layout.periods.size()] = value;
        aggregate.add(outcome);
    }
    const BacktestResult result = compare(observed, aggregate);
    CHECK(result.comparisons[0].forecast.mean == Approx(12.0));
}

TEST_CASE("values outside the horizon are listed, not compared", "[backtest]") {
    const Files files;
    const care::Scenario scenario = two_years();
    std::vector<scenario::Diagnostic> errors;
    const ObservedData observed = read(files,
                                       "occupancy,2019-12-31,12,youths,stock,,calibration,x\n"
                                       "occupancy,2022-01-01,12,youths,stock,,test,x\n"
                                       "admissions,2022-12-31,9,n,flow,2021-01-01,test,x\n"
                                       "admissions,2021-12-31,9,n,flow,2021-01-01,test,x\n",
                                       scenario, errors);
    REQUIRE(errors.empty());
    REQUIRE(observed.not_compared.size() == 3);
    CHECK(observed.not_compared[0].line == 2);
    CHECK(observed.not_compared[0].reason == "before the scenario's start");
    CHECK(observed.not_compared[1].reason == "after the scenario's end");
    CHECK(observed.not_compared[2].line == 4);
    CHECK(observed.values.size() == 1);
}

TEST_CASE("a flow's fan has a point per window of its observed period, a stock's per period",
          "[backtest]") {
    const Files files;
    const care::Scenario scenario = two_years();
    std::vector<scenario::Diagnostic> errors;
    const ObservedData observed = read(files,
                                       "occupancy,2020-12-31,12,youths,stock,,calibration,x\n"
                                       "admissions,2021-12-31,9,n,flow,2021-01-01,test,x\n",
                                       scenario, errors);
    REQUIRE(errors.empty());
    const BacktestResult result = compare(observed, replications(scenario, 3));
    CHECK(result.series[0].fan.size() == 8);
    REQUIRE(result.series[1].fan.size() == 2);
    CHECK(result.series[1].fan[0].first_period == 0);
    CHECK(result.series[1].fan[0].last_period == 3);
    // 2020: 100 + 200 + 300 + 400 + 4r over r = 0, 1, 2.
    CHECK(result.series[1].fan[0].forecast.mean == Approx(1004.0));

    const std::string csv = backtest_csv(observed, result);
    CHECK(csv.starts_with(std::string(backtest_header)));
    const auto json = backtest_json(scenario, observed, result);
    CHECK(json["series"][1]["fan"][1]["period_start"] == "2021-01-01");
    CHECK(json["series"][1]["fan"][1]["period_end"] == "2021-12-31");
}
