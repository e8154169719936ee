// Writing a resolved scenario back as YAML in the documented format: every key explicit
// (defaults included), block style for sections and items, flow style for distributions and
// routing tables. The result loads again to an equivalent scenario.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "convert.hpp"
#include "load.hpp"
#include "yaml_text.hpp"
#include "zorgsim/engine/calendar.hpp"

namespace zorgsim::scenario {

namespace {

using care::PolicyChange;

/// A distribution made in code, without the text it was read from: its parameters are
/// recovered from describe(), e.g. "gamma(mean 30, sd 12)"; failing that, its mean.
std::string from_description(const Distribution& d) {
    static const std::map<std::string, std::vector<std::string>, std::less<>> parameters{
        {"exponential", {"mean"}},      {"deterministic", {"value"}},
        {"gamma", {"mean", "sd"}},      {"lognormal", {"mean", "sd"}},
        {"uniform", {"min", "max"}},    {"triangular", {"min", "mode", "max"}},
        {"weibull", {"shape", "scale"}}};
    const std::string& text = d.describe();
    const auto open = text.find('(');
    if (open != std::string::npos && text.back() == ')') {
        const auto family = parameters.find(text.substr(0, open));
        std::vector<std::string> numbers;
        std::string_view inner(text);
        inner = inner.substr(open + 1, inner.size() - open - 2);
        while (!inner.empty()) {
            const auto comma = inner.find(", ");
            std::string_view part = inner.substr(0, comma);
            numbers.emplace_back(
                part.substr(part.rfind(' ') == std::string_view::npos ? 0 : part.rfind(' ') + 1));
            inner = comma == std::string_view::npos ? "" : inner.substr(comma + 2);
        }
        if (family != parameters.end() && family->second.size() == numbers.size()) {
            std::string out = "{dist: " + family->first;
            for (std::size_t i = 0; i < numbers.size(); ++i)
                out += fmt::format(", {}: {}", family->second[i], numbers[i]);
            return out + "}";
        }
    }
    return fmt::format("{{dist: deterministic, value: {}}}", number_text(d.mean()));
}

class Writer {
  public:
    explicit Writer(const care::Scenario& s) : s_(s), calendar_(s.start) {}

    std::string run() {
        line(0, "# zorgsim scenario, fully resolved (defaults and extends applied)");
        top();
        population();
        reentry();
        prices();
        line(0, "sources:");
        for (const auto& source : s_.sources)
            this->source(source);
        line(0, "services:");
        for (std::size_t i = 0; i < s_.services.size(); ++i)
            service(i);
        if (!s_.policies.empty()) {
            line(0, "policies:");
            for (const auto& change : s_.policies)
                policy(change);
        }
        return out_;
    }

  private:
    const care::Scenario& s_;
    Calendar calendar_;
    std::string out_;

    void line(int indent, std::string_view text) {
        out_.append(static_cast<std::size_t>(indent), ' ');
        out_ += text;
        out_ += '\n';
    }
    void key(int indent, std::string_view name, std::string_view value) {
        line(indent, fmt::format("{}: {}", name, value));
    }
    std::string num(double x) const { return number_text(x); }
    std::string date(Days day) const { return calendar_.iso(day); }
    std::string bool_text(bool b) const { return b ? "true" : "false"; }
    std::string service_id(int i) const { return scalar_text(s_.services[i].id); }
    std::string destination(care::Destination d) const {
        return d.is_exit() ? "exit" : service_id(d.service);
    }
    std::string route(const care::Route& r) const {
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < r.targets.size(); ++k)
            parts.push_back(
                fmt::format("{}: {}", destination(r.targets[k]), num(r.probabilities[k])));
        return fmt::format("{{{}}}", fmt::join(parts, ", "));
    }
    std::string distribution(const Distribution& d, const std::string& yaml) const {
        return yaml.empty() ? from_description(d) : yaml;
    }
    std::string names(const std::vector<std::string>& list) const {
        std::vector<std::string> parts;
        for (const auto& name : list)
            parts.push_back(scalar_text(name));
        return fmt::format("[{}]", fmt::join(parts, ", "));
    }
    std::string mix(const std::vector<double>& weights,
                    const std::vector<std::string>& over) const {
        std::vector<std::string> parts;
        for (std::size_t i = 0; i < weights.size() && i < over.size(); ++i)
            parts.push_back(fmt::format("{}: {}", scalar_text(over[i]), num(weights[i])));
        return fmt::format("{{{}}}", fmt::join(parts, ", "));
    }
    template <typename T, typename Text>
    void by_profile(int indent, std::string_view name, const std::vector<std::optional<T>>& list,
                    Text text) {
        std::vector<std::string> parts;
        for (std::size_t p = 0; p < list.size() && p < s_.profiles.size(); ++p)
            if (list[p])
                parts.push_back(fmt::format("{}: {}", scalar_text(s_.profiles[p]), text(p)));
        if (!parts.empty())
            key(indent, name, fmt::format("{{{}}}", fmt::join(parts, ", ")));
    }

