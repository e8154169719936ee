#include "zorgsim/engine/running_stats.hpp"

#include <cmath>

#include <boost/math/distributions/students_t.hpp>

namespace zorgsim {

void RunningStats::merge(const RunningStats& other) {
    if (other.count_ == 0)
        return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    const double n1 = static_cast<double>(count_);
    const double n2 = static_cast<double>(other.count_);
    const double delta = other.mean_ - mean_;
    const double n = n1 + n2;
    mean_ += delta * n2 / n;
    m2_ += other.m2_ + delta * delta * n1 * n2 / n;
    count_ += other.count_;
}

double RunningStats::stddev() const {
    return std::sqrt(variance());
}

double RunningStats::ci95_half_width() const {
    if (count_ < 2)
        return 0.0;
    return student_t_975(count_ - 1) * stddev() / std::sqrt(static_cast<double>(count_));
}

double student_t_975(std::uint64_t degrees) {
    boost::math::students_t dist(static_cast<double>(degrees));
    return boost::math::quantile(dist, 0.975);
}

} // namespace zorgsim
