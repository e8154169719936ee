#include "document.hpp"

#include <sstream>
#include <string>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "source_text.hpp"

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
        return fmt::format("'{}'", shown(node.text));
    case Node::Kind::sequence:
        return "a list";
    case Node::Kind::map:
        return "a map";
    }
    return "?";
}

namespace {

/// Thrown by the builder to stop parsing after it reported why.
struct Stop {};

/// Builds the positioned tree from yaml-cpp's parser events. Aliases are expanded here, by
/// copying the anchored node, so that the budget is checked before the copy is made.
class Builder : public YAML::EventHandler {
  public:
    Builder(const std::string& file, Diagnostics& diagnostics, NodeBudget& budget, int line_offset,
            int column_offset)
        : file_(file), diagnostics_(diagnostics), budget_(budget), line_offset_(line_offset),
          column_offset_(column_offset) {}

    Position position(const YAML::Mark& mark) const {
        // yaml-cpp counts from 0; a null mark (-1) means "somewhere in the document".
        const int line = std::max(mark.line, 0) + 1;
        const int column = std::max(mark.column, 0) + 1 + (line == 1 ? column_offset_ : 0);
        return {file_, line + line_offset_, column};
    }

    std::optional<Node>& root() { return root_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node node;
        node.at = position(mark);
        spend(node.at, 1, 0, false);
        complete(std::move(node), anchor, {1, 0});
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const Position at = position(mark);
        const auto found = anchors_.find(anchor);
        if (found == anchors_.end()) {
            diagnostics_.error(at, "this alias refers to a node that contains it");
            throw Stop{};
        }
        const Anchored& anchored = found->second;
        spend(at, anchored.size.nodes, anchored.size.bytes, true);
        Node copy = anchored.node;
        copy.at = at;
        complete(std::move(copy), YAML::NullAnchor, anchored.size);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Node node;
        node.at = position(mark);
        spend(node.at, 1, value.size(), false);
        node.kind = Node::Kind::scalar;
        node.text = value;
        // A plain scalar has the non-specific tag "?"; quoted and block scalars "!".
        node.quoted = tag != "?";
        complete(std::move(node), anchor, {1, value.size()});
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, Node::Kind::sequence, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, Node::Kind::map, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Size {
        std::size_t nodes = 0;
        std::size_t bytes = 0;
    };
    struct Anchored {
        Node node;
        Size size;
    };
    /// A list or map being built.
    struct Open {
        Node node;
        YAML::anchor_t anchor = YAML::NullAnchor;
        Size size;
        bool has_key = false;    ///< map: the next node completed is a value
        bool skip_value = false; ///< map: that value is dropped (its key was reported)
        Entry pending;
        std::unordered_map<std::string, int> key_lines; ///< map: line of each key, first time
    };

    const std::string& file_;
    Diagnostics& diagnostics_;
    NodeBudget& budget_;
    int line_offset_;
    int column_offset_;
    std::vector<Open> open_;
    std::unordered_map<YAML::anchor_t, Anchored> anchors_;
    std::optional<Node> root_;

    void spend(const Position& at, std::size_t nodes, std::size_t bytes, bool aliases) {
        if (nodes <= budget_.nodes && bytes <= budget_.scalar_bytes) {
            budget_.nodes -= nodes;
            budget_.scalar_bytes -= bytes;
            return;
        }
        diagnostics_.error(
            at, fmt::format("the scenario is too large here: more than {} nodes or {} MiB of "
                            "text{}; a scenario is far smaller (see \"Limits\" in "
                            "docs/scenario-format.md)",
                            limits::nodes, limits::scalar_bytes >> 20,
                            aliases ? " once anchors and aliases are expanded" : ""));
        throw Stop{};
    }

    void open(const YAML::Mark& mark, Node::Kind kind, YAML::anchor_t anchor) {
        Open frame;
        frame.node.kind = kind;
        frame.node.at = position(mark);
        frame.anchor = anchor;
        spend(frame.node.at, 1, 0, false);
        frame.size = {1, 0};
        open_.push_back(std::move(frame));
    }

    void close() {
        Open frame = std::move(open_.back());
        open_.pop_back();
        complete(std::move(frame.node), frame.anchor, frame.size);
    }

    void complete(Node&& node, YAML::anchor_t anchor, Size size) {
        if (anchor != YAML::NullAnchor) {
            // The kept copy costs memory too: nested anchors would otherwise copy a deep
            // tree once per level.
            spend(node.at, size.nodes, size.bytes, true);
            anchors_[anchor] = Anchored{node, size};
        }
        if (open_.empty()) {
            root_ = std::move(node);
            return;
        }
        Open& parent = open_.back();
        parent.size.nodes += size.nodes;
        parent.size.bytes += size.bytes;
        if (parent.node.is_sequence()) {
            parent.node.items.push_back(std::move(node));
        } else if (!parent.has_key) {
            add_key(parent, std::move(node));
        } else {
            if (!parent.skip_value) {
                parent.pending.value = std::move(node);
                parent.node.entries.push_back(std::move(parent.pending));
            }
            parent.pending = Entry{};
            parent.has_key = false;
            parent.skip_value = false;
        }
    }

    void add_key(Open& map, Node&& key) {
        map.has_key = true;
        map.pending.key_at = key.at;
        if (!key.is_scalar()) {
            diagnostics_.error(key.at, "a map key must be a plain name");
            map.skip_value = true;
            return;
        }
        const auto [first, added] = map.key_lines.emplace(key.text, key.at.line);
        if (!added) {
            diagnostics_.error(key.at, fmt::format("duplicate key '{}' (first at line {})",
                                                   shown(key.text), first->second));
            map.skip_value = true;
            return;
        }
        map.pending.key = std::move(key.text);
    }
};

} // namespace

std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, NodeBudget& budget, int line_offset,
                               int column_offset) {
    if (const auto problem = find_text_problem(text)) {
        diagnostics.error({file, problem->line + line_offset,
                           problem->column + (problem->line == 1 ? column_offset : 0)},
                          problem->message);
        return std::nullopt;
    }
    Builder builder(file, diagnostics, budget, line_offset, column_offset);
    try {
        std::istringstream in(with_lf_line_breaks(text));
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder); // the first document, as YAML::Load reads it
    } catch (const YAML::Exception& e) {
        diagnostics.error(builder.position(e.mark), "YAML syntax: " + e.msg);
        return std::nullopt;
    } catch (const Stop&) {
        return std::nullopt;
    }
    std::optional<Node>& root = builder.root();
    if (!root || root->is_null()) {
        root = Node{};
        root->at = {file, 1 + line_offset, 1 + column_offset};
    }
    return std::move(root);
}

std::optional<Node> parse_yaml(std::string_view text, const std::string& file,
                               Diagnostics& diagnostics, int line_offset, int column_offset) {
    NodeBudget budget;
    return parse_yaml(text, file, diagnostics, budget, line_offset, column_offset);
}

} // namespace zorgsim::scenario
