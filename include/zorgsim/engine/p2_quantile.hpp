// Streaming estimate of one quantile with five markers (Jain and Chlamtac's P-squared
// algorithm): constant memory whatever the number of observations. Exact for up to five
// observations; deterministic for a given order of observations, which the replication
// runner fixes (replication order), so results do not depend on the thread count.
#pragma once

#include <array>
#include <cstdint>

namespace zorgsim {

class P2Quantile {
  public:
    explicit P2Quantile(double p = 0.5) : p_(p) {}
    void add(double x);
    double value() const;
    std::uint64_t count() const { return count_; }

  private:
    double parabolic(int i, double d) const;
    double linear(int i, int d) const;

    double p_;
    std::uint64_t count_ = 0;
    std::array<double, 5> height_{};
    std::array<double, 5> position_{};
    std::array<double, 5> desired_{};
    std::array<double, 5> increment_{};
};

} // namespace zorgsim
