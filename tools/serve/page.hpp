// The studio's page: one HTML document with its style, scripts and chart libraries inlined
// (nothing is fetched but the API), made once when the server starts.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "words/words.hpp"

namespace zorgsim::serve {

/// The page in LANGUAGE (the user can switch) with CONFIG (JSON for the page script: whether a
/// token is needed, the limits) inlined.
std::string studio_page(words::Language language, const nlohmann::ordered_json& config);

} // namespace zorgsim::serve
