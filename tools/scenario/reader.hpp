// Typed reading of positioned YAML nodes: each read either gives a value or reports, at the
// node, what was expected and what was found, and the caller goes on with the next key.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace zorgsim::scenario {

/// The keys of one YAML map, checked against the keys it may have: unknown and misspelt
/// keys are reported at the key, with the nearest allowed key. A key whose value is null
/// (`key:` or `key: ~`) counts as absent, so an extending file can drop an inherited value.
class Fields {
  public:
    /// `what` names the map in messages, e.g. "service 'pleegzorg'".
    Fields(const Node& map, std::string what, std::vector<std::string> allowed,
           Diagnostics& diagnostics);

    const Node* operator[](std::string_view key) const;
    /// The value under a required key; reports "missing required key" at the map if absent.
    const Node* required(std::string_view key, std::string_view expected) const;
    /// Where the key itself was written (for messages about the key as a whole).
    Position key_position(std::string_view key) const;
    const Node& map() const { return map_; }
    const std::string& what() const { return what_; }

  private:
    const Node& map_;
    std::string what_;
    Diagnostics& diagnostics_;
};

/// Reads scalars of the documented types; `what` is the key, for messages.
class Reader {
  public:
    explicit Reader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

    Diagnostics& diagnostics() const { return diagnostics_; }
    void error(const Node& at, std::string message) const;

    std::optional<std::string> text(const Node& node, std::string_view what) const;
    std::optional<double> number(const Node& node, std::string_view what) const;
    /// A number in [low, high] (inclusive), or (low, high] when low_exclusive.
    std::optional<double> number_in(const Node& node, std::string_view what, double low,
                                    double high, bool low_exclusive = false) const;
    std::optional<double> probability(const Node& node, std::string_view what) const {
        return number_in(node, what, 0.0, 1.0);
    }
    std::optional<long long> whole(const Node& node, std::string_view what, long long low,
                                   long long high) const;
    std::optional<std::uint64_t> unsigned64(const Node& node, std::string_view what) const;
    std::optional<bool> boolean(const Node& node, std::string_view what) const;
    std::optional<std::chrono::year_month_day> date(const Node& node, std::string_view what) const;
    /// A list of scalars; a single scalar counts as a list of one.
    std::optional<std::vector<const Node*>> scalars(const Node& node, std::string_view what) const;

    /// A map node, or a report that `what` must be one.
    bool expect_map(const Node& node, std::string_view what, std::string_view example) const;

  private:
    Diagnostics& diagnostics_;
};

/// A plain YAML number (not quoted): integers, decimals, exponents, .inf; nothing otherwise.
std::optional<double> parse_number(const Node& node);

} // namespace zorgsim::scenario
