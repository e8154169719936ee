// Specification of what `zorgsim report` refuses in a results folder: results files that are not
// what zorgsim writes get "FILE: error: WHAT" and no report; and reading stays linear in the size
// of the folder's files.
#include <catch2/catch.hpp>

#include "report/report.hpp"
#include "report/results.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;
using zorgsim::report::InvalidResults;
using zorgsim::report::write_report;

namespace {

// A copy of the run fixture, removed when the test is done.
class RunFolder {
  public:
    explicit RunFolder(const std::string& name)
        : dir_(fs::temp_directory_path() /
               ("zorgsim-results-check-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(dir_);
        fs::copy(fs::path(ZORGSIM_REPORT_FIXTURES) / "run", dir_, fs::copy_options::recursive);
    }
    RunFolder(const RunFolder&) = delete;
    RunFolder& operator=(const RunFolder&) = delete;
    ~RunFolder() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    const fs::path& dir() const { return dir_; }
    void write(const std::string& file, const std::string& text) const {
        std::ofstream(dir_ / file, std::ios::binary) << text;
    }

  private:
    fs::path dir_;
};

} // namespace

TEST_CASE("a summary.json that is not a run's summary gets FILE: error: and no report",
          "[report]") {
    const RunFolder folder("schema");
    struct Case {
        const char* text;
        const char* message;
    };
    for (const Case& c : {
             Case{"[]", "summary.json: error: expected an object, got an array"},
             Case{"null", "summary.json: error: expected an object, got null"},
             Case{"{}", "summary.json: error: missing \"format\""},
             Case{"{\"format\": 2}", "summary.json: error: format: expected format 1, got 2"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"system\": {}}",
                  "summary.json: error: missing \"services\""},
             Case{"{\"format\": 1, \"scenario\": 3, \"services\": {}, \"system\": {}}",
                  "summary.json: error: scenario: expected a string, got a number"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {\"a\": []}, \"system\": {}}",
                  "summary.json: error: services.a: expected an object, got an array"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": "
                  "{\"cost\": {\"mean\": \"12\"}}}",
                  "summary.json: error: system.cost.mean: expected a number or null, got a "
                  "string"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": "
                  "{\"cost\": {\"mean\": 1, \"ci95\": [1]}}}",
                  "summary.json: error: system.cost.ci95: expected [lo, hi]"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"flows\": {}}",
                  "summary.json: error: flows: expected an array, got an object"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"flows\": [{\"from\": \"start\", \"mean\": 3}]}",
                  "summary.json: error: flows: missing \"to\""},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"flows\": [{\"from\": \"start\", \"to\": \"end:x\", \"mean\": \"3\"}]}",
                  "summary.json: error: flows.mean: expected a number or null, got a string"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"warnings\": [{\"service\": 7}]}",
                  "summary.json: error: warnings.service: expected a string, got a number"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"source_info\": {\"a\": 1}}",
                  "summary.json: error: source_info.a: expected an object, got a number"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"municipalities\": []}",
                  "summary.json: error: municipalities: expected an object, got an array"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"municipalities\": {\"Hoorn\": 3}}",
                  "summary.json: error: municipalities.Hoorn: expected an object, got a number"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"municipalities\": {\"Hoorn\": {\"cost\": {\"mean\": \"1\"}}}}",
                  "summary.json: error: municipalities.Hoorn.cost.mean: expected a number or "
                  "null, got a string"},
             Case{"{\"format\": 1, \"scenario\": \"s\", \"services\": {}, \"system\": {}, "
                  "\"municipality_info\": {\"Hoorn\": [15000]}}",
                  "summary.json: error: municipality_info.Hoorn: expected an object, got an "
                  "array"},
         }) {
        INFO(c.text);
        folder.write("summary.json", c.text);
        CHECK_THROWS_AS(write_report(folder.dir()), InvalidResults);
        CHECK_THROWS_WITH(write_report(folder.dir()), Catch::Contains(c.message));
        CHECK_FALSE(fs::exists(folder.dir() / "report.html"));
    }
}

TEST_CASE("a comparison.json or sizing.json of the wrong shape is refused", "[report]") {
    const RunFolder folder("schema-other");
    folder.write("comparison.json", "{\"format\": 1, \"base\": \"a\", \"scenarios\": {}}");
    CHECK_THROWS_WITH(write_report(folder.dir()),
                      Catch::Contains("comparison.json: error: scenarios: no results of the base"));
    folder.write("comparison.json",
                 "{\"format\": 1, \"base\": \"a\", \"scenarios\": {\"a\": {\"services\": {}, "
                 "\"system\": {}, \"municipalities\": {\"Hoorn\": []}}}}");
    CHECK_THROWS_WITH(write_report(folder.dir()),
                      Catch::Contains("comparison.json: error: scenarios.a.municipalities.Hoorn: "
                                      "expected an object, got an array"));
    folder.write("comparison.json",
                 "{\"format\": 1, \"base\": \"a\", \"scenarios\": {\"a\": {\"services\": {}, "
                 "\"system\": {}}}, \"differences\": {\"b\": {\"municipalities\": 1}}}");
    CHECK_THROWS_WITH(write_report(folder.dir()),
                      Catch::Contains("comparison.json: error: differences.b.municipalities: "
                                      "expected an object, got a number"));
    fs::remove(folder.dir() / "comparison.json");
    folder.write("sizing.json", "{\"format\": 1, \"service\": [\"x\"]}");
    CHECK_THROWS_WITH(write_report(folder.dir()),
                      Catch::Contains("sizing.json: error: service: expected a string"));
    CHECK_FALSE(fs::exists(folder.dir() / "report.html"));
}

TEST_CASE("reading many series of services the summary does not know stays linear", "[report]") {
    // 20,000 rows of services that are only in timeseries.csv took over a minute: every series
    // was found by scanning every row, and every service by scanning every service.
    const RunFolder folder("linear");
    std::string csv;
    {
        std::ifstream in(folder.dir() / "timeseries.csv", std::ios::binary);
        csv.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (int i = 0; i < 20000; ++i) {
        csv += "baseline,2025-01-01,ghost" + std::to_string(i) + ",occupancy,1,0,2,0,1,1,1,2\n";
    }
    folder.write("timeseries.csv", csv);
    const auto start = std::chrono::steady_clock::now();
    const auto results = zorgsim::report::load_results(folder.dir());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(results.services.size() >= 20000);
    CHECK(results.service("ghost19999") != nullptr);
    CHECK(results.timeseries.series("baseline", "ghost12345", "occupancy").size() == 1);
    CHECK(seconds < 5.0); // about 0.1 s; the quadratic reading took minutes
    write_report(folder.dir());
    const double total =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(total < 30.0); // a few seconds for 20,000 charts
}

TEST_CASE("a summary.json larger than zorgsim writes is refused before it is read", "[report]") {
    const RunFolder folder("big-summary");
    const auto summary = folder.dir() / "summary.json";
    fs::resize_file(summary, zorgsim::report::max_json_bytes + 1); // NULs: never parsed
    CHECK_THROWS_WITH(
        write_report(folder.dir(), zorgsim::words::Language::en),
        summary.string() +
            ": error: summary.json is 16.0 MB; zorgsim's own files are at most 16 MB");
    CHECK_FALSE(fs::exists(folder.dir() / "report.html"));
}
