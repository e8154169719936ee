#include "zorgsim/engine/distribution.hpp"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace zorgsim {

namespace br = boost::random;

namespace {
void require(bool ok, const char* message) {
    if (!ok)
        throw BadParameter(message);
}
bool finite(double x) {
    return std::isfinite(x);
}
} // namespace

Distribution Distribution::exponential(double mean) {
    require(finite(mean) && mean > 0, "exponential: mean must be a positive number");
    // Boost takes the rate; users give the mean, so the conversion happens exactly here.
    return {br::exponential_distribution<double>(1.0 / mean), mean,
            fmt::format("exponential(mean {:g})", mean)};
}

Distribution Distribution::deterministic(double value) {
    require(finite(value) && value >= 0, "deterministic: value must be a number >= 0");
    return {Deterministic{value}, value, fmt::format("deterministic({:g})", value)};
}

Distribution Distribution::gamma(double mean, double sd) {
    require(finite(mean) && mean > 0, "gamma: mean must be a positive number");
    require(finite(sd) && sd > 0, "gamma: sd must be a positive number");
    const double shape = (mean * mean) / (sd * sd);
    const double scale = (sd * sd) / mean;
    return {br::gamma_distribution<double>(shape, scale), mean,
            fmt::format("gamma(mean {:g}, sd {:g})", mean, sd)};
}

Distribution Distribution::lognormal(double mean, double sd) {
    require(finite(mean) && mean > 0, "lognormal: mean must be a positive number");
    require(finite(sd) && sd > 0, "lognormal: sd must be a positive number");
    const double sigma2 = std::log1p((sd * sd) / (mean * mean));
    const double mu = std::log(mean) - sigma2 / 2.0;
    return {br::lognormal_distribution<double>(mu, std::sqrt(sigma2)), mean,
            fmt::format("lognormal(mean {:g}, sd {:g})", mean, sd)};
}

Distribution Distribution::uniform(double min, double max) {
    require(finite(min) && finite(max) && min >= 0, "uniform: min must be a number >= 0");
    require(max > min, "uniform: max must be greater than min");
    return {br::uniform_real_distribution<double>(min, max), (min + max) / 2.0,
            fmt::format("uniform({:g}, {:g})", min, max)};
}

Distribution Distribution::triangular(double min, double mode, double max) {
    require(finite(min) && finite(mode) && finite(max) && min >= 0,
            "triangular: min must be a number >= 0");
    require(min <= mode && mode <= max && min < max,
            "triangular: need min <= mode <= max and min < max");
    return {br::triangle_distribution<double>(min, mode, max), (min + mode + max) / 3.0,
            fmt::format("triangular({:g}, {:g}, {:g})", min, mode, max)};
}

Distribution Distribution::weibull(double shape, double scale) {
    require(finite(shape) && shape > 0, "weibull: shape must be a positive number");
    require(finite(scale) && scale > 0, "weibull: scale must be a positive number");
    return {br::weibull_distribution<double>(shape, scale), scale * std::tgamma(1.0 + 1.0 / shape),
            fmt::format("weibull(shape {:g}, scale {:g})", shape, scale)};
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
    require(!values.empty(), "empirical: values must not be empty");
    if (weights.empty())
        weights.assign(values.size(), 1.0);
    require(weights.size() == values.size(), "empirical: weights must match values in number");
    double total = 0;
    double weighted = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        require(finite(values[i]) && values[i] >= 0, "empirical: values must be numbers >= 0");
        require(finite(weights[i]) && weights[i] >= 0, "empirical: weights must be numbers >= 0");
        total += weights[i];
        weighted += weights[i] * values[i];
    }
    require(total > 0, "empirical: weights must have a positive sum");
    const auto count = values.size();
    br::discrete_distribution<std::size_t, double> pick(weights.begin(), weights.end());
    return {Empirical{std::move(values), std::move(pick)}, weighted / total,
            fmt::format("empirical({} values)", count)};
}

Distribution Distribution::scaled(double factor) const {
    require(finite(factor) && factor > 0, "scale factor must be a positive number");
    Distribution copy = *this;
    copy.scale_ *= factor;
    copy.mean_ *= factor;
    if (factor != 1.0)
        copy.description_ = fmt::format("{} x {:g}", description_, factor);
    return copy;
}

