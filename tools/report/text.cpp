#include "text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct Date {
    int year = 0, month = 0, day = 0;
};

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
                return std::nullopt;
            }
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12) {
        return std::nullopt;
    }
    return Date{*year, *month, *day};
}

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string format_number(double value, int decimals) {
    std::string digits = fmt::format("{:.{}f}", std::fabs(value), decimals);
    const auto point = digits.find('.');
    const auto integer_end = point == std::string::npos ? digits.size() : point;
    std::string grouped;
    for (std::size_t i = 0; i < integer_end; ++i) {
        if (i > 0 && (integer_end - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += digits[i];
    }
    grouped += digits.substr(integer_end);
    // "-0.0" reads as a difference where there is none.
    const bool negative = value < 0 && grouped.find_first_not_of("0.,") != std::string::npos;
    return negative ? "-" + grouped : grouped;
}

std::string exact_text(double value) {
    if (!std::isfinite(value)) {
        return "–";
    }
    if (value == 0) {
        return "0";
    }
    const int digits_before_point = static_cast<int>(std::floor(std::log10(std::fabs(value)))) + 1;
    std::string text = format_number(value, std::clamp(6 - digits_before_point, 0, 12));
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') {
            text.pop_back();
        }
        if (text.back() == '.') {
            text.pop_back();
        }
    }
    return text;
}

std::string format_value(std::optional<double> value, Unit unit, bool is_signed) {
    if (!value || !std::isfinite(*value)) {
        return "–";
    }
    const double v = *value;
    const double magnitude = std::fabs(v);
    // The digits are made from the magnitude, the sign is put in front of any currency symbol.
    std::string digits;
    std::string_view prefix, suffix;
    switch (unit) {
    case Unit::youths:
    case Unit::count:
        digits = format_number(magnitude, magnitude >= 100 ? 0 : 1);
        break;
    case Unit::days:
        digits = format_number(magnitude, magnitude >= 1000 ? 0 : 1);
        break;
    case Unit::euros:
        prefix = "€";
        if (magnitude >= 1e6) {
            digits = format_number(magnitude / 1e6, magnitude >= 1e8 ? 0 : 1);
            suffix = "m";
        } else {
            digits = format_number(magnitude, 0);
        }
        break;
    case Unit::ratio:
        digits = format_number(magnitude, 3);
        break;
    case Unit::percent:
        digits = format_number(magnitude * 100, 0);
        suffix = "%";
        break;
    }
    // "-0.0" or "+0.0" would suggest a difference where the shown digits have none.
    const bool nonzero = digits.find_first_of("123456789") != std::string::npos;
    const std::string_view sign = !nonzero ? "" : v < 0 ? "-" : is_signed ? "+" : "";
    return fmt::format("{}{}{}{}", sign, prefix, digits, suffix);
}

std::string format_date(std::string_view iso_date) {
    const auto date = parse_iso_date(iso_date);
    if (!date) {
        return std::string(iso_date);
    }
    return fmt::format("{} {} {}", date->day,
                       month_names[static_cast<std::size_t>(date->month - 1)], date->year);
}

std::string period_label(std::string_view iso_date, std::string_view period) {
    const auto date = parse_iso_date(iso_date);
    if (!date) {
        return std::string(iso_date);
    }
    if (period == "quarter") {
        return fmt::format("{} Q{}", date->year, (date->month - 1) / 3 + 1);
    }
    if (period == "month") {
        return fmt::format("{} {}",
                           month_names[static_cast<std::size_t>(date->month - 1)].substr(0, 3),
                           date->year);
    }
    if (period == "year" && date->month == 1 && date->day == 1) {
        return fmt::format("{}", date->year);
    }
    return std::string(iso_date);
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = std::min(text.find(' ', at), text.size());
        const auto word = text.substr(at, end - at);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        if (!word.empty()) {
            line += (line.empty() ? "" : " ");
            line += word;
        }
        at = end + 1;
    }
    if (!line.empty() || lines.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

std::string slug(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0) {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out.empty() ? "x" : out;
}

} // namespace zorgsim::report
