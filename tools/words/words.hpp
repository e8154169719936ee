// The words users see in zorgsim's files, in Dutch and English, from one table (words.json)
// that the report's page script reads too. Outcome labels and definitions are not here: they
// come from the outcome catalogue (zorgsim/model/metrics.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::words {

enum class Language { nl, en };

/// "nl" or "en"; anything else is nullopt.
std::optional<Language> parse_language(std::string_view text);
std::string_view to_string(Language language);

/// The text of `key` in `language`. An unknown key is a programming error: std::logic_error.
const std::string& text(std::string_view key, Language language);

/// Every key of the table, in file order (for tests).
std::vector<std::string> keys();

/// words.json as embedded at build time.
std::string_view table_json();

} // namespace zorgsim::words
