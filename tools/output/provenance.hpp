// What a study report needs to reproduce a run (STRESS-DES, Monks et al. 2019): the program
// and the source it was built from, the exact scenario that ran, the seed, the replications
// and how the random numbers were made. Nothing here depends on the clock or on --threads,
// so that identical runs stay byte-identical.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace zorgsim::output {

/// The git commit the binary was built from; empty when not known (not built from a clone).
std::string_view source_commit();

/// The SHA-256 of `bytes` in lower-case hex (`sha256sum` of the resolved scenario.yaml).
std::string sha256_hex(std::string_view bytes);

/// A scenario that ran: its name and its fully resolved text (what scenario.yaml holds).
struct ResolvedScenario {
    std::string name;
    std::string yaml;
};

/// The "provenance" object of summary.json and comparison.json.
nlohmann::ordered_json provenance(std::uint64_t seed, std::size_t replications,
                                  const std::vector<ResolvedScenario>& scenarios);

} // namespace zorgsim::output