    void top() {
        key(0, "format", "1");
        key(0, "name", scalar_text(s_.name));
        key(0, "title", scalar_text(s_.title));
        if (!s_.description.empty()) {
            std::string joined;
            for (std::size_t i = 0; i < s_.description.size(); ++i)
                joined += (i ? "\n" : "") + s_.description[i];
            key(0, "description", scalar_text(joined));
        }
        key(0, "start", to_iso(s_.start));
        key(0, "horizon_days", num(s_.horizon_days));
        key(0, "warmup_days", num(s_.warmup_days));
        key(0, "period", to_string(s_.period));
        key(0, "replications", fmt::format("{}", s_.replications));
        key(0, "seed", fmt::format("{}", s_.seed));
        key(0, "wait_norm_days", num(s_.wait_norm_days));
        key(0, "profiles", names(s_.profiles));
        if (s_.reports_municipalities()) {
            line(0, "municipalities:");
            for (std::size_t m = 0; m < s_.municipalities.size(); ++m) {
                const care::MunicipalityPopulation& p = s_.municipality_populations[m];
                key(2, "- name", scalar_text(s_.municipalities[m]));
                if (!p.id.empty() && p.id != derived_id(s_.municipalities[m]))
                    key(4, "id", scalar_text(p.id));
                key(4, "youths_0_17", num(p.youths));
                key(4, "year", fmt::format("{}", p.year));
                if (p.region >= 0)
                    key(4, "region",
                        scalar_text(s_.regions[static_cast<std::size_t>(p.region)].id));
            }
        } else if (!s_.municipalities.empty()) {
            key(0, "municipalities", names(s_.municipalities));
        }
        if (!s_.regions.empty()) {
            line(0, "regions:");
            for (const care::Region& region : s_.regions) {
                key(2, "- id", scalar_text(region.id));
                key(4, "name", scalar_text(region.name.empty() ? region.id : region.name));
            }
        }
    }
    std::vector<std::string> region_ids() const {
        std::vector<std::string> ids;
        for (const care::Region& region : s_.regions)
            ids.push_back(region.id);
        return ids;
    }
    void region(int indent, int index) {
        if (index >= 0 && static_cast<std::size_t>(index) < s_.regions.size())
            key(indent, "region", scalar_text(s_.regions[static_cast<std::size_t>(index)].id));
    }

    void population() {
        const care::Population& p = s_.population;
        const care::Population none;
        if (std::isinf(p.exit_age) && p.extended_probability == none.extended_probability &&
            p.extended_until == none.extended_until &&
            p.adult_support_probability == none.adult_support_probability)
            return; // no population section: nobody ages
        line(0, "population:");
        key(2, "exit_age", num(p.exit_age));
        // Without extended care its age limit means nothing, and the default limit (21) need not
        // be above an exit age of 21 or more: writing it would make the file fail to load.
        if (p.extended_probability > 0.0)
            key(2, "extended_care",
                fmt::format("{{probability: {}, until_age: {}}}", num(p.extended_probability),
                            num(p.extended_until)));
        key(2, "adult_support_probability", num(p.adult_support_probability));
    }

