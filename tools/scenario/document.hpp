// A YAML document as a tree that remembers where each node and each map key was written, so
// that a mistake found after `extends` merged several files is still reported in the file
// and at the line where it was made.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace zorgsim::scenario {

struct Entry;

struct Node {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string text;        ///< scalar: the text as written (without quotes)
    bool quoted = false;     ///< scalar written quoted or as a block: always text, never a number
    std::vector<Node> items; ///< sequence
    std::vector<Entry> entries; ///< map, in the written order
    Position at;

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }

    /// The map entry with this key (the first, if written twice), or nullptr.
    const Entry* entry(std::string_view key) const;
    Entry* entry(std::string_view key);
    /// The value under this key, or nullptr.
    const Node* find(std::string_view key) const;

    /// The item's `id` when this is a map with a scalar id, else nullptr.
    const std::string* id() const;
};

struct Entry {
    std::string key;
    Position key_at;
    Node value;
};

/// "a map", "a list", "'text'" or "nothing": what a message says was found instead.
std::string describe(const Node& node);

/// Parses YAML text into a positioned tree; a syntax error is reported at yaml-cpp's mark.
/// Positions are shifted by `line_offset`/`column_offset` (used for --set values, which are
/// parsed on their own but reported at their place in "PATH=VALUE").
std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, int line_offset = 0,
                               int column_offset = 0);

} // namespace zorgsim::scenario
