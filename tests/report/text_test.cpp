// Specification of how the report writes numbers, dates and names for people.
#include <catch2/catch.hpp>

#include "report/text.hpp"

using namespace zorgsim::report;

TEST_CASE("numbers get thousands separators and a fixed number of decimals", "[report]") {
    CHECK(format_number(1234567.891, 1) == "1,234,567.9");
    CHECK(format_number(999.96, 1) == "1,000.0");
    CHECK(format_number(-1234, 0) == "-1,234");
    CHECK(format_number(-0.01, 1) == "0.0"); // no "-0.0": there is no difference to show
}

TEST_CASE("values are shown in their unit", "[report]") {
    CHECK(format_value(23.44, Unit::days) == "23.4");
    CHECK(format_value(1234.6, Unit::count) == "1,235");
    CHECK(format_value(12.34, Unit::youths) == "12.3");
    CHECK(format_value(15'920'000, Unit::euros) == "€15.9m");
    CHECK(format_value(-2'500'000, Unit::euros, true) == "-€2.5m");
    CHECK(format_value(123'400, Unit::euros) == "€123,400");
    CHECK(format_value(0.21349, Unit::ratio) == "0.213");
    CHECK(format_value(0.41, Unit::percent) == "41%");
    CHECK(format_value(std::nullopt, Unit::days) == "–");
}

TEST_CASE("differences carry their sign, but zero has none", "[report]") {
    CHECK(format_value(1.25, Unit::days, true) == "+1.2");
    CHECK(format_value(-1.25, Unit::days, true) == "-1.2");
    CHECK(format_value(0.01, Unit::days, true) == "0.0");
}

TEST_CASE("exact numbers keep the results files' six significant digits", "[report]") {
    CHECK(exact_text(15'920'000) == "15,920,000");
    CHECK(exact_text(116.4) == "116.4");
    CHECK(exact_text(0.4064) == "0.4064");
    CHECK(exact_text(2.0) == "2");
    CHECK(exact_text(-3.5) == "-3.5");
}

TEST_CASE("dates and periods read as words", "[report]") {
    CHECK(format_date("2027-01-01") == "1 January 2027");
    CHECK(format_date("someday") == "someday");
    CHECK(period_label("2025-01-01", "year") == "2025");
    CHECK(period_label("2025-04-01", "quarter") == "2025 Q2");
    CHECK(period_label("2025-03-01", "month") == "Mar 2025");
}

TEST_CASE("HTML text is escaped and ids are slugs", "[report]") {
    CHECK(escape_html("<b>\"A&B\"</b>") == "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
    CHECK(slug("JeugdzorgPlus (closed)") == "jeugdzorgplus-closed");
    CHECK(slug("***") == "x");
}