    void prices() {
        const double rate = s_.prices.indexation_per_year;
        if (rate == 0.0)
            return; // no prices section: the prices as written throughout
        line(0, "prices:");
        key(2, "indexation_per_year", num(rate));
        if (std::abs(rate) > largest_unconfirmed_change)
            key(2, "confirm", "true");
    }

    void reentry() {
        const care::Reentry& r = s_.reentry;
        if (r.source < 0)
            return;
        line(0, "reentry:");
        key(2, "probability", num(r.probability));
        key(2, "delay_days", distribution(r.delay_days, r.delay_days_yaml));
        key(2, "via", scalar_text(s_.sources[r.source].id));
    }

    void source(const care::Source& src) {
        key(2, "- id", scalar_text(src.id));
        if (!src.name.empty())
            key(4, "name", scalar_text(src.name));
        if (!src.dutch.empty())
            key(4, "dutch", scalar_text(src.dutch));
        region(4, src.region);
        if (src.interarrival)
            key(4, "interarrival_days", distribution(*src.interarrival, src.interarrival_yaml));
        else
            key(4, "rate_per_year", num(src.rate_per_year));
        if (src.track_only) {
            key(4, "track_only", "true");
        } else {
            key(4, "to", route(src.to.fallback));
            by_profile(4, "to_by_profile", src.to.by_profile,
                       [&](std::size_t p) { return route(*src.to.by_profile[p]); });
        }
        if (!src.profile_weights.empty())
            key(4, "profiles", mix(src.profile_weights, s_.profiles));
        key(4, "age_years", distribution(src.age_years, src.age_years_yaml));
        key(4, "protection_share", num(src.protection_share));
        key(4, "crisis", bool_text(src.crisis));
        if (src.measure >= 0)
            key(4, "measure", service_id(src.measure));
        if (src.investigation >= 0)
            key(4, "investigation", service_id(src.investigation));
        if (src.new_measure_share < 1.0)
            key(4, "new_measure_share", num(src.new_measure_share));
        if (!src.municipality_weights.empty())
            key(4, "municipalities", mix(src.municipality_weights, s_.municipalities));
    }

    /// Capacity steps that a `capacity` policy put there are written as the policy only.
    bool from_policy(std::size_t service, const care::CapacityStep& step) const {
        return std::any_of(s_.policies.begin(), s_.policies.end(), [&](const PolicyChange& c) {
            return c.kind == PolicyChange::Kind::capacity &&
                   c.service == static_cast<int>(service) && c.at == step.from &&
                   c.value == step.value;
        });
    }

    /// The capacity written for the start date. A `capacity` policy on the start date
    /// replaced it when loaded, so the value read is lost; any value the census fits in
    /// (the loader checks the census against it, before policies) loads to the same schedule.
    int start_capacity(std::size_t service) const {
        const care::CapacityStep& first = s_.services[service].capacity.front();
        const bool replaced =
            std::any_of(s_.policies.begin(), s_.policies.end(), [&](const PolicyChange& c) {
                return c.kind == PolicyChange::Kind::capacity &&
                       c.service == static_cast<int>(service) && c.at == first.from;
            });
        return replaced ? std::max(first.value, s_.services[service].census.occupied) : first.value;
    }

    void capacity(std::size_t i) {
        const auto& schedule = s_.services[i].capacity;
        std::vector<std::string> steps;
        for (std::size_t k = 0; k < schedule.size(); ++k)
            if (k == 0 || !from_policy(i, schedule[k]))
                steps.push_back(fmt::format("{{from: {}, value: {}}}", date(schedule[k].from),
                                            k == 0 ? start_capacity(i) : schedule[k].value));
        if (const auto& pool = s_.services[i].pool)
            // A pool's steps are all capacity policies (the loader allows no schedule).
            key(4, "capacity",
                fmt::format("{{pool: {{initial: {}, recruitment_per_year: {}, "
                            "attrition_per_year: {}}}}}",
                            start_capacity(i), num(pool->recruitment_per_year),
                            num(pool->attrition_per_year)));
        else if (steps.size() == 1 && !schedule.empty())
            key(4, "capacity", fmt::format("{}", start_capacity(i)));
        else
            key(4, "capacity", fmt::format("[{}]", fmt::join(steps, ", ")));
    }

