#include "reader.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "nearest.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::scenario {

Fields::Fields(const Node& map, std::string what, std::vector<std::string> allowed,
               Diagnostics& diagnostics)
    : map_(map), what_(std::move(what)), diagnostics_(diagnostics) {
    for (const Entry& entry : map.entries) {
        if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end())
            continue;
        std::string hint = did_you_mean(entry.key, allowed);
        if (hint.empty())
            hint = fmt::format("; expected one of: {}", fmt::join(allowed, ", "));
        diagnostics_.error(entry.key_at,
                           fmt::format("unknown key '{}' in {}{}", entry.key, what_, hint));
    }
}

const Node* Fields::operator[](std::string_view key) const {
    const Node* value = map_.find(key);
    return value && !value->is_null() ? value : nullptr;
}

const Node* Fields::required(std::string_view key, std::string_view expected) const {
    const Node* value = (*this)[key];
    if (!value) {
        const Entry* entry = map_.entry(key);
        diagnostics_.error(
            entry ? entry->key_at : map_.at,
            fmt::format("missing required key '{}' in {} (expected {})", key, what_, expected));
    }
    return value;
}

Position Fields::key_position(std::string_view key) const {
    const Entry* entry = map_.entry(key);
    return entry ? entry->key_at : map_.at;
}

std::optional<double> parse_number(const Node& node) {
    if (!node.is_scalar() || node.quoted || node.text.empty())
        return std::nullopt;
    std::string_view text = node.text;
    bool negative = false;
    if (text.front() == '+' || text.front() == '-') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text == ".inf" || text == ".Inf" || text == ".INF")
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    if (text.empty() ||
        !(std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.'))
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        return std::nullopt;
    return negative ? -value : value;
}

void Reader::error(const Node& at, std::string message) const {
    diagnostics_.error(at.at, std::move(message));
}

std::optional<std::string> Reader::text(const Node& node, std::string_view what) const {
    if (node.is_scalar())
        return node.text;
    error(node, fmt::format("{} must be text, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<double> Reader::number(const Node& node, std::string_view what) const {
    if (auto value = parse_number(node); value && !std::isnan(*value))
        return value;
    error(node, fmt::format("{} must be a number, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<double> Reader::number_in(const Node& node, std::string_view what, double low,
                                        double high, bool low_exclusive) const {
    const auto value = number(node, what);
    if (!value)
        return std::nullopt;
    const bool above = low_exclusive ? *value > low : *value >= low;
    if (above && *value <= high)
        return value;
    const bool unbounded = high == std::numeric_limits<double>::infinity();
    const std::string range = unbounded ? fmt::format("{} {}", low_exclusive ? ">" : ">=", low)
                              : low_exclusive ? fmt::format("> {} and <= {}", low, high)
                                              : fmt::format("between {} and {}", low, high);
    error(node, fmt::format("{} must be a number {}, got {}", what, range, node.text));
    return std::nullopt;
}

std::optional<long long> Reader::whole(const Node& node, std::string_view what, long long low,
                                       long long high) const {
    const auto value = parse_number(node);
    if (value && std::isfinite(*value) && std::floor(*value) == *value &&
        *value >= static_cast<double>(low) && *value <= static_cast<double>(high))
        return static_cast<long long>(*value);
    error(node, fmt::format("{} must be a whole number >= {}, got {}", what, low, describe(node)));
    return std::nullopt;
}

std::optional<std::uint64_t> Reader::unsigned64(const Node& node, std::string_view what) const {
    std::uint64_t value = 0;
    if (node.is_scalar() && !node.quoted) {
        const char* first = node.text.data();
        const char* last = first + node.text.size();
        const auto [end, problem] = std::from_chars(first, last, value);
        if (problem == std::errc{} && end == last && first != last)
            return value;
    }
    error(node, fmt::format("{} must be a whole number between 0 and 18446744073709551615, got {}",
                            what, describe(node)));
    return std::nullopt;
}

std::optional<bool> Reader::boolean(const Node& node, std::string_view what) const {
    if (node.is_scalar() && !node.quoted) {
        static const std::vector<std::string> yes{"true", "True", "TRUE", "yes", "Yes", "on", "On"};
        static const std::vector<std::string> no{"false", "False", "FALSE", "no",
                                                 "No",    "off",   "Off"};
        if (std::find(yes.begin(), yes.end(), node.text) != yes.end())
            return true;
        if (std::find(no.begin(), no.end(), node.text) != no.end())
            return false;
    }
    error(node, fmt::format("{} must be true or false, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<std::chrono::year_month_day> Reader::date(const Node& node,
                                                        std::string_view what) const {
    if (node.is_scalar())
        if (auto value = parse_iso_date(node.text))
            return value;
    error(node, fmt::format("{} must be a date YYYY-MM-DD, got {}", what, describe(node)));
    return std::nullopt;
}

std::optional<std::vector<const Node*>> Reader::scalars(const Node& node,
                                                        std::string_view what) const {
    std::vector<const Node*> out;
    if (node.is_scalar()) {
        out.push_back(&node);
        return out;
    }
    if (node.is_sequence()) {
        bool ok = true;
        for (const Node& item : node.items) {
            if (item.is_scalar()) {
                out.push_back(&item);
            } else {
                error(item, fmt::format("{} must be a list of names, got {} in it", what,
                                        describe(item)));
                ok = false;
            }
        }
        if (ok)
            return out;
        return std::nullopt;
    }
    error(node, fmt::format("{} must be a list of names, got {}", what, describe(node)));
    return std::nullopt;
}

bool Reader::expect_map(const Node& node, std::string_view what, std::string_view example) const {
    if (node.is_map())
        return true;
    error(node, fmt::format("{} must be a map like {}, got {}", what, example, describe(node)));
    return false;
}

} // namespace zorgsim::scenario
