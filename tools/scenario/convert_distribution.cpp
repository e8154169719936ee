// Distributions: `{dist: NAME, PARAMETER: VALUE, ...}` or a plain number (deterministic),
// made by the engine's factories, whose BadParameter message says what is impossible.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "convert.hpp"
#include "nearest.hpp"
#include "yaml_text.hpp"

namespace zorgsim::scenario {

namespace {

struct Family {
    std::string name;
    std::vector<std::string> parameters; ///< required, in the documented order
};

const std::vector<Family>& families() {
    static const std::vector<Family> list{
        {"exponential", {"mean"}},       {"deterministic", {"value"}},
        {"gamma", {"mean", "sd"}},       {"lognormal", {"mean", "sd"}},
        {"uniform", {"min", "max"}},     {"triangular", {"min", "mode", "max"}},
        {"weibull", {"shape", "scale"}}, {"empirical", {"values"}}};
    return list;
}

std::vector<std::string> family_names() {
    std::vector<std::string> names;
    for (const auto& family : families())
        names.push_back(family.name);
    return names;
}

Distribution make(const std::string& name, const std::vector<double>& p, std::vector<double> values,
                  std::vector<double> weights) {
    if (name == "exponential")
        return Distribution::exponential(p[0]);
    if (name == "deterministic")
        return Distribution::deterministic(p[0]);
    if (name == "gamma")
        return Distribution::gamma(p[0], p[1]);
    if (name == "lognormal")
        return Distribution::lognormal(p[0], p[1]);
    if (name == "uniform")
        return Distribution::uniform(p[0], p[1]);
    if (name == "triangular")
        return Distribution::triangular(p[0], p[1], p[2]);
    if (name == "weibull")
        return Distribution::weibull(p[0], p[1]);
    return Distribution::empirical(std::move(values), std::move(weights));
}

std::optional<std::vector<double>> read_numbers(const Node& node, std::string_view what,
                                                const Reader& read) {
    if (!node.is_sequence()) {
        read.error(node, fmt::format("{} must be a list of numbers, got {}", what, describe(node)));
        return std::nullopt;
    }
    std::vector<double> out;
    bool ok = true;
    for (const Node& item : node.items) {
        if (auto x = read.number(item, what))
            out.push_back(*x);
        else
            ok = false;
    }
    return ok ? std::optional(out) : std::nullopt;
}

std::string list_text(const std::vector<double>& xs) {
    std::vector<std::string> parts;
    for (double x : xs)
        parts.push_back(number_text(x));
    return fmt::format("[{}]", fmt::join(parts, ", "));
}

} // namespace

std::optional<DistributionRead> read_distribution(const Node& node, std::string_view what,
                                                  const Reader& read) {
    const std::string example = "{dist: exponential, mean: 30} or a number";
    if (node.is_scalar()) {
        const auto value = parse_number(node);
        if (!value) {
            read.error(node, fmt::format("{} must be a distribution like {}, got {}", what, example,
                                         describe(node)));
            return std::nullopt;
        }
        try {
            return DistributionRead{Distribution::deterministic(*value), number_text(*value),
                                    *value};
        } catch (const BadParameter& e) {
            read.error(node, fmt::format("{}: {}", what, e.what()));
            return std::nullopt;
        }
    }
    if (!read.expect_map(node, what, example))
        return std::nullopt;
    const Node* dist = node.find("dist");
    if (!dist || dist->is_null()) {
        read.error(node, fmt::format("missing required key 'dist' in {} (expected one of: {})",
                                     what, fmt::join(family_names(), ", ")));
        return std::nullopt;
    }
    const auto found = std::find_if(families().begin(), families().end(),
                                    [dist](const Family& f) { return f.name == dist->text; });
    if (!dist->is_scalar() || found == families().end()) {
        const std::string hint = did_you_mean(dist->text, family_names());
        read.error(*dist, fmt::format("unknown distribution {}{}", describe(*dist),
                                      hint.empty() ? fmt::format("; expected one of: {}",
                                                                 fmt::join(family_names(), ", "))
                                                   : hint));
        return std::nullopt;
    }
    const Family& family = *found;
    std::vector<std::string> allowed{"dist"};
    allowed.insert(allowed.end(), family.parameters.begin(), family.parameters.end());
    if (family.name == "empirical")
        allowed.push_back("weights");
    const Fields fields(node, fmt::format("{} ({})", what, family.name), allowed,
                        read.diagnostics());

    std::vector<double> parameters;
    std::vector<double> values;
    std::vector<double> weights;
    bool ok = true;
    if (family.name == "empirical") {
        if (const Node* v = fields.required("values", "a list of numbers")) {
            auto xs = read_numbers(*v, "values", read);
            ok = ok && xs;
            values = xs.value_or(std::vector<double>{});
        } else {
            ok = false;
        }
        if (const Node* w = fields["weights"]) {
            auto xs = read_numbers(*w, "weights", read);
            ok = ok && xs;
            weights = xs.value_or(std::vector<double>{});
        }
    } else {
        for (const auto& name : family.parameters) {
            const Node* p = fields.required(name, "a number");
            const auto x = p ? read.number(*p, name) : std::nullopt;
            ok = ok && x;
            parameters.push_back(x.value_or(0.0));
        }
    }
    if (!ok)
        return std::nullopt;
    if (family.name == "empirical" && !weights.empty() && weights.size() == values.size()) {
        // Finite weights whose sum (or weighted sum of the values) overflows give a mean of
        // nan or inf, which every check and figure after this one would carry along.
        double total = 0;
        double weighted = 0;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            total += weights[i];
            weighted += weights[i] * values[i];
        }
        if (!std::isfinite(total) || !std::isfinite(weighted)) {
            read.error(*fields["weights"],
                       fmt::format("{}: empirical: weights (times values) add up to more than "
                                   "the largest number; scale the weights down (only their "
                                   "ratios matter)",
                                   what));
            return std::nullopt;
        }
    }

    DistributionRead out;
    try {
        out.distribution = make(family.name, parameters, values, weights);
    } catch (const BadParameter& e) {
        // Point at the parameter the message names ("gamma: sd must be ..."), if any.
        const std::string message = e.what();
        const Node* at = &node;
        for (const auto& name : allowed)
            if (message.find(": " + name + " ") != std::string::npos && fields[name])
                at = fields[name];
        read.error(*at, fmt::format("{}: {}", what, message));
        return std::nullopt;
    }
    if (family.name == "empirical") {
        out.yaml = fmt::format("{{dist: empirical, values: {}", list_text(values));
        if (!weights.empty())
            out.yaml += fmt::format(", weights: {}", list_text(weights));
        out.yaml += "}";
        out.lowest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < values.size(); ++i)
            if (weights.empty() || weights[i] > 0)
                out.lowest = std::min(out.lowest, values[i]);
    } else {
        out.yaml = fmt::format("{{dist: {}", family.name);
        for (std::size_t i = 0; i < parameters.size(); ++i)
            out.yaml += fmt::format(", {}: {}", family.parameters[i], number_text(parameters[i]));
        out.yaml += "}";
        const bool bounded_below = family.name == "deterministic" || family.name == "uniform" ||
                                   family.name == "triangular";
        out.lowest = bounded_below ? parameters[0] : 0.0;
    }
    return out;
}

} // namespace zorgsim::scenario
