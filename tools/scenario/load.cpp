// The loading pipeline: text -> positioned tree -> `extends` merged -> --set applied ->
// converted section by section -> whole-network checks -> a scenario, or the diagnostics.
#include "load.hpp"

#include <fmt/format.h>

#include "convert.hpp"
#include "limits.hpp"
#include "merge.hpp"
#include "override.hpp"
#include "source_file.hpp"

namespace zorgsim::scenario {

namespace fs = std::filesystem;

namespace {

care::Scenario convert(const Node& root, Diagnostics& diagnostics,
                       std::vector<ServiceNote>& notes) {
    care::Scenario scenario;
    Context context{Reader(diagnostics), scenario, {}, {}, false, {}, {}, {}, {}, {}, {}, {}};
    convert_settings(root, context);
    collect_ids(root, context);
    auto section = [&root](std::string_view key) {
        const Node* node = root.find(key);
        return node && !node->is_null() ? node : nullptr;
    };
    auto missing = [&](std::string_view key, std::string_view expected) {
        const Entry* entry = root.entry(key);
        diagnostics.error(
            entry ? entry->key_at : root.at,
            fmt::format("missing required key '{}' in the scenario (expected {})", key, expected));
    };
    if (const Node* regions = section("regions"))
        convert_regions(*regions, context);
    if (const Node* municipalities = section("municipalities"))
        convert_municipalities(*municipalities, context);
    if (const Node* population = section("population"))
        convert_population(*population, context);
    if (const Node* reentry = section("reentry"))
        convert_reentry(*reentry, context);
    if (const Node* prices = section("prices"))
        convert_prices(*prices, context);
    if (const Node* sources = section("sources"))
        convert_sources(*sources, context);
    else
        missing("sources", "a list of referral channels");
    if (const Node* services = section("services"))
        convert_services(*services, context);
    else
        missing("services", "a list of services");
    if (const Node* policies = section("policies"))
        convert_policies(*policies, context);

    check_tracks(context);
    check_ages(context);
    check_exits(context);
    check_regions(context);
    check_runaway(context);
    if (!diagnostics.has_errors())
        notes = estimate_loads(context);
    return scenario;
}

LoadResult load(std::string_view text, const std::string& display_name, const fs::path& base_dir,
                const std::optional<fs::path>& self, const std::vector<Override>& overrides) {
    Diagnostics diagnostics;
    NodeBudget budget; // one for the whole load: every file and every --set value
    std::optional<Node> tree =
        read_with_extends(text, display_name, base_dir, self, diagnostics, budget);
    LoadResult result;
    std::size_t override_bytes = 0;
    for (const Override& change : overrides)
        override_bytes += change.path.size() + 1 + change.value.size();
    if (overrides.size() > limits::overrides || override_bytes > limits::override_bytes) {
        diagnostics.error({command_line, 1, 1},
                          fmt::format("too many --set values: {} of {} bytes together; at most "
                                      "{} values of {} KiB together (see \"Limits\" in "
                                      "docs/scenario-format.md)",
                                      overrides.size(), override_bytes, limits::overrides,
                                      limits::override_bytes >> 10));
        tree.reset();
    }
    if (tree) {
        for (std::size_t i = 0; i < overrides.size(); ++i)
            apply_override(*tree, overrides[i], static_cast<int>(i) + 1, diagnostics, budget);
        if (!tree->is_map()) {
            diagnostics.error(tree->at, "a scenario file must be a map of keys (format, name, "
                                        "start, sources, services, ...)");
        } else {
            care::Scenario scenario = convert(*tree, diagnostics, result.services);
            if (!diagnostics.has_errors())
                result.scenario = std::move(scenario);
        }
    }
    result.diagnostics = diagnostics.sorted();
    return result;
}

} // namespace

LoadResult load_text(std::string_view yaml, const std::string& display_name,
                     const fs::path& base_dir, const std::vector<Override>& overrides) {
    return load(yaml, display_name, base_dir, std::nullopt, overrides);
}

LoadResult load_file(const fs::path& file, const std::vector<Override>& overrides) {
    const SourceFile source = read_source_file(file);
    if (!source.text) {
        LoadResult result;
        result.diagnostics.push_back({Diagnostic::Severity::error, file.string(), 1, 1,
                                      source.missing
                                          ? "cannot read the scenario file"
                                          : "cannot read the scenario file: " + source.problem});
        return result;
    }
    return load(*source.text, file.string(), file.parent_path(), file, overrides);
}

} // namespace zorgsim::scenario
