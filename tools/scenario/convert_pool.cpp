// A service's pool of places (capacity: {pool: {...}}) and its aftercare (aftercare: {...}).
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {
constexpr long long max_places = 1'000'000'000;
/// Beyond this a place lasts under four days on average: a typo, and a run of events.
constexpr double max_attrition_per_year = 100.0;
} // namespace

void read_pool(const Node& node, care::Service& service, ServicePlaces& places,
               const Context& context) {
    const Reader& read = context.read;
    const Fields capacity(node, "capacity", {"pool"}, read.diagnostics());
    const Node* pool = capacity.required(
        "pool", "{initial: 180, recruitment_per_year: 30, attrition_per_year: 0.15}");
    if (!pool || !read.expect_map(*pool, "capacity.pool",
                                  "{initial: 180, recruitment_per_year: 30, "
                                  "attrition_per_year: 0.15}"))
        return;
    const Fields fields(*pool, "capacity.pool",
                        {"initial", "recruitment_per_year", "attrition_per_year"},
                        read.diagnostics());
    care::Pool result;
    if (const Node* initial = fields.required("initial", "a whole number >= 0")) {
        places.capacity = initial->at;
        if (const auto n = read.whole(*initial, "initial", 0, max_places))
            service.capacity = {{0.0, static_cast<int>(*n)}};
    }
    if (const Node* rate = fields["recruitment_per_year"])
        result.recruitment_per_year =
            read.number_in(*rate, "recruitment_per_year", 0.0, max_arrivals_per_year).value_or(0.0);
    if (const Node* rate = fields["attrition_per_year"])
        result.attrition_per_year =
            read.number_in(*rate, "attrition_per_year", 0.0, max_attrition_per_year).value_or(0.0);
    service.pool = result;
}

void read_aftercare(const Node& node, care::Service& service, const Context& context) {
    const Reader& read = context.read;
    const char* const example =
        "{share: 0.75, months: 4, reentry_probability: {without: 0.35, with: 0.2}}";
    if (!read.expect_map(node, "aftercare", example))
        return;
    const Fields fields(node, "aftercare", {"share", "months", "reentry_probability"},
                        read.diagnostics());
    care::Aftercare a;
    if (const Node* share = fields.required("share", "a number between 0 and 1"))
        a.share = read.probability(*share, "share").value_or(0.0);
    if (const Node* months = fields.required("months", "a number of months > 0"))
        a.months = read.number_in(*months, "months", 0.0, 1200.0, true).value_or(1.0);
    const Node* reentry = fields.required("reentry_probability",
                                          "{without: 0.35, with: 0.2, per_month: -0.01, min: 0.1}");
    if (reentry && read.expect_map(*reentry, "aftercare.reentry_probability",
                                   "{without: 0.35, with: 0.2, per_month: -0.01, min: 0.1}")) {
        const Fields r(*reentry, "aftercare.reentry_probability",
                       {"without", "with", "per_month", "min"}, read.diagnostics());
        if (const Node* without = r.required("without", "a number between 0 and 1"))
            a.reentry_without = read.probability(*without, "without").value_or(0.0);
        if (const Node* with = r.required("with", "a number between 0 and 1"))
            a.reentry_with = read.probability(*with, "with").value_or(0.0);
        if (const Node* per_month = r["per_month"])
            a.per_month = read.number_in(*per_month, "per_month", -1.0, 1.0).value_or(0.0);
        if (const Node* min = r["min"]) {
            a.reentry_min = read.probability(*min, "min").value_or(0.0);
            if (a.reentry_min > a.reentry_with)
                read.error(*min, fmt::format("min {} is above with {}: the chance with "
                                             "aftercare of `months` months would not be `with`",
                                             min->text, a.reentry_with));
        }
        if ((a.reentry_with > 0 || a.reentry_without > 0 || a.per_month > 0) &&
            context.scenario.reentry.source < 0)
            read.error(*reentry, "aftercare.reentry_probability needs reentry.via: the referral "
                                 "channel through which youths come back");
    }
    service.aftercare = a;
}

} // namespace zorgsim::scenario
