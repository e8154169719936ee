#include "document.hpp"

#include <string>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace zorgsim::scenario {

const Entry* Node::entry(std::string_view key) const {
    for (const auto& e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

Entry* Node::entry(std::string_view key) {
    for (auto& e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

const Node* Node::find(std::string_view key) const {
    const Entry* e = entry(key);
    return e ? &e->value : nullptr;
}

const std::string* Node::id() const {
    const Node* node = is_map() ? find("id") : nullptr;
    return node && node->is_scalar() ? &node->text : nullptr;
}

std::string describe(const Node& node) {
    switch (node.kind) {
    case Node::Kind::null:
        return "nothing";
    case Node::Kind::scalar:
        return fmt::format("'{}'", node.text);
    case Node::Kind::sequence:
        return "a list";
    case Node::Kind::map:
        return "a map";
    }
    return "?";
}

namespace {

struct Converter {
    const std::string& file;
    Diagnostics& diagnostics;
    int line_offset;
    int column_offset;

    Position position(const YAML::Mark& mark) const {
        // yaml-cpp counts from 0; a null mark (-1) means "somewhere in the document".
        const int line = std::max(mark.line, 0) + 1;
        const int column = std::max(mark.column, 0) + 1 + (line == 1 ? column_offset : 0);
        return {file, line + line_offset, column};
    }

    Node convert(const YAML::Node& yaml) const {
        Node node;
        node.at = position(yaml.Mark());
        switch (yaml.Type()) {
        case YAML::NodeType::Scalar:
            node.kind = Node::Kind::scalar;
            node.text = yaml.Scalar();
            // A plain scalar has the non-specific tag "?"; quoted and block scalars "!".
            node.quoted = yaml.Tag() != "?";
            break;
        case YAML::NodeType::Sequence:
            node.kind = Node::Kind::sequence;
            for (const auto& item : yaml)
                node.items.push_back(convert(item));
            break;
        case YAML::NodeType::Map:
            node.kind = Node::Kind::map;
            for (const auto& pair : yaml) {
                Entry entry;
                entry.key_at = position(pair.first.Mark());
                if (!pair.first.IsScalar()) {
                    diagnostics.error(entry.key_at, "a map key must be a plain name");
                    continue;
                }
                entry.key = pair.first.Scalar();
                if (const Entry* first = node.entry(entry.key)) {
                    diagnostics.error(entry.key_at,
                                      fmt::format("duplicate key '{}' (first at line {})",
                                                  entry.key, first->key_at.line));
                    continue;
                }
                entry.value = convert(pair.second);
                node.entries.push_back(std::move(entry));
            }
            break;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            node.kind = Node::Kind::null;
            break;
        }
        return node;
    }
};

} // namespace

std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, int line_offset, int column_offset) {
    const Converter converter{file, diagnostics, line_offset, column_offset};
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        Node node = converter.convert(root);
        if (root.IsNull())
            node.at = {file, 1 + line_offset, 1 + column_offset};
        return node;
    } catch (const YAML::Exception& e) {
        diagnostics.error(converter.position(e.mark), "YAML syntax: " + e.msg);
        return std::nullopt;
    }
}

} // namespace zorgsim::scenario
