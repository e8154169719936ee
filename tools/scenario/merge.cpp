#include "merge.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "limits.hpp"
#include "nearest.hpp"
#include "source_file.hpp"

namespace zorgsim::scenario {

namespace fs = std::filesystem;

namespace {

bool is_id_list(const Node& node) {
    return node.is_sequence() && !node.items.empty() &&
           std::all_of(node.items.begin(), node.items.end(),
                       [](const Node& item) { return item.id() != nullptr; });
}

bool asks_removal(const Node& item) {
    const Node* remove = item.find("remove");
    return remove && remove->is_scalar() && !remove->quoted && remove->text == "true";
}

void merge_by_id(Node& base, Node&& over, Diagnostics& diagnostics) {
    // Two items of one file with the same id would merge into one silently (the first one's
    // keys overwritten by the second's): a mistake, reported at both.
    std::map<std::string, Position> seen;
    for (const Node& item : over.items)
        if (const std::string* id = item.id()) {
            const auto [first, fresh] = seen.try_emplace(*id, item.at);
            if (!fresh)
                diagnostics.error(item.find("id")->at,
                                  fmt::format("duplicate id '{}' in this list (first defined at "
                                              "{}:{}:{}): each item of a list needs its own id",
                                              shown(*id), first->second.file, first->second.line,
                                              first->second.column));
        }
    for (Node& item : over.items) {
        const std::string* id = item.id();
        if (!id) {
            diagnostics.error(item.at, "missing required key 'id': items of an inherited list "
                                       "are merged into it by id");
            continue;
        }
        auto same_id = [id](const Node& other) { return *other.id() == *id; };
        auto found = std::find_if(base.items.begin(), base.items.end(), same_id);
        if (asks_removal(item)) {
            if (found != base.items.end()) {
                base.items.erase(found);
            } else {
                std::vector<std::string> known;
                for (const Node& other : base.items)
                    known.push_back(*other.id());
                diagnostics.error(item.entry("remove")->key_at,
                                  fmt::format("cannot remove '{}': no inherited item has that id{}",
                                              *id, did_you_mean(*id, known)));
            }
        } else if (found != base.items.end()) {
            merge(*found, std::move(item), diagnostics);
        } else {
            base.items.push_back(std::move(item));
        }
    }
}

/// A file is taken for a scenario only if its top level is a map with at least one key of
/// the format: anything else (a private file named by mistake or on purpose) gets one error
/// that quotes none of its content.
bool looks_like_scenario(const Node& tree) {
    static const std::string_view keys[] = {
        "format",       "name",       "title",          "description", "extends",
        "start",        "end",        "horizon_days",   "warmup_days", "period",
        "replications", "seed",       "wait_norm_days", "profiles",    "municipalities",
        "regions",      "population", "reentry",        "sources",     "services",
        "policies"};
    return tree.is_map() &&
           std::any_of(tree.entries.begin(), tree.entries.end(), [](const Entry& e) {
               return std::find(std::begin(keys), std::end(keys), e.key) != std::end(keys);
           });
}

constexpr const char* not_a_scenario =
    "is not a zorgsim scenario: a scenario file must be a map of keys (format, name, start, "
    "sources, services, ...)";

struct ExtendsReader {
    Diagnostics& diagnostics;
    std::vector<fs::path> chain; ///< the files being read, outermost first (cycle check)
    std::vector<std::string> names;
    NodeBudget& budget; ///< shared by every file of the chain and the --set values

