// Suggestions for misspelt keys and ids: "did you mean 'pleegzorg'?".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::scenario {

/// The Levenshtein distance: single-character insertions, deletions and substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The known name nearest to `given` if it is near enough to be a likely typo, else empty.
std::string nearest(std::string_view given, const std::vector<std::string>& known);

/// " (did you mean 'X'?)" for the nearest known name, or "" when none is near.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& known);

} // namespace zorgsim::scenario
