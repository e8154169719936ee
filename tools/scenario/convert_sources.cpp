// sources: the referral channels (verwijzers) and where their referrals go first.
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

void convert_source(const Node& node, std::size_t index, Context& context) {
    const Reader& read = context.read;
    care::Source& source = context.scenario.sources[index];
    SourcePlaces& places = context.source_places[index];
    places.item = places.age = places.rate = node.at;
    source.id = context.source_ids[index];
    const std::string what = source.id.empty() ? "source" : fmt::format("source '{}'", source.id);
    if (!read.expect_map(node, what, "{id: huisarts, rate_per_year: 420, to: SERVICE}"))
        return;
    const Fields fields(node, what,
                        {"id", "name", "dutch", "region", "rate_per_year", "interarrival_days",
                         "to", "to_by_profile", "profiles", "age_years", "protection_share",
                         "crisis", "municipalities", "measure", "investigation",
                         "new_measure_share", "track_only"},
                        read.diagnostics());
    if (const Node* id = fields.required("id", "a name unique among sources"))
        read.text(*id, "id");
    if (const Node* name = fields["name"])
        source.name = read.text(*name, "name").value_or("");
    if (const Node* dutch = fields["dutch"])
        source.dutch = read.text(*dutch, "dutch").value_or("");
    if (const Node* region = fields["region"])
        source.region = read_region(*region, "region", context).value_or(-1);
    else if (!context.region_ids.empty())
        read.diagnostics().error(node.at, fmt::format("{} has no region; a scenario with regions "
                                                      "needs one on every source, so that every "
                                                      "youth belongs to a region",
                                                      what));

    const Node* rate = fields["rate_per_year"];
    const Node* interarrival = fields["interarrival_days"];
    if (rate && interarrival) {
        read.diagnostics().error(fields.key_position("interarrival_days"),
                                 fmt::format("{}: give either rate_per_year or interarrival_days, "
                                             "not both",
                                             what));
    } else if (!rate && !interarrival) {
        read.diagnostics().error(node.at, fmt::format("missing required key 'rate_per_year' or "
                                                      "'interarrival_days' in {} (expected a "
                                                      "number per year or a distribution)",
                                                      what));
    } else if (rate) {
        places.rate = rate->at;
        source.rate_per_year =
            read.number_in(*rate, "rate_per_year", 0.0, std::numeric_limits<double>::infinity())
                .value_or(0.0);
    } else if (places.rate = interarrival->at;
               auto d = read_distribution(*interarrival, "interarrival_days", read)) {
        if (d->distribution.mean() <= 0)
            read.error(*interarrival, "interarrival_days must have a positive mean");
        source.interarrival = std::move(d->distribution);
        source.interarrival_yaml = std::move(d->yaml);
    }

    const std::size_t profiles = context.scenario.profiles.size();
    if (const Node* by_profile = fields["to_by_profile"])
        source.to.by_profile = read_by_profile<care::Route>(
            *by_profile, "to_by_profile", context,
            [&context](const Node& n) { return read_route(n, "to_by_profile", context, true); });
    if (const Node* only = fields["track_only"])
        source.track_only = read.boolean(*only, "track_only").value_or(false);
    if (source.track_only) {
        // Its youths hold a parallel track only (check_tracks): no route into care.
        for (const char* key : {"to", "to_by_profile"})
            if (const Node* to = fields[key])
                read.error(*to, fmt::format("{}: a track_only source sends nobody to care; remove "
                                            "'{}'",
                                            what, key));
        source.to.fallback = {{care::Destination{}}, {1.0}};
    } else if (const Node* to = fields["to"]) {
        if (auto route = read_route(*to, "to", context, true))
            source.to.fallback = std::move(*route);
    } else {
        const auto& by = source.to.by_profile;
        const bool complete = by.size() == profiles &&
                              std::all_of(by.begin(), by.end(), [](const auto& r) { return r; });
        if (complete)
            source.to.fallback = *by.front();
        else
            fields.required("to", "a service id or a table {SERVICE: probability}");
    }

    if (const Node* mix = fields["profiles"])
        source.profile_weights =
            read_mix(*mix, "profiles", context.scenario.profiles, "profile", read)
                .value_or(std::vector<double>{});
    if (const Node* age = fields["age_years"]) {
        places.age = age->at;
        if (auto d = read_distribution(*age, "age_years", read)) {
            source.age_years = std::move(d->distribution);
            source.age_years_yaml = std::move(d->yaml);
            places.lowest_age = d->lowest;
        }
    }
    if (const Node* share = fields["protection_share"])
        source.protection_share = read.probability(*share, "protection_share").value_or(0.0);
    if (const Node* share = fields["new_measure_share"])
        source.new_measure_share = read.probability(*share, "new_measure_share").value_or(1.0);
    for (const char* track : {"measure", "investigation"})
        if (const Node* name = fields[track]) {
            const auto text = read.text(*name, track);
            if (text)
                (std::string_view(track) == "measure" ? places.measure : places.investigation) =
                    TrackName{*text, name->at};
        }
    if (const Node* crisis = fields["crisis"])
        source.crisis = read.boolean(*crisis, "crisis").value_or(false);
    if (const Node* origin = fields["municipalities"]) {
        if (context.scenario.municipalities.empty())
            read.error(*origin, "municipalities: the scenario lists no municipalities (add a "
                                "top-level 'municipalities: [...]')");
        else
            source.municipality_weights =
                read_mix(*origin, "municipalities", context.scenario.municipalities, "municipality",
                         read)
                    .value_or(std::vector<double>{});
    }
}

} // namespace

void convert_sources(const Node& list, Context& context) {
    if (!list.is_sequence() || list.items.empty()) {
        context.read.error(list, fmt::format("sources must be a list of at least one referral "
                                             "channel [{{id: ..., rate_per_year: ..., to: ...}}], "
                                             "got {}",
                                             describe(list)));
        return;
    }
    context.sources_at = list.at;
    context.scenario.sources.resize(list.items.size());
    context.source_places.resize(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const std::size_t first_route = context.route_uses.size();
        convert_source(list.items[i], i, context);
        mark_routes(context, first_route, RouteUse::From::source, static_cast<int>(i));
    }
}

} // namespace zorgsim::scenario
