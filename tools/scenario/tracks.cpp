// Parallel services (track: parallel) and the channels that send youths to them: a source's
// `measure` and `investigation` name a parallel service, and no route leads to one (youths
// hold its place alongside their care; they are never sent there instead of care).
#include <fmt/format.h>

#include "convert.hpp"
#include "nearest.hpp"

namespace zorgsim::scenario {

namespace {

/// The parallel service a source names for `key`, or -1 after reporting what is wrong.
int resolve(const TrackName& given, std::string_view key, const Context& context) {
    const auto& services = context.scenario.services;
    const auto& ids = context.service_ids;
    for (std::size_t i = 0; i < ids.size() && i < services.size(); ++i) {
        if (ids[i] != given.name)
            continue;
        if (!services[i].parallel) {
            context.read.diagnostics().error(
                given.at, fmt::format("{}: service '{}' is not a parallel service (give it "
                                      "track: parallel)",
                                      key, given.name));
            return -1;
        }
        return static_cast<int>(i);
    }
    std::vector<std::string> parallel;
    for (std::size_t i = 0; i < ids.size() && i < services.size(); ++i)
        if (services[i].parallel)
            parallel.push_back(ids[i]);
    context.read.diagnostics().error(given.at,
                                     fmt::format("{}: unknown service '{}'{}", key, given.name,
                                                 did_you_mean(given.name, parallel)));
    return -1;
}

} // namespace

void check_tracks(Context& context) {
    care::Scenario& s = context.scenario;
    for (std::size_t i = 0; i < s.sources.size() && i < context.source_places.size(); ++i) {
        const SourcePlaces& places = context.source_places[i];
        care::Source& source = s.sources[i];
        if (places.measure)
            source.measure = resolve(*places.measure, "measure", context);
        if (places.investigation)
            source.investigation = resolve(*places.investigation, "investigation", context);
        if (source.track_only && !places.measure && !places.investigation)
            context.read.diagnostics().error(
                places.item, fmt::format("source '{}' is track_only but names no measure or "
                                         "investigation: its youths would go nowhere",
                                         source.id));
        if (source.track_only && s.reentry.source == static_cast<int>(i))
            context.read.diagnostics().error(
                context.reentry_via,
                fmt::format("reentry.via: source '{}' is track_only: youths come back to care "
                            "through a channel that refers to care",
                            source.id));
        if (source.measure >= 0 && source.measure == source.investigation)
            context.read.diagnostics().error(
                places.investigation->at,
                fmt::format("investigation: '{}' is this source's measure too; a youth holds one "
                            "place at a time in a parallel service",
                            places.investigation->name));
    }
    for (const RouteUse& use : context.route_uses) {
        if (use.from == RouteUse::From::nowhere || use.service < 0 ||
            static_cast<std::size_t>(use.service) >= s.services.size() ||
            !s.services[static_cast<std::size_t>(use.service)].parallel)
            continue;
        context.read.diagnostics().error(
            use.at, fmt::format("{}: '{}' is a parallel service (track: parallel): no route leads "
                                "there; a source sends youths to it with measure or investigation",
                                use.what, use.name));
    }
}

} // namespace zorgsim::scenario
