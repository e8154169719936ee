// Closed-form results of queueing theory that the validation tests hold the engine to.
// Sources: Kleinrock, Queueing Systems I (1975), sections 3.5-3.7 (Erlang B and C), 5.6
// (Pollaczek-Khinchine); Cobham (1954), "Priority assignment in waiting line problems";
// Jackson (1957), "Networks of waiting lines". Time is in days, rates per day.
#pragma once

#include <cmath>
#include <stdexcept>
#include <vector>

namespace zorgsim::testing {

/// Erlang B: probability that an arrival finds all c servers busy in M/G/c/c with offered
/// load a = lambda * E[S]. Stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
inline double erlang_b(int c, double a) {
    double b = 1.0;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return b;
}

/// Erlang C: probability that an arrival waits in M/M/c with offered load a < c.
inline double erlang_c(int c, double a) {
    if (a >= c)
        throw std::invalid_argument("erlang_c: unstable (a >= c)");
    const double b = erlang_b(c, a);
    return c * b / (c - a * (1.0 - b));
}

/// The M/M/c queue with arrival rate lambda and mean service time mean_service.
struct MMc {
    double lambda;
    double mean_service;
    int c;

    double offered() const { return lambda * mean_service; }
    double utilisation() const { return offered() / c; }
    /// Wq = C(c, a) E[S] / (c - a)
    double mean_wait() const { return erlang_c(c, offered()) * mean_service / (c - offered()); }
    /// Lq = lambda Wq
    double mean_queue() const { return lambda * mean_wait(); }
    /// L = Lq + a
    double mean_in_station() const { return mean_queue() + offered(); }
};

/// Pollaczek-Khinchine: mean wait in M/G/1, Wq = lambda E[S^2] / (2 (1 - rho)).
inline double pollaczek_khinchine_wait(double lambda, double mean_service, double second_moment) {
    const double rho = lambda * mean_service;
    if (rho >= 1.0)
        throw std::invalid_argument("pollaczek_khinchine_wait: unstable");
    return lambda * second_moment / (2.0 * (1.0 - rho));
}

/// One priority class of an M/G/1 queue: Poisson rate and the first two service moments.
struct PriorityClass {
    double lambda;
    double mean_service;
    double second_moment;
};

/// Cobham: mean wait of class k (0 = highest) in a non-preemptive priority M/G/1 queue,
/// Wq_k = W0 / ((1 - sigma_{k-1}) (1 - sigma_k)), with W0 = sum_i lambda_i E[S_i^2] / 2
/// the mean residual work in service and sigma_k = sum_{i <= k} rho_i.
inline double cobham_wait(const std::vector<PriorityClass>& classes, std::size_t k) {
    double w0 = 0.0;
    for (const auto& c : classes)
        w0 += c.lambda * c.second_moment / 2.0;
    double sigma_before = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        sigma_before += classes[i].lambda * classes[i].mean_service;
    const double sigma = sigma_before + classes[k].lambda * classes[k].mean_service;
    return w0 / ((1.0 - sigma_before) * (1.0 - sigma));
}

} // namespace zorgsim::testing
