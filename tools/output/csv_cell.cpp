#include "csv_cell.hpp"

#include <charconv>

namespace zorgsim::output {

namespace {

bool starts_formula(std::string_view text) {
    if (text.empty())
        return false;
    switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

bool is_number(std::string_view text) {
    // from_chars takes no leading '+'; "+3" is a number all the same.
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    return !text.empty() && error == std::errc() && stop == end;
}

/// Whether CELL starts with the "'" that csv_cell puts before a formula character (or before
/// a text that itself starts so).
bool neutralised(std::string_view cell) {
    std::size_t quotes = 0;
    while (quotes < cell.size() && cell[quotes] == '\'')
        ++quotes;
    return quotes > 0 && starts_formula(cell.substr(quotes));
}

} // namespace

std::string csv_cell(std::string_view text) {
    std::string cell;
    // A text that itself starts with "'" and a formula character gets one too, so that
    // csv_text gives back exactly the text written.
    if ((starts_formula(text) && !is_number(text)) || neutralised(text))
        cell += '\'';
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (const char c : cell) {
        quoted += c;
        if (c == '"')
            quoted += '"';
    }
    quoted += '"';
    return quoted;
}

std::string_view csv_text(std::string_view cell) {
    if (neutralised(cell))
        cell.remove_prefix(1);
    return cell;
}

} // namespace zorgsim::output
