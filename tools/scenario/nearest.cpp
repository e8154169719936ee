#include "nearest.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include <fmt/format.h>

namespace zorgsim::scenario {

namespace {
std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // One row of the dynamic-programming table at a time.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearest(std::string_view given, const std::vector<std::string>& known) {
    const std::string needle = lower(given);
    // A typo changes a few characters; more than a third of the word is another word.
    const std::size_t limit = std::max<std::size_t>(2, needle.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : known) {
        const std::size_t d = edit_distance(needle, lower(candidate));
        if (d < best_distance && d < std::max(needle.size(), candidate.size())) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string>& known) {
    const std::string best = nearest(given, known);
    return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

} // namespace zorgsim::scenario
