// The schema of the results files as the report reads them: what `zorgsim report DIR` refuses
// (exit 2, `FILE: error: ...`) before it writes anything, instead of drawing an empty report
// from a summary.json of `[]`, `null` or `{}`.
#pragma once

#include <filesystem>

#include "results.hpp"

namespace zorgsim::report {

/// Each throws InvalidResults naming FILE and the first field that is missing or of the wrong
/// type. Fields the report does not read are not checked: later versions may add any.
void check_summary(const Json& summary, const std::filesystem::path& file);
void check_comparison(const Json& comparison, const std::filesystem::path& file);
void check_sizing(const Json& sizing, const std::filesystem::path& file);
void check_sweep(const Json& sweep, const std::filesystem::path& file);
void check_backtest(const Json& backtest, const std::filesystem::path& file);

} // namespace zorgsim::report