    void service(std::size_t i) {
        const care::Service& v = s_.services[i];
        key(2, "- id", scalar_text(v.id));
        if (!v.name.empty())
            key(4, "name", scalar_text(v.name));
        if (!v.dutch.empty())
            key(4, "dutch", scalar_text(v.dutch));
        region(4, v.region);
        if (!v.role.empty())
            key(4, "role", scalar_text(v.role));
        key(4, "kind", v.kind == care::ServiceKind::placement ? "placement" : "care_at_home");
        key(4, "closed", bool_text(v.closed));
        if (v.parallel)
            key(4, "track", "parallel");
        if (v.holds_placements)
            key(4, "holds_placements", "true");
        capacity(i);
        key(4, "duration_days", distribution(v.stay, v.stay_yaml));
        by_profile(4, "duration_by_profile", v.stay_by_profile, [&](std::size_t p) {
            return distribution(*v.stay_by_profile[p],
                                p < v.stay_by_profile_yaml.size() ? v.stay_by_profile_yaml[p] : "");
        });
        std::string admission = fmt::format("{{min_age: {}", num(v.min_age));
        if (std::isfinite(v.max_age))
            admission += fmt::format(", max_age: {}", num(v.max_age));
        if (!v.admits_profile.empty()) {
            std::vector<std::string> admitted;
            for (std::size_t p = 0; p < v.admits_profile.size() && p < s_.profiles.size(); ++p)
                if (v.admits_profile[p])
                    admitted.push_back(s_.profiles[p]);
            admission += fmt::format(", profiles: {}", names(admitted));
        }
        key(4, "admission", admission + "}");
        std::string queue =
            fmt::format("{{max_length: {}", v.max_queue == std::numeric_limits<std::size_t>::max()
                                                ? "unlimited"
                                                : fmt::format("{}", v.max_queue));
        if (std::isfinite(v.max_wait))
            queue += fmt::format(", max_wait_days: {}", num(v.max_wait));
        key(4, "queue", queue + fmt::format(", renege_to: {}}}", destination(v.renege_to)));
        key(4, "overflow", destination(v.overflow));
        key(4, "waiting",
            fmt::format("{{{}blocking: {}}}",
                        v.bridging >= 0 ? fmt::format("bridging: {}, ", service_id(v.bridging))
                                        : "",
                        bool_text(v.blocking)));
        if (v.substitution) {
            std::vector<std::string> to;
            for (int alternative : v.substitution->alternatives)
                to.push_back(service_id(alternative));
            key(4, "substitution",
                fmt::format("{{after_days: {}, to: [{}], retry_days: {}}}",
                            num(v.substitution->after_days), fmt::join(to, ", "),
                            num(v.substitution->retry_days)));
        }
        key(4, "next", route(v.next.fallback));
        by_profile(4, "next_by_profile", v.next.by_profile,
                   [&](std::size_t p) { return route(*v.next.by_profile[p]); });
        if (v.reentry_probability)
            key(4, "reentry_probability", num(*v.reentry_probability));
        if (const auto& a = v.aftercare)
            key(4, "aftercare",
                fmt::format("{{share: {}, months: {}, reentry_probability: {{without: {}, with: "
                            "{}, per_month: {}, min: {}}}}}",
                            num(a->share), num(a->months), num(a->reentry_without),
                            num(a->reentry_with), num(a->per_month), num(a->reentry_min)));
        if (v.wait_norm_days)
            key(4, "wait_norm_days", num(*v.wait_norm_days));
        key(4, "cost_per_day", num(v.cost_per_day));
        key(4, "cost_per_admission", num(v.cost_per_admission));
        // Written only when set, so that a scenario without them resolves as it always did.
        if (v.cost_per_place_day != 0.0)
            key(4, "cost_per_place_day", num(v.cost_per_place_day));
        if (v.fixed_cost_per_year != 0.0)
            key(4, "fixed_cost_per_year", num(v.fixed_cost_per_year));
        if (v.solidarity_share > 0.0)
            key(4, "cost_sharing",
                fmt::format("{{solidarity_share: {}}}", num(v.solidarity_share)));
        if (v.opens)
            key(4, "opens", date(*v.opens));
        const care::Census& c = v.census;
        if (c.occupied > 0 || c.waiting > 0 || !c.region_weights.empty() ||
            !c.profile_weights.empty() || c.age_years) {
            std::string census = fmt::format("{{occupied: {}, waiting: {}", c.occupied, c.waiting);
            if (!c.region_weights.empty())
                census += fmt::format(", region_weights: {}", mix(c.region_weights, region_ids()));
            if (!c.profile_weights.empty())
                census += fmt::format(", profiles: {}", mix(c.profile_weights, s_.profiles));
            if (c.age_years)
                census +=
                    fmt::format(", age_years: {}", distribution(*c.age_years, c.age_years_yaml));
            key(4, "census", census + "}");
        }
    }

