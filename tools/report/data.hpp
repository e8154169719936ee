// The report's data document: everything the page script (assets/report.js) needs to build the
// page and its charts, as one JSON object. The C++ side only reads the results folder and writes
// this; the sections, tables, sentences and Vega-Lite specifications are made from it by the
// script, in the browser for report.html and in Node.js for `zorgsim report --figures`.
#pragma once

#include "results.hpp"
#include "words/words.hpp"

namespace zorgsim::report {

/// The document for RESULTS in LANGUAGE:
///   lang, zorgsim_version, is_comparison, provenance (or null),
///   scenarios: [{name, title, start, end, period, replications, seed, warmup_days,
///                wait_norm_days, description, policies, services, system, regions}],
///   services: [{id, name, dutch, kind, closed, region, role, wait_norm_days}],
///   regions: [{id, name}],
///   differences: [{alternative, services, system, regions}],
///   timeseries, paired: {columns: [...], rows: [[...]]} (or null): timeseries.csv and
///                differences.csv, an empty cell as null,
///   sizing: sizing.json as it is (or null),
///   catalogue: {service|system|region: {id: {unit, label, definition, whole_horizon,
///                per_period}}} for the metrics present, in LANGUAGE,
///   words: {key: text} of the words table in LANGUAGE.
Json report_data(const Results& results, words::Language language);

/// JSON for inside a <script> element: "<" written as "\u003c", so that no text from the
/// results can end the element.
std::string json_for_script(const Json& json);

} // namespace zorgsim::report
