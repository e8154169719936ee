#include "zorgsim/engine/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace zorgsim {

// Bucket layout: octave 0 is [0, r) cut in sub_buckets equal parts; octave k >= 1 is
// [r 2^(k-1), r 2^k) cut in sub_buckets equal parts.
Histogram::Histogram(double resolution)
    : resolution_(resolution), counts_(static_cast<std::size_t>(sub_buckets) * (octaves + 1), 0) {}

std::size_t Histogram::bucket_of(double x) const {
    const double scaled = std::max(0.0, x) / resolution_;
    if (scaled < 1.0)
        return static_cast<std::size_t>(scaled * sub_buckets);
    int exponent = 0;
    const double mantissa = std::frexp(scaled, &exponent); // scaled = mantissa * 2^exponent
    if (exponent > octaves)
        return counts_.size() - 1;
    const auto sub = static_cast<std::size_t>((mantissa * 2.0 - 1.0) * sub_buckets);
    return static_cast<std::size_t>(exponent) * sub_buckets +
           std::min<std::size_t>(sub, sub_buckets - 1);
}

double Histogram::lower_bound(std::size_t bucket) const {
    const auto octave = static_cast<int>(bucket / sub_buckets);
    const auto sub = static_cast<double>(bucket % sub_buckets);
    if (octave == 0)
        return resolution_ * sub / sub_buckets;
    return resolution_ * std::ldexp(1.0 + sub / sub_buckets, octave - 1);
}

double Histogram::upper_bound(std::size_t bucket) const {
    const auto octave = static_cast<int>(bucket / sub_buckets);
    const auto sub = static_cast<double>(bucket % sub_buckets) + 1.0;
    if (octave == 0)
        return resolution_ * sub / sub_buckets;
    return resolution_ * std::ldexp(1.0 + sub / sub_buckets, octave - 1);
}

void Histogram::add(double x) {
    ++counts_[bucket_of(x)];
    ++count_;
}

void Histogram::add_to_bucket(std::size_t index, std::uint64_t n) {
    if (index >= counts_.size())
        throw std::out_of_range("Histogram::add_to_bucket: no such bucket");
    counts_[index] += n;
    count_ += n;
}

void Histogram::merge(const Histogram& other) {
    if (other.resolution_ != resolution_)
        throw std::invalid_argument("Histogram::merge: different resolutions");
    for (std::size_t i = 0; i < counts_.size(); ++i)
        counts_[i] += other.counts_[i];
    count_ += other.count_;
}

double Histogram::quantile(double p) const {
    if (count_ == 0)
        return 0.0;
    p = std::clamp(p, 0.0, 1.0);
    // Rank in [0, count): the value below which a fraction p of observations fall.
    const double rank = p * static_cast<double>(count_);
    double seen = 0.0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i] == 0)
            continue;
        const double next = seen + static_cast<double>(counts_[i]);
        if (rank <= next) {
            // The first bucket (below 1/8192 of a day at the default resolution) holds the
            // zero waits of those admitted at once: reported as exactly 0, not smeared.
            if (i == 0)
                return 0.0;
            const double fraction = (rank - seen) / static_cast<double>(counts_[i]);
            return lower_bound(i) + fraction * (upper_bound(i) - lower_bound(i));
        }
        seen = next;
    }
    return upper_bound(counts_.size() - 1);
}

} // namespace zorgsim
