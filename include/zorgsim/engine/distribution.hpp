// Probability distributions of durations (in days) and other non-negative quantities, and
// discrete choices for routing. Parameters are given as users think of them (a mean and a
// standard deviation), never as rates, and are checked when the distribution is made.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>

#include "zorgsim/engine/random.hpp"

namespace zorgsim {

/// Thrown by the factories below when parameters are impossible; the message says why.
struct BadParameter : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

class Distribution {
  public:
    static Distribution exponential(double mean);
    static Distribution deterministic(double value);
    static Distribution gamma(double mean, double sd);
    static Distribution lognormal(double mean, double sd);
    static Distribution uniform(double min, double max);
    static Distribution triangular(double min, double mode, double max);
    static Distribution weibull(double shape, double scale);
    static Distribution empirical(std::vector<double> values, std::vector<double> weights);

    /// A deterministic zero, so that a default-constructed distribution is usable.
    Distribution() : Distribution(deterministic(0.0)) {}

    double sample(RandomStream& stream) const;
    double mean() const { return mean_; }
    /// A short human description, e.g. "exponential(mean 30)".
    const std::string& describe() const { return description_; }

    /// The same distribution with every value multiplied by factor (> 0).
    Distribution scaled(double factor) const;

    /// The length-biased distribution (density proportional to x f(x)): the total length of
    /// the stay in progress at a random moment, as a renewal process in equilibrium gives.
    /// Exact for every kind but triangular (nothing: resample instead).
    std::optional<Distribution> length_biased() const;

  private:
    struct Deterministic {
        double value;
    };
    struct Empirical {
        std::vector<double> values;
        boost::random::discrete_distribution<std::size_t, double> pick;
    };
    /// Density proportional to x on [min, max]: the length-biased uniform.
    struct RisingUniform {
        double min;
        double max;
    };
    /// G^(1/k) with G gamma-distributed: the length-biased Weibull.
    struct GammaRoot {
        boost::random::gamma_distribution<double> gamma;
        double root;
    };
    using Kind = std::variant<
        boost::random::exponential_distribution<double>, Deterministic,
        boost::random::gamma_distribution<double>, boost::random::lognormal_distribution<double>,
        boost::random::uniform_real_distribution<double>,
        boost::random::triangle_distribution<double>, boost::random::weibull_distribution<double>,
        Empirical, RisingUniform, GammaRoot>;

    Distribution(Kind kind, double mean, std::string description, double scale = 1.0)
        : kind_(std::move(kind)), mean_(mean), description_(std::move(description)), scale_(scale) {
    }

    Kind kind_;
    double mean_;
    std::string description_;
    double scale_ = 1.0;
};

/// A choice among n outcomes with fixed probabilities (Walker's alias method, O(1) a draw).
class DiscreteChoice {
  public:
    DiscreteChoice() = default;
    /// Weights need not sum to one; they must be non-negative with a positive sum.
    explicit DiscreteChoice(const std::vector<double>& weights);

    std::size_t sample(RandomStream& stream) const;
    std::size_t size() const { return size_; }
    const std::vector<double>& probabilities() const { return probabilities_; }

  private:
    boost::random::discrete_distribution<std::size_t, double> pick_;
    std::vector<double> probabilities_;
    std::size_t size_ = 0;
};

} // namespace zorgsim
