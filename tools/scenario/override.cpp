#include "override.hpp"

#include <charconv>

#include <fmt/format.h>

#include "nearest.hpp"

namespace zorgsim::scenario {

std::optional<Override> parse_override(std::string_view text) {
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0)
        return std::nullopt;
    return Override{std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

namespace {

/// The list item a path segment names: by id, or by 0-based index in a list without ids.
Node* find_item(Node& list, std::string_view segment) {
    for (Node& item : list.items)
        if (const std::string* id = item.id(); id && *id == segment)
            return &item;
    std::size_t index = 0;
    const auto [end, error] =
        std::from_chars(segment.data(), segment.data() + segment.size(), index);
    const bool has_ids = !list.items.empty() && list.items.front().id();
    if (!has_ids && error == std::errc{} && end == segment.data() + segment.size() &&
        index < list.items.size())
        return &list.items[index];
    return nullptr;
}

} // namespace

void apply_override(Node& root, const Override& change, int index, Diagnostics& diagnostics,
                    NodeBudget& budget) {
    const std::string context = fmt::format("--set {}={}", change.path, change.value);
    auto fail = [&](std::size_t column, const std::string& message) {
        diagnostics.error({command_line, index, static_cast<int>(column) + 1},
                          fmt::format("{}: {}", context, message));
    };
    if (change.path.empty())
        return fail(0, "empty path (expected PATH=VALUE, e.g. services.pleegzorg.capacity=5)");

    std::optional<Node> value = parse_yaml(change.value, command_line, diagnostics, budget,
                                           index - 1, static_cast<int>(change.path.size()) + 1);
    if (!value)
        return;

    Node* node = &root;
    std::size_t offset = 0;
    std::string walked;
    while (true) {
        const auto dot = change.path.find('.', offset);
        const std::string segment =
            change.path.substr(offset, dot == std::string::npos ? std::string::npos : dot - offset);
        const bool last = dot == std::string::npos;
        const Position at{command_line, index, static_cast<int>(offset) + 1};
        if (segment.empty())
            return fail(offset, "empty name in the path");
        if (walked.empty() && segment == "extends")
            return fail(offset, "'extends' cannot be overridden (it is applied before --set)");

        Node* next = nullptr;
        if (node->is_null()) {
            node->kind = Node::Kind::map; // e.g. population.exit_age=21 without a population
        }
        if (node->is_map()) {
            Entry* entry = node->entry(segment);
            if (!entry) {
                node->entries.push_back(
                    {segment, at, Node{Node::Kind::null, {}, false, {}, {}, at}});
                entry = &node->entries.back();
            }
            next = &entry->value;
        } else if (node->is_sequence()) {
            next = find_item(*node, segment);
            if (!next) {
                std::vector<std::string> ids;
                for (const Node& item : node->items)
                    if (const std::string* id = item.id())
                        ids.push_back(*id);
                return fail(offset,
                            fmt::format("no item '{}' in '{}'{}", segment, walked,
                                        ids.empty() ? std::string(" (expected a 0-based index)")
                                                    : did_you_mean(segment, ids)));
            }
        } else {
            return fail(offset, fmt::format("'{}' is the value {}, it has no '{}'", walked,
                                            describe(*node), segment));
        }
        if (last) {
            *next = std::move(*value);
            return;
        }
        node = next;
        walked += (walked.empty() ? "" : ".") + segment;
        offset = dot + 1;
    }
}

} // namespace zorgsim::scenario
