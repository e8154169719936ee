// A YAML document as a tree that remembers where each node and each map key was written, so
// that a mistake found after `extends` merged several files is still reported in the file
// and at the line where it was made.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"
#include "limits.hpp"

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

/// What one load may still build (limits.hpp), shared by every file of an `extends` chain:
/// aliases are expanded into copies, so a few bytes of nested aliases could otherwise ask
/// for gigabytes.
struct NodeBudget {
    std::size_t nodes = limits::nodes;
    std::size_t scalar_bytes = limits::scalar_bytes;
};

/// Parses YAML text into a positioned tree; a syntax error is reported at yaml-cpp's mark.
/// The text must be UTF-8 without control characters (else one error at the first bad byte);
/// CR and CRLF line endings are line breaks. Building the tree spends `budget`: when it runs
/// out, one error at the node or alias where it did. Positions are shifted by
/// `line_offset`/`column_offset` (used for --set values, which are parsed on their own but
/// reported at their place in "PATH=VALUE").
std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, NodeBudget& budget, int line_offset = 0,
                               int column_offset = 0);
/// The same with a budget of its own.
std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, int line_offset = 0,
                               int column_offset = 0);

} // namespace zorgsim::scenario