    void policy(const PolicyChange& c) {
        key(2, "- id", scalar_text(c.id));
        key(4, "date", date(c.at));
        if (!c.description.empty())
            key(4, "description", scalar_text(c.description));
        switch (c.kind) {
        case PolicyChange::Kind::inflow: {
            std::string text = fmt::format("{{multiplier: {}, annual_change: {}", num(c.value),
                                           num(c.annual_change));
            if (!c.sources.empty()) {
                std::vector<std::string> ids;
                for (int source : c.sources)
                    ids.push_back(scalar_text(s_.sources[source].id));
                text += fmt::format(", sources: [{}]", fmt::join(ids, ", "));
            }
            if (c.until)
                text += fmt::format(", until: {}", date(*c.until));
            if (std::abs(c.annual_change) > largest_unconfirmed_change)
                text += ", confirm: true"; // it loaded, so it was confirmed
            key(4, "inflow", text + "}");
            break;
        }
        case PolicyChange::Kind::capacity:
            key(4, "capacity",
                fmt::format("{{service: {}, value: {}}}", service_id(c.service), num(c.value)));
            break;
        case PolicyChange::Kind::routing_shift:
            key(4, "routing_shift",
                fmt::format("{{{}, from: {}, to: {}, fraction: {}}}",
                            c.service >= 0 ? "service: " + service_id(c.service)
                                           : "source: " + scalar_text(s_.sources[c.source].id),
                            destination(c.from), destination(c.to), num(c.value)));
            break;
        case PolicyChange::Kind::stay_multiplier:
            key(4, "length_of_stay",
                fmt::format("{{service: {}, multiplier: {}}}", service_id(c.service),
                            num(c.value)));
            break;
        case PolicyChange::Kind::admission_stop:
            key(4, "admission_stop",
                fmt::format("{{service: {}, stop: {}}}", service_id(c.service), bool_text(c.stop)));
            break;
        case PolicyChange::Kind::staff_available:
            key(4, "staff_available",
                fmt::format("{{service: {}, fraction: {}}}", service_id(c.service), num(c.value)));
            break;
        case PolicyChange::Kind::prices: {
            std::string text = fmt::format("{{change: {}", num(c.value));
            if (!c.services.empty()) {
                std::vector<std::string> ids;
                for (int service : c.services)
                    ids.push_back(service_id(service));
                text += fmt::format(", services: [{}]", fmt::join(ids, ", "));
            }
            if (std::abs(c.value) > largest_unconfirmed_change)
                text += ", confirm: true"; // it loaded, so it was confirmed
            key(4, "prices", text + "}");
            break;
        }
        case PolicyChange::Kind::recruitment:
            key(4, "recruitment",
                fmt::format("{{service: {}, {}: {}}}", service_id(c.service),
                            c.absolute ? "per_year" : "multiplier", num(c.value)));
            break;
        case PolicyChange::Kind::aftercare: {
            std::vector<std::string> parts{"service: " + service_id(c.service)};
            if (c.share)
                parts.push_back("share: " + num(*c.share));
            if (c.months)
                parts.push_back("months: " + num(*c.months));
            key(4, "aftercare", fmt::format("{{{}}}", fmt::join(parts, ", ")));
            break;
        }
        }
    }
};

} // namespace

std::string emit_yaml(const care::Scenario& scenario) {
    return Writer(scenario).run();
}

} // namespace zorgsim::scenario
