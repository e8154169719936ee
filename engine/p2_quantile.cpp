#include "zorgsim/engine/p2_quantile.hpp"

#include <algorithm>
#include <cmath>

namespace zorgsim {

void P2Quantile::add(double x) {
    if (count_ < 5) {
        height_[count_++] = x;
        if (count_ == 5) {
            std::sort(height_.begin(), height_.end());
            for (int i = 0; i < 5; ++i)
                position_[i] = i + 1;
            desired_ = {1, 1 + 2 * p_, 1 + 4 * p_, 3 + 2 * p_, 5};
            increment_ = {0, p_ / 2, p_, (1 + p_) / 2, 1};
        }
        return;
    }
    ++count_;
    int k;
    if (x < height_[0]) {
        height_[0] = x;
        k = 0;
    } else if (x >= height_[4]) {
        height_[4] = std::max(height_[4], x);
        k = 3;
    } else {
        k = 0;
        while (k < 3 && x >= height_[k + 1])
            ++k;
    }
    for (int i = k + 1; i < 5; ++i)
        position_[i] += 1;
    for (int i = 0; i < 5; ++i)
        desired_[i] += increment_[i];
    for (int i = 1; i <= 3; ++i) {
        const double d = desired_[i] - position_[i];
        if ((d >= 1 && position_[i + 1] - position_[i] > 1) ||
            (d <= -1 && position_[i - 1] - position_[i] < -1)) {
            const int step = d > 0 ? 1 : -1;
            double candidate = parabolic(i, step);
            if (!(height_[i - 1] < candidate && candidate < height_[i + 1]))
                candidate = linear(i, step);
            height_[i] = candidate;
            position_[i] += step;
        }
    }
}

double P2Quantile::parabolic(int i, double d) const {
    const double n0 = position_[i - 1], n1 = position_[i], n2 = position_[i + 1];
    return height_[i] + d / (n2 - n0) *
                            ((n1 - n0 + d) * (height_[i + 1] - height_[i]) / (n2 - n1) +
                             (n2 - n1 - d) * (height_[i] - height_[i - 1]) / (n1 - n0));
}

double P2Quantile::linear(int i, int d) const {
    return height_[i] + d * (height_[i + d] - height_[i]) / (position_[i + d] - position_[i]);
}

double P2Quantile::value() const {
    if (count_ == 0)
        return 0.0;
    if (count_ <= 5) {
        std::array<double, 5> sorted = height_;
        const auto n = static_cast<std::size_t>(count_);
        std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n));
        // Linear interpolation between order statistics (type 7, as R and NumPy default).
        const double h = (static_cast<double>(n) - 1) * p_;
        const auto lo = static_cast<std::size_t>(std::floor(h));
        const auto hi = std::min(lo + 1, n - 1);
        return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
    }
    return height_[2];
}

} // namespace zorgsim
