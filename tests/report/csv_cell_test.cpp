// Specification of csv_cell, the one way every zorgsim CSV file writes a cell (RFC 4180 quoting,
// no formula for a spreadsheet to run), and that the report reads each cell back as written.
#include <catch2/catch.hpp>

#include "output/csv_cell.hpp"
#include "report/timeseries.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using zorgsim::output::csv_cell;
using zorgsim::output::csv_text;
namespace fs = std::filesystem;

TEST_CASE("ordinary ids, names and numbers are written as they are", "[report][csv]") {
    for (const std::string text : {"pleegzorg", "westfriesland-baseline", "region:kop", "wait_days",
                                   "2025-01-01", "12.5", "", "a b", "coördinatie"}) {
        CHECK(csv_cell(text) == text);
    }
}

TEST_CASE("a cell with a comma, a quote or a line break is quoted, its quotes doubled",
          "[report][csv]") {
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("a text cell that a spreadsheet would run as a formula is neutralised", "[report][csv]") {
    CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+cmd") == "'+cmd");
    CHECK(csv_cell("-cmd") == "'-cmd");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    // Numbers are not text cells: a sweep's value -0.02 stays a number.
    CHECK(csv_cell("-0.02") == "-0.02");
    CHECK(csv_cell("+3") == "+3");
    CHECK(csv_cell("-1e3") == "-1e3");
    // A text that starts with ' and a formula character keeps its own quote mark.
    CHECK(csv_cell("'=x") == "''=x");
}

TEST_CASE("the reader gets back exactly the text written", "[report][csv]") {
    // Cells that need no quotes: csv_text undoes the neutralising "'" alone.
    for (const std::string text :
         {"pleegzorg", "=1+1", "-cmd", "'=x", "''", "'plain", "-0.02", "@"}) {
        CHECK(std::string(csv_text(csv_cell(text))) == text);
    }
    // Through a whole file, as the report reads timeseries.csv.
    const std::vector<std::string> services{"=evil()",  "-x",         "a,b",
                                            "quote\"d", "two\nlines", "'=y"};
    const auto file = fs::temp_directory_path() / "zorgsim-report-test-csv-cells.csv";
    {
        std::ofstream out(file, std::ios::binary);
        out << "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi\n";
        for (const auto& service : services) {
            out << csv_cell("+s") << ",2025-01-01," << csv_cell(service) << ",occupancy,1,0,2\n";
        }
    }
    const auto timeseries = zorgsim::report::Timeseries::read(file);
    REQUIRE(timeseries.rows().size() == services.size());
    for (std::size_t i = 0; i < services.size(); ++i) {
        CHECK(timeseries.rows()[i].scenario == "+s");
        CHECK(timeseries.rows()[i].service == services[i]);
        CHECK(timeseries.rows()[i].mean == 1.0);
    }
    fs::remove(file);
}
