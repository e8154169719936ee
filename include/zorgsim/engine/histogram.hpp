// A log-linear histogram of non-negative values (waits, stays) for quantiles of pooled
// observations: fixed memory, mergeable across replications, and a relative error below
// 1/sub_buckets (0.8%) for values above `resolution`. Values below `resolution` share one
// linear range of the same number of buckets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zorgsim {

class Histogram {
  public:
    /// resolution: width of the finest buckets (days); covers up to resolution * 2^30 (16 million
    /// days by default).
    explicit Histogram(double resolution = 1.0 / 64.0);

    void add(double x);
    void merge(const Histogram& other);
    std::uint64_t count() const { return count_; }
    /// The p-quantile (0 <= p <= 1), interpolated within its bucket; 0 when empty.
    double quantile(double p) const;

    /// The bucket counts, for copying a histogram elsewhere (e.g. to another process) without
    /// losing anything: a histogram with the same resolution whose buckets get the same counts
    /// through add_to_bucket() is equal to this one for every query.
    double resolution() const { return resolution_; }
    std::size_t bucket_count() const { return counts_.size(); }
    std::uint64_t bucket(std::size_t index) const { return counts_[index]; }
    /// Adds `n` observations to bucket `index` (< bucket_count(), or std::out_of_range).
    void add_to_bucket(std::size_t index, std::uint64_t n);

  private:
    static constexpr int sub_buckets = 128;
    static constexpr int octaves = 30;
    std::size_t bucket_of(double x) const;
    double lower_bound(std::size_t bucket) const;
    double upper_bound(std::size_t bucket) const;

    double resolution_;
    std::vector<std::uint64_t> counts_;
    std::uint64_t count_ = 0;
};

} // namespace zorgsim