    /// `extended_at`: where the file was named in `extends` (nothing for the file given).
    std::optional<Node> read(std::string_view text, const std::string& display_name,
                             const fs::path& base_dir, const Node* extended_at) {
        Diagnostics own;
        std::optional<Node> tree = parse_yaml(text, display_name, own, budget);
        if (tree && !looks_like_scenario(*tree)) {
            if (extended_at)
                diagnostics.error(extended_at->at,
                                  fmt::format("extends: '{}' {}",
                                              shown(extended_at->text, limits::shown_path_chars),
                                              not_a_scenario));
            else
                diagnostics.error({display_name, 1, 1},
                                  fmt::format("{} {}",
                                              shown(display_name, limits::shown_path_chars),
                                              not_a_scenario));
            return std::nullopt;
        }
        // A file that does not parse may not be a scenario at all: only the error that
        // stopped the parse (which quotes nothing), not what was found on the way.
        diagnostics.append(own, !tree);
        if (!tree)
            return tree;
        auto extends = std::find_if(tree->entries.begin(), tree->entries.end(),
                                    [](const Entry& e) { return e.key == "extends"; });
        if (extends == tree->entries.end())
            return tree;
        const Node target = extends->value;
        tree->entries.erase(extends);
        if (!tree->entry("name"))
            diagnostics.error(tree->at, "missing required key 'name': a file that extends "
                                        "another sets its own name");
        if (!target.is_scalar() || target.text.empty()) {
            diagnostics.error(target.at, fmt::format("extends must be a file name (relative to "
                                                     "this file), got {}",
                                                     describe(target)));
            return std::nullopt;
        }
        if (chain.size() >= limits::extends_depth) {
            diagnostics.error(target.at, fmt::format("extends: more than {} files in a chain of "
                                                     "extends",
                                                     limits::extends_depth));
            return std::nullopt;
        }
        const fs::path file = (base_dir / target.text).lexically_normal();
        std::error_code ignored;
        const fs::path canonical = fs::weakly_canonical(file, ignored);
        if (auto seen = std::find(chain.begin(), chain.end(), canonical); seen != chain.end()) {
            std::string cycle;
            for (auto i = static_cast<std::size_t>(seen - chain.begin()); i < names.size(); ++i)
                cycle += names[i] + " -> ";
            diagnostics.error(target.at, fmt::format("extends cycle: {}{}", cycle, file.string()));
            return std::nullopt;
        }
        const SourceFile base_file = read_source_file(file);
        if (!base_file.text) {
            if (base_file.missing)
                diagnostics.error(target.at,
                                  fmt::format("cannot read the extended file '{}' (looked for {})",
                                              shown(target.text, limits::shown_path_chars),
                                              shown(file.string(), limits::shown_path_chars)));
            else
                diagnostics.error(target.at,
                                  fmt::format("cannot read the extended file '{}': {}",
                                              shown(target.text, limits::shown_path_chars),
                                              base_file.problem));
            return std::nullopt;
        }
        chain.push_back(canonical);
        names.push_back(file.string());
        std::optional<Node> base =
            read(*base_file.text, file.string(), file.parent_path(), &target);
        if (!base)
            return std::nullopt;
        merge(*base, std::move(*tree), diagnostics);
        return base;
    }
};

} // namespace

void merge(Node& base, Node&& over, Diagnostics& diagnostics) {
    if (base.is_map() && over.is_map()) {
        for (Entry& entry : over.entries) {
            if (Entry* inherited = base.entry(entry.key)) {
                inherited->key_at = entry.key_at;
                merge(inherited->value, std::move(entry.value), diagnostics);
            } else {
                base.entries.push_back(std::move(entry));
            }
        }
    } else if (is_id_list(base) && over.is_sequence() &&
               std::all_of(over.items.begin(), over.items.end(),
                           [](const Node& item) { return item.is_map(); })) {
        merge_by_id(base, std::move(over), diagnostics);
    } else {
        base = std::move(over);
    }
}

std::optional<Node> read_with_extends(std::string_view text, const std::string& display_name,
                                      const fs::path& base_dir, const std::optional<fs::path>& self,
                                      Diagnostics& diagnostics, NodeBudget& budget) {
    ExtendsReader reader{diagnostics, {}, {}, budget};
    std::error_code ignored;
    reader.chain.push_back(self ? fs::weakly_canonical(*self, ignored) : fs::path());
    reader.names.push_back(display_name);
    return reader.read(text, display_name, base_dir, nullptr);
}

} // namespace zorgsim::scenario