std::optional<Distribution> Distribution::length_biased() const {
    // E[X^2] / E[X] is the mean of the length-biased distribution.
    const auto biased = [this](Kind kind, double mean) {
        return Distribution(std::move(kind), mean, "length-biased " + description_, scale_);
    };
    return std::visit(
        [&](const auto& d) -> std::optional<Distribution> {
            using T = std::decay_t<decltype(d)>;
            using Gamma = br::gamma_distribution<double>;
            if constexpr (std::is_same_v<T, br::exponential_distribution<double>>) {
                const double m = 1.0 / d.lambda();
                return biased(Gamma(2.0, m), 2.0 * m * scale_);
            } else if constexpr (std::is_same_v<T, Gamma>) {
                return biased(Gamma(d.alpha() + 1.0, d.beta()),
                              (d.alpha() + 1.0) * d.beta() * scale_);
            } else if constexpr (std::is_same_v<T, br::lognormal_distribution<double>>) {
                const double s2 = d.s() * d.s();
                return biased(br::lognormal_distribution<double>(d.m() + s2, d.s()),
                              std::exp(d.m() + 1.5 * s2) * scale_);
            } else if constexpr (std::is_same_v<T, Deterministic>) {
                return *this;
            } else if constexpr (std::is_same_v<T, br::uniform_real_distribution<double>>) {
                const double a = d.a(), b = d.b();
                return biased(RisingUniform{a, b},
                              2.0 * (b * b * b - a * a * a) / (3.0 * (b * b - a * a)) * scale_);
            } else if constexpr (std::is_same_v<T, br::weibull_distribution<double>>) {
                // X^k is exponential with mean scale^k; its length-biased form is gamma(2),
                // which makes x f(x) the law of (gamma(1 + 1/k, scale^k))^(1/k).
                const double k = d.a(), lambda = d.b();
                const double mean =
                    lambda * std::tgamma(1.0 + 2.0 / k) / std::tgamma(1.0 + 1.0 / k);
                return biased(GammaRoot{Gamma(1.0 + 1.0 / k, std::pow(lambda, k)), 1.0 / k},
                              mean * scale_);
            } else if constexpr (std::is_same_v<T, Empirical>) {
                std::vector<double> weights = d.pick.probabilities();
                double total = 0.0, second = 0.0;
                for (std::size_t i = 0; i < weights.size(); ++i) {
                    weights[i] *= d.values[i];
                    total += weights[i];
                    second += weights[i] * d.values[i];
                }
                if (total <= 0.0)
                    return *this; // all values zero
                return biased(Empirical{d.values, br::discrete_distribution<std::size_t, double>(
                                                      weights.begin(), weights.end())},
                              second / total * scale_);
            } else {
                return std::nullopt;
            }
        },
        kind_);
}

double Distribution::sample(RandomStream& stream) const {
    auto& engine = stream.engine();
    const double x = std::visit(
        [&engine](const auto& d) -> double {
            using T = std::decay_t<decltype(d)>;
            if constexpr (std::is_same_v<T, Deterministic>) {
                return d.value;
            } else if constexpr (std::is_same_v<T, Empirical>) {
                return d.values[d.pick(engine)];
            } else if constexpr (std::is_same_v<T, RisingUniform>) {
                const double u = boost::random::uniform_01<double>{}(engine);
                return std::sqrt(d.min * d.min + u * (d.max * d.max - d.min * d.min));
            } else if constexpr (std::is_same_v<T, GammaRoot>) {
                auto gamma = d.gamma;
                return std::pow(gamma(engine), d.root);
            } else {
                // Boost distributions may keep state between calls; a local copy keeps
                // sampling const and thread-safe at the cost of copying two doubles.
                auto copy = d;
                return copy(engine);
            }
        },
        kind_);
    return x * scale_;
}

DiscreteChoice::DiscreteChoice(const std::vector<double>& weights) {
    double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    require(!weights.empty() && total > 0, "choice: weights must have a positive sum");
    for (double w : weights)
        require(std::isfinite(w) && w >= 0, "choice: weights must be numbers >= 0");
    pick_ = br::discrete_distribution<std::size_t, double>(weights.begin(), weights.end());
    probabilities_.reserve(weights.size());
    for (double w : weights)
        probabilities_.push_back(w / total);
    size_ = weights.size();
}

std::size_t DiscreteChoice::sample(RandomStream& stream) const {
    if (size_ == 1)
        return 0;
    return pick_(stream.engine());
}

} // namespace zorgsim
