// Several youth-care regions in one landscape: each region's youths use its own services and
// the shared (supra-regional) ones, and everything a youth does is counted for its region too.
#include <map>
#include <string_view>

#include "care_network.hpp"

namespace zorgsim::care {

void CareNetwork::prepare_regions() {
    const std::size_t regions = scenario_.regions.size();
    if (regions == 0)
        return;
    regions_.reserve(regions);
    for (std::size_t r = 0; r < regions; ++r)
        regions_.emplace_back(grid_);

    std::map<std::string_view, std::vector<int>> by_role;
    for (std::size_t s = 0; s < scenario_.services.size(); ++s) {
        const Service& service = scenario_.services[s];
        if (service.role.empty() || service.region < 0)
            continue;
        auto& in_region = by_role.try_emplace(service.role, regions, -1).first->second;
        in_region[static_cast<std::size_t>(service.region)] = static_cast<int>(s);
    }
    counterparts_.resize(scenario_.services.size());
    for (std::size_t s = 0; s < scenario_.services.size(); ++s) {
        const Service& service = scenario_.services[s];
        if (!service.role.empty() && service.region >= 0)
            counterparts_[s] = by_role.at(service.role);
    }

    // A shared service's census youths come from the regions in proportion to how many
    // youths each region refers: the best guess when the scenario gives no split.
    std::vector<double> referrals(regions, 0.0);
    for (const Source& source : scenario_.sources)
        if (source.region >= 0 && !source.interarrival)
            referrals[static_cast<std::size_t>(source.region)] += source.rate_per_year;
        else if (source.region >= 0 && source.interarrival)
            referrals[static_cast<std::size_t>(source.region)] +=
                365.0 / source.interarrival->mean();
    double total = 0.0;
    for (double r : referrals)
        total += r;
    if (total > 0.0)
        census_regions_ = DiscreteChoice(referrals);
    referral_shares_.assign(regions, 1.0 / static_cast<double>(regions));
    if (total > 0.0)
        for (std::size_t r = 0; r < regions; ++r)
            referral_shares_[r] = referrals[r] / total;
    held_.assign(regions, std::vector<int>(scenario_.services.size(), 0));
}

double CareNetwork::region_share(std::size_t region, const Service& service) const {
    if (service.region < 0)
        return referral_shares_[region];
    return static_cast<std::size_t>(service.region) == region ? 1.0 : 0.0;
}

int CareNetwork::for_youth(const Youth& youth, int service) const {
    if (youth.region < 0 || counterparts_.empty())
        return service;
    const auto& in_region = counterparts_[static_cast<std::size_t>(service)];
    if (in_region.empty())
        return service;
    const int own = in_region[static_cast<std::size_t>(youth.region)];
    return own >= 0 ? own : service;
}

std::int16_t CareNetwork::census_region(const Service& service) {
    if (scenario_.regions.empty())
        return -1;
    if (service.region >= 0)
        return static_cast<std::int16_t>(service.region);
    if (!service.census.region_weights.empty())
        return static_cast<std::int16_t>(
            DiscreteChoice(service.census.region_weights).sample(census_stream_));
    if (census_regions_.size() > 0)
        return static_cast<std::int16_t>(census_regions_.sample(census_stream_));
    return 0;
}

void CareNetwork::count(const Youth& youth, Counter YouthTallies::*counter) {
    const Days now = simulation_.now();
    (system_.*counter).add(now);
    if (youth.region >= 0)
        (regions_[static_cast<std::size_t>(youth.region)].*counter).add(now);
    if (youth.municipality >= 0 && !municipalities_.empty())
        (municipalities_[static_cast<std::size_t>(youth.municipality)].*counter).add(now);
}

void CareNetwork::shift(const Youth& youth, TimeWeighted YouthTallies::*level, double delta) {
    const Days now = simulation_.now();
    (system_.*level).add(now, delta);
    if (youth.region >= 0)
        (regions_[static_cast<std::size_t>(youth.region)].*level).add(now, delta);
    if (youth.municipality >= 0 && !municipalities_.empty())
        (municipalities_[static_cast<std::size_t>(youth.municipality)].*level).add(now, delta);
}

void CareNetwork::slot_taken(const Youth& youth, int service, bool admitted_now) {
    const Service& spec = scenario_.services[static_cast<std::size_t>(service)];
    const Days now = simulation_.now();
    catch_up_prices(now);
    CostMeter& meter = costs_[static_cast<std::size_t>(service)];
    meter.occupy(now, 1);
    if (admitted_now)
        meter.admit(now, spec.cost_per_admission);
    if (youth.municipality >= 0 && !municipalities_.empty()) {
        MunicipalityTallies& m = municipalities_[static_cast<std::size_t>(youth.municipality)];
        if (spec.kind == ServiceKind::placement)
            m.out_of_home.add(now, 1.0);
        if (spec.kind == ServiceKind::placement && spec.closed)
            m.closed.add(now, 1.0);
        m.held[static_cast<std::size_t>(service)].add(now, 1.0);
        if (admitted_now)
            m.admitted[static_cast<std::size_t>(service)].add(now);
    }
    if (youth.region < 0)
        return;
    RegionTallies& region = regions_[static_cast<std::size_t>(youth.region)];
    ++held_[static_cast<std::size_t>(youth.region)][static_cast<std::size_t>(service)];
    if (spec.kind == ServiceKind::placement)
        region.out_of_home.add(now, 1.0);
    if (spec.kind == ServiceKind::placement && spec.closed)
        region.closed.add(now, 1.0);
    // The cost of an occupied place follows the youth: its day tariff and its place price.
    region.cost_per_day.add(now, (spec.cost_per_day + spec.cost_per_place_day) * meter.factor());
    if (admitted_now)
        region.add_admission_cost(grid_, now, spec.cost_per_admission * meter.factor());
}

void CareNetwork::slot_released(const Youth& youth, int service) {
    const Service& spec = scenario_.services[static_cast<std::size_t>(service)];
    const Days now = simulation_.now();
    catch_up_prices(now);
    CostMeter& meter = costs_[static_cast<std::size_t>(service)];
    meter.occupy(now, -1);
    if (youth.municipality >= 0 && !municipalities_.empty()) {
        MunicipalityTallies& m = municipalities_[static_cast<std::size_t>(youth.municipality)];
        if (spec.kind == ServiceKind::placement)
            m.out_of_home.add(now, -1.0);
        if (spec.kind == ServiceKind::placement && spec.closed)
            m.closed.add(now, -1.0);
        m.held[static_cast<std::size_t>(service)].add(now, -1.0);
    }
    if (youth.region < 0)
        return;
    RegionTallies& region = regions_[static_cast<std::size_t>(youth.region)];
    --held_[static_cast<std::size_t>(youth.region)][static_cast<std::size_t>(service)];
    if (spec.kind == ServiceKind::placement)
        region.out_of_home.add(now, -1.0);
    if (spec.kind == ServiceKind::placement && spec.closed)
        region.closed.add(now, -1.0);
    region.cost_per_day.add(now, -(spec.cost_per_day + spec.cost_per_place_day) * meter.factor());
}

} // namespace zorgsim::care
