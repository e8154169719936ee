// Text for people: HTML escaping, numbers with thousands separators, dates in words. The report
// is in English with the Dutch service names alongside, as the sector uses both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::report {

/// TEXT with &, <, >, " and ' escaped, for HTML text and attribute values.
std::string escape_html(std::string_view text);

/// What a number counts, which decides how it is shown.
enum class Unit {
    youths,  ///< a number of youths or slots: "12.3", "1,234"
    count,   ///< events over a period or the horizon: "12.3", "1,234"
    days,    ///< "23.4 days"
    euros,   ///< "€12.3m", "€123,400"
    ratio,   ///< a rate per youth with 3 decimals: "0.213"
    percent, ///< a share in 0..1 shown as "41%"
};

/// VALUE shown in UNIT, without the unit's word ("23.4", "€12.3m"); "–" when missing. With
/// SIGNED, positive values get a "+" (for differences).
std::string format_value(std::optional<double> value, Unit unit, bool is_signed = false);

/// VALUE with DECIMALS decimals and thousands separators ("1,234.5").
std::string format_number(double value, int decimals);

/// VALUE exactly as the results files hold it (up to 6 significant digits), with thousands
/// separators: "15,920,000", "116.4", "0.4064".
std::string exact_text(double value);

/// An ISO date "2025-01-01" as "1 January 2025"; other text is returned as it is.
std::string format_date(std::string_view iso_date);

/// The label of a reporting period starting on ISO_DATE: "2025", "2025 Q2" or "Mar 2025".
std::string period_label(std::string_view iso_date, std::string_view period);

/// TEXT broken at spaces into lines of at most WIDTH characters (a longer word gets a line of
/// its own).
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

/// A name usable as a file name and HTML id: letters, digits and '-' only.
std::string slug(std::string_view text);

} // namespace zorgsim::report
