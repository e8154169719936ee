// `extends`: a scenario file inherits another and overrides only what differs.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "document.hpp"

namespace zorgsim::scenario {

/// Merges `over` into `base` as docs/scenario-format.md says: maps key by key, recursively;
/// lists whose items all have an `id` item by item (`{id: X, remove: true}` removes X); any
/// other value replaces the inherited one.
void merge(Node& base, Node&& over, Diagnostics& diagnostics);

/// Parses a scenario's text and everything it extends (paths relative to `base_dir`, then to
/// each extended file) into one tree; the `extends` key is consumed. `self` is the file the
/// text came from, if any (to detect a file that extends itself). Nothing when a file in the
/// chain cannot be read or parsed, is not a scenario, or the chain is cyclic or too long
/// (limits.hpp). Every file spends `budget`, which the --set values then share.
std::optional<Node> read_with_extends(std::string_view text, const std::string& display_name,
                                      const std::filesystem::path& base_dir,
                                      const std::optional<std::filesystem::path>& self,
                                      Diagnostics& diagnostics, NodeBudget& budget);

} // namespace zorgsim::scenario
