// The simulation clock's calendar: day 0 is a start date, and day offsets map to calendar
// years, quarters and months so that results can be reported per calendar period.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim {

/// Simulation time, in days since the start date. Fractions of a day are allowed.
using Days = double;

enum class Period { year, quarter, month };

/// Parses "year", "quarter" or "month".
std::optional<Period> parse_period(std::string_view text);
std::string_view to_string(Period period);

/// Parses an ISO date "YYYY-MM-DD"; nothing if the text is not a valid calendar date.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);
std::string to_iso(std::chrono::year_month_day date);

class Calendar {
  public:
    explicit Calendar(std::chrono::year_month_day start) : start_(start) {}

    std::chrono::year_month_day start() const { return start_; }

    /// Whole days from the start date to `date` (negative before the start).
    Days day_of(std::chrono::year_month_day date) const;

    /// The calendar date on which day offset `day` falls.
    std::chrono::year_month_day date_of(Days day) const;
    std::string iso(Days day) const { return to_iso(date_of(day)); }

    /// First days of the calendar periods that start in [0, horizon), in order. The first
    /// period starts at day 0 even when the start date is not the first of a period: the
    /// reporting periods are "calendar periods from the start date".
    std::vector<Days> period_starts(Period period, Days horizon) const;

  private:
    std::chrono::year_month_day start_;
};

} // namespace zorgsim
