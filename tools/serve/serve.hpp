// `zorgsim serve`: the scenario studio, a local web server with one page and a JSON API
// (docs/studio.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "words/words.hpp"

namespace zorgsim::serve {

struct ServeArguments {
    std::vector<std::string> scenarios; ///< files or folders; empty: the shipped scenarios
    std::string listen = "127.0.0.1:8080";
    words::Language language = words::Language::nl;
    std::string token_file;               ///< required to listen beyond this machine
    std::vector<std::string> allow_hosts; ///< more Host names answered (a reverse proxy's)
    std::size_t max_replications = 1000;
    unsigned threads = 0; ///< 0: every core
    /// A queued or running run nobody asked about for this long is dropped (its page is gone).
    unsigned abandon_after_seconds = 60;
    bool quiet = false;
};

/// Runs the studio until SIGINT or SIGTERM; returns the exit code (0 when it stopped cleanly).
/// Throws cli::BadInput for arguments it cannot use (no scenario loads, a bad --listen, a
/// missing token file, an address in use).
int serve_command(const ServeArguments& arguments);

/// The largest request body accepted, in bytes.
inline constexpr std::size_t max_body_bytes = std::size_t{1} << 20;
/// Alternatives of one run.
inline constexpr std::size_t max_alternatives = 4;

} // namespace zorgsim::serve
