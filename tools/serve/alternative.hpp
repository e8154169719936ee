// An alternative of a run request as a scenario file: it `extends` the base and states only what
// differs (the `set` values as keys, each lever and policy as a dated policy with a description),
// and is loaded by the same loader as `zorgsim validate`, so that a mistake is the loader's
// FILE:LINE:COLUMN message and the file a user downloads is the very text that ran.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace zorgsim::serve {

/// A mistake in a request: HTTP 400 with MESSAGE (and DETAIL, e.g. the diagnostics and the
/// scenario file they point into).
struct RequestError : std::runtime_error {
    explicit RequestError(const std::string& message, Json detail_ = Json::object())
        : std::runtime_error(message), detail(std::move(detail_)) {}
    Json detail;
};

struct Alternative {
    std::string label;     ///< as the user named it ("20 extra pleeggezinnen")
    std::string name;      ///< the scenario's name: an identifier made from the label
    std::string file_name; ///< NAME.yaml
    std::string text;      ///< the scenario file
    care::Scenario scenario;
};

/// What a run is asked for besides its scenarios.
struct RunSettings {
    std::size_t replications = 0;
    std::uint64_t seed = 1;
    words::Language language = words::Language::nl;
};

/// Builds alternative number INDEX (1-based) of a request from REQUEST ({"name", "levers",
/// "set", "policies"}) against BASE; TAKEN are the scenario names used already (the base's and
/// earlier alternatives'). Throws RequestError.
Alternative make_alternative(const Offered& base, const Json& request, int index,
                             const RunSettings& settings, const std::vector<std::string>& taken);

/// Loads BASE's file again as it is on disk now (a run uses the file, not the catalogue's copy).
care::Scenario load_base(const Offered& base);

/// Checks that no string in VALUE holds a control character (C0, DEL, C1) or a bidirectional
/// text control, and that it nests at most 16 levels: what the scenario loader refuses in a file
/// is refused in a request too. Throws RequestError.
void check_strings(const Json& value, int depth = 0);

} // namespace zorgsim::serve
