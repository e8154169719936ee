// results.xlsx of a sweep: one table, a row per point, service and metric of sweep.json's rows
// (the swept values first, then the outcome's label and unit, the mean, its interval and, for
// waits, the pooled median and 90th percentile), in the report's language.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "words/words.hpp"

namespace zorgsim::excel {

/// `rows` are sweep.json's rows; `created` fixes the document's creation date (the scenario's
/// start), so that identical sweeps give identical bytes.
void write_sweep_xlsx(const std::filesystem::path& path, const std::string& title,
                      std::chrono::year_month_day created, const std::vector<std::string>& paths,
                      const nlohmann::ordered_json& rows, words::Language language);

} // namespace zorgsim::excel
