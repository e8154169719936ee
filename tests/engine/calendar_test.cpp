// Specification of the calendar: ISO dates, day offsets from the start date, and the
// reporting periods "calendar years / quarters / months from the start date".
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "zorgsim/engine/calendar.hpp"

namespace chr = std::chrono;
using zorgsim::Calendar;
using zorgsim::Days;
using zorgsim::parse_iso_date;
using zorgsim::Period;

namespace {

chr::year_month_day date(const char* iso) {
    const auto parsed = parse_iso_date(iso);
    REQUIRE(parsed.has_value());
    return *parsed;
}

std::vector<std::string> iso_starts(const Calendar& calendar, Period period, Days horizon) {
    std::vector<std::string> out;
    for (Days day : calendar.period_starts(period, horizon))
        out.push_back(calendar.iso(day));
    return out;
}

} // namespace

TEST_CASE("ISO dates parse to the calendar date they name and print back unchanged", "[calendar]") {
    const auto d = parse_iso_date("2025-03-15");
    REQUIRE(d.has_value());
    CHECK(static_cast<int>(d->year()) == 2025);
    CHECK(static_cast<unsigned>(d->month()) == 3);
    CHECK(static_cast<unsigned>(d->day()) == 15);
    CHECK(zorgsim::to_iso(*d) == "2025-03-15");
    CHECK(zorgsim::to_iso(date("0987-01-02")) == "0987-01-02");
}

TEST_CASE("February 29 exists exactly in leap years (Gregorian rules)", "[calendar]") {
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK(parse_iso_date("2000-02-29").has_value()); // divisible by 400
    CHECK_FALSE(parse_iso_date("2025-02-29").has_value());
    CHECK_FALSE(parse_iso_date("1900-02-29").has_value()); // divisible by 100, not 400
    CHECK_FALSE(parse_iso_date("2100-02-29").has_value());
}

TEST_CASE("Anything but a valid YYYY-MM-DD date is refused", "[calendar]") {
    for (const char* bad :
         {"", "2025", "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", "20250101", "2025-13-01",
          "2025-00-10", "2025-04-31", "2025-01-00", "2025-01-01T00", "2025-0a-01", " 2025-01-01",
          "2025-01-01 ", "2025--1-01", "2025-+1-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
}

TEST_CASE("Period names parse and print", "[calendar]") {
    CHECK(zorgsim::parse_period("year") == Period::year);
    CHECK(zorgsim::parse_period("quarter") == Period::quarter);
    CHECK(zorgsim::parse_period("month") == Period::month);
    CHECK_FALSE(zorgsim::parse_period("week").has_value());
    CHECK_FALSE(zorgsim::parse_period("Year").has_value());
    CHECK(zorgsim::to_string(Period::quarter) == "quarter");
}

TEST_CASE("Day offsets count whole days from the start date, leap days included", "[calendar]") {
    const Calendar calendar(date("2024-01-01"));
    CHECK(calendar.day_of(date("2024-01-01")) == 0.0);
    CHECK(calendar.day_of(date("2024-03-01")) == 60.0);
    CHECK(calendar.day_of(date("2025-01-01")) == 366.0);
    CHECK(calendar.day_of(date("2023-12-31")) == -1.0);
    CHECK(calendar.iso(59.0) == "2024-02-29");
    CHECK(calendar.iso(366.0) == "2025-01-01");
}

TEST_CASE("A fractional day falls on the date of its whole day, also before the start",
          "[calendar]") {
    const Calendar calendar(date("2025-01-01"));
    CHECK(calendar.iso(0.0) == "2025-01-01");
    CHECK(calendar.iso(0.999) == "2025-01-01");
    CHECK(calendar.iso(1.0) == "2025-01-02");
    CHECK(calendar.iso(-0.25) == "2024-12-31");
    CHECK(calendar.iso(-1.0) == "2024-12-31");
    CHECK(calendar.iso(-1.5) == "2024-12-30");
}

TEST_CASE("From a mid-month start, the first period is the partial one at day 0 and the "
          "others are aligned calendar periods",
          "[calendar]") {
    const Calendar calendar(date("2025-03-15"));
    const Days horizon = calendar.day_of(date("2027-03-15"));

    SECTION("years start on January 1") {
        CHECK(calendar.day_of(date("2026-01-01")) == 292.0);
        CHECK(iso_starts(calendar, Period::year, horizon) ==
              std::vector<std::string>{"2025-03-15", "2026-01-01", "2027-01-01"});
    }
    SECTION("quarters start on January, April, July and October 1") {
        CHECK(iso_starts(calendar, Period::quarter, horizon) ==
              std::vector<std::string>{"2025-03-15", "2025-04-01", "2025-07-01", "2025-10-01",
                                       "2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01",
                                       "2027-01-01"});
    }
    SECTION("months start on the first") {
        const auto months = iso_starts(calendar, Period::month, horizon);
        REQUIRE(months.size() == 25);
        CHECK(months[0] == "2025-03-15");
        CHECK(months[1] == "2025-04-01");
        CHECK(months[11] == "2026-02-01");
        CHECK(months[24] == "2027-03-01");
    }
}

TEST_CASE("A start on the first day of a period gives whole periods, and a period starting at "
          "the horizon is not included",
          "[calendar]") {
    const Calendar calendar(date("2024-01-01"));
    CHECK(calendar.period_starts(Period::year, 731.0) == std::vector<Days>{0.0, 366.0});
    CHECK(calendar.period_starts(Period::year, 731.5) == std::vector<Days>{0.0, 366.0, 731.0});
    CHECK(calendar.period_starts(Period::quarter, 366.0) ==
          std::vector<Days>{0.0, 91.0, 182.0, 274.0});
    CHECK(calendar.period_starts(Period::month, 60.0) == std::vector<Days>{0.0, 31.0});
    // A start in November: the first quarter is the partial fourth quarter.
    const Calendar november(date("2025-11-20"));
    CHECK(november.period_starts(Period::quarter, 100.0) == std::vector<Days>{0.0, 42.0});
}

TEST_CASE("A horizon shorter than the first period gives one period", "[calendar]") {
    const Calendar calendar(date("2025-06-10"));
    CHECK(calendar.period_starts(Period::year, 30.0) == std::vector<Days>{0.0});
    CHECK(calendar.period_starts(Period::month, 21.0) == std::vector<Days>{0.0});
    CHECK(calendar.period_starts(Period::month, 21.5) == std::vector<Days>{0.0, 21.0});
}
