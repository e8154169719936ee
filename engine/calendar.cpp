#include "zorgsim/engine/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace zorgsim {

namespace chr = std::chrono;

std::optional<Period> parse_period(std::string_view text) {
    if (text == "year")
        return Period::year;
    if (text == "quarter")
        return Period::quarter;
    if (text == "month")
        return Period::month;
    return std::nullopt;
}

std::string_view to_string(Period period) {
    switch (period) {
    case Period::year:
        return "year";
    case Period::quarter:
        return "quarter";
    case Period::month:
        return "month";
    }
    return "?";
}

std::optional<chr::year_month_day> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    auto field = [&](std::size_t pos, std::size_t len, auto& out) {
        auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
        return ec == std::errc{} && p == text.data() + pos + len;
    };
    if (!field(0, 4, y) || !field(5, 2, m) || !field(8, 2, d))
        return std::nullopt;
    chr::year_month_day date{chr::year{y}, chr::month{m}, chr::day{d}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string to_iso(chr::year_month_day date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Days Calendar::day_of(chr::year_month_day date) const {
    return static_cast<Days>((chr::sys_days{date} - chr::sys_days{start_}).count());
}

chr::year_month_day Calendar::date_of(Days day) const {
    auto whole = static_cast<long long>(day >= 0 ? day : day - 1.0 + 1e-12);
    return chr::year_month_day{chr::sys_days{start_} + chr::days{whole}};
}

std::vector<Days> Calendar::period_starts(Period period, Days horizon) const {
    const unsigned step = period == Period::year ? 12 : period == Period::quarter ? 3 : 1;
    // Calendar periods are aligned to January (years), January/April/July/October
    // (quarters) or the first of the month; the first period is the partial one at day 0.
    chr::year_month first{start_.year(), start_.month()};
    unsigned month_index = static_cast<unsigned>(first.month()) - 1;
    first -= chr::months{month_index % step};
    std::vector<Days> starts{0.0};
    for (auto ym = first + chr::months{step};; ym += chr::months{step}) {
        const Days day = day_of(chr::year_month_day{ym / chr::day{1}});
        if (day >= horizon)
            break;
        starts.push_back(day);
    }
    return starts;
}

} // namespace zorgsim
