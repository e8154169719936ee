// municipalities: the municipalities (gemeenten) of the landscape. A plain list of names is
// enough for the referral channels' origin mixes; a list with each municipality's youth
// population (CBS, with its year) and, in a scenario with regions, its region makes the
// model report every system figure per municipality and split the costs over them.
#include <set>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

constexpr std::string_view example = "[{name: Hoorn, youths_0_17: 15420, year: 2024}]";

/// One item of the list with a population: {name, youths_0_17, year, region}.
std::optional<std::string> read_populated(const Node& item, Context& context,
                                          care::MunicipalityPopulation& population) {
    const Reader& read = context.read;
    const Fields fields(item, "municipality", {"name", "id", "youths_0_17", "year", "region"},
                        read.diagnostics());
    std::optional<std::string> name;
    if (const Node* n = fields.required("name", "the municipality's name, e.g. Hoorn"))
        name = read.text(*n, "name");
    if (const Node* id = fields["id"]) {
        if (const auto text = read.text(*id, "id")) {
            if (const std::string problem = id_problem(*text, "municipality"); !problem.empty())
                read.error(*id, problem);
            else
                population.id = *text;
        }
    } else if (name) {
        population.id = derived_id(*name);
        if (const std::string problem = id_problem(population.id, "municipality"); !problem.empty())
            read.error(*fields["name"],
                       fmt::format("municipality '{}' needs an id for the output files (its name "
                                   "gives '{}'): write {{name: ..., id: ...}}; {}",
                                   shown(*name), shown(population.id), problem));
    }
    if (const Node* youths =
            fields.required("youths_0_17", "its number of youths aged 0-17 (CBS StatLine)"))
        population.youths = read.number_in(*youths, "youths_0_17", 0.0, 1e8, true).value_or(1.0);
    if (const Node* year = fields.required("year", "the year of the population figure"))
        population.year = static_cast<int>(read.whole(*year, "year", 1900, 2200).value_or(0));
    if (const Node* region = fields["region"])
        population.region = read_region(*region, "region", context).value_or(-1);
    else if (!context.region_ids.empty())
        read.diagnostics().error(item.at, fmt::format("municipality {} has no region; a scenario "
                                                      "with regions needs one on every "
                                                      "municipality with a population",
                                                      name ? "'" + shown(*name) + "'" : ""));
    return name;
}

} // namespace

std::string derived_id(std::string_view name) {
    std::string id;
    for (const char c : name) {
        const bool kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (kept)
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    return id;
}

void convert_municipalities(const Node& list, Context& context) {
    const Reader& read = context.read;
    care::Scenario& s = context.scenario;
    if (!list.is_sequence()) {
        read.error(list, fmt::format("municipalities must be a list of names like [Hoorn, "
                                     "Enkhuizen] or of municipalities with their youths like {}, "
                                     "got {}",
                                     example, describe(list)));
        return;
    }
    std::size_t with_population = 0;
    for (const Node& item : list.items)
        with_population += item.is_map() ? 1 : 0;
    const bool populated = with_population > 0;
    std::set<std::string> seen, seen_ids;
    std::vector<care::MunicipalityPopulation> populations;
    for (const Node& item : list.items) {
        std::optional<std::string> name;
        care::MunicipalityPopulation population;
        if (populated && !item.is_map()) {
            read.error(item, fmt::format("municipality {} has no youth population, but others "
                                         "have one: give every municipality its youths like {} "
                                         "or none",
                                         describe(item), example));
            name = item.is_scalar() ? std::optional(item.text) : std::nullopt;
        } else if (populated) {
            name = read_populated(item, context, population);
        } else {
            name = read.text(item, "municipalities");
        }
        if (!name)
            continue;
        if (!seen.insert(*name).second) {
            read.error(item, fmt::format("duplicate name '{}' in municipalities", shown(*name)));
            continue;
        }
        if (populated && !population.id.empty() && !seen_ids.insert(population.id).second) {
            read.error(item, fmt::format("municipality '{}' has the id '{}' of another one: give "
                                         "one of them its own id ({{name: ..., id: ...}})",
                                         shown(*name), population.id));
            continue;
        }
        s.municipalities.push_back(*name);
        populations.push_back(population);
    }
    if (!populated)
        return;
    s.municipality_populations = std::move(populations);
    // Every region's youths need a municipality to belong to.
    for (std::size_t r = 0; r < context.region_ids.size(); ++r) {
        bool any = false;
        for (const auto& population : s.municipality_populations)
            any = any || population.region == static_cast<int>(r);
        if (!any && !s.municipality_populations.empty())
            read.error(list, fmt::format("region '{}' has no municipalities: give every region "
                                         "its municipalities (municipalities[].region), so that "
                                         "its youths belong to one",
                                         shown(context.region_ids[r])));
    }
}

} // namespace zorgsim::scenario
