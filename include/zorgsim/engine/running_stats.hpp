// Streaming mean and variance (Welford's algorithm, numerically stable) and the Student-t
// 95% confidence interval of the mean. Memory is constant in the number of observations.
#pragma once

#include <cstdint>
#include <utility>

namespace zorgsim {

class RunningStats {
  public:
    void add(double x) {
        ++count_;
        const double delta = x - mean_;
        mean_ += delta / static_cast<double>(count_);
        m2_ += delta * (x - mean_);
    }
    /// Combines two independent summaries (Chan et al.), as if all values were added here.
    void merge(const RunningStats& other);

    std::uint64_t count() const { return count_; }
    double mean() const { return count_ ? mean_ : 0.0; }
    double variance() const { return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0; }
    double stddev() const;
    /// Half-width of the Student-t 95% interval of the mean; 0 with fewer than 2 values.
    double ci95_half_width() const;
    std::pair<double, double> ci95() const {
        const double h = ci95_half_width();
        return {mean() - h, mean() + h};
    }

  private:
    std::uint64_t count_ = 0;
    double mean_ = 0.0;
    double m2_ = 0.0;
};

/// The 0.975 quantile of Student's t with `degrees` degrees of freedom.
double student_t_975(std::uint64_t degrees);

} // namespace zorgsim
