#include "yaml_text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

namespace zorgsim::scenario {

std::string number_text(double value) {
    if (std::isinf(value))
        return value > 0 ? ".inf" : "-.inf";
    return fmt::format("{}", value);
}

std::string scalar_text(std::string_view text) {
    // Plain only for names (ids, profiles, dates): letters, digits and a few separators, not
    // starting with a YAML indicator, and not a word YAML reads as a boolean or null.
    static const std::string_view special[] = {"true", "false", "yes", "no", "on",
                                               "off",  "null",  "~",   "y",  "n"};
    auto safe = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
               c == '/';
    };
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    const bool plain =
        !text.empty() && std::all_of(text.begin(), text.end(), safe) &&
        std::isalnum(static_cast<unsigned char>(text.front())) &&
        std::find(std::begin(special), std::end(special), lower) == std::end(special);
    if (plain)
        return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    return out + "\"";
}

} // namespace zorgsim::scenario
