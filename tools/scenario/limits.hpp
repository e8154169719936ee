// The loader's input limits (docs/scenario-format.md, "Limits"): a scenario is a file a user
// edits by hand, so anything far beyond the largest shipped scenario is a mistake or an
// attack, refused with a message before it can use much memory or time. The largest shipped
// scenario, scenarios/noord-holland.yaml, is 140 KB with about 10,000 nodes and 66 KB of
// scalar text.
#pragma once

#include <cstddef>

namespace zorgsim::scenario::limits {

/// Largest scenario file (and extended file) read, in bytes.
inline constexpr std::size_t file_bytes = std::size_t{4} << 20; // 4 MiB

/// Nodes (scalars, lists, maps, map keys) of one load, all files of the `extends` chain
/// together, counted after aliases are expanded: about 200 bytes each in memory.
inline constexpr std::size_t nodes = 250'000;

/// Bytes of scalar text of one load, all files together, after aliases are expanded.
inline constexpr std::size_t scalar_bytes = std::size_t{16} << 20; // 16 MiB

/// `--set` values of one load, and their text (PATH=VALUE) together, in bytes. Their nodes
/// and scalar text spend the load's budget above, with the files.
inline constexpr std::size_t overrides = 1000;
inline constexpr std::size_t override_bytes = std::size_t{1} << 20; // 1 MiB

/// Files in an `extends` chain, the file given included.
inline constexpr std::size_t extends_depth = 16;

/// Characters of a value or key quoted in a message; longer text is cut with "...".
inline constexpr std::size_t shown_chars = 60;
/// The same for a file name (an `extends` value), which the user wrote and needs in full.
inline constexpr std::size_t shown_path_chars = 1024;

} // namespace zorgsim::scenario::limits
