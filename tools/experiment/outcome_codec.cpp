#include "outcome_codec.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace zorgsim::experiment {

namespace {

/// Written first, so that processes running different builds fail loudly rather than
/// misread each other.
constexpr std::uint32_t magic = 0x5a4f4331; // "ZOC1"

class Writer {
  public:
    template <class T> void put(T value) {
        const auto at = bytes_.size();
        bytes_.resize(at + sizeof(T));
        std::memcpy(bytes_.data() + at, &value, sizeof(T));
    }
    void put_size(std::size_t n) { put(static_cast<std::uint64_t>(n)); }
    void put_doubles(const std::vector<double>& values) {
        put_size(values.size());
        const auto at = bytes_.size();
        bytes_.resize(at + values.size() * sizeof(double));
        if (!values.empty())
            std::memcpy(bytes_.data() + at, values.data(), values.size() * sizeof(double));
    }
    void put_histogram(const Histogram& histogram) {
        put(histogram.resolution());
        std::size_t non_empty = 0;
        for (std::size_t i = 0; i < histogram.bucket_count(); ++i)
            non_empty += histogram.bucket(i) != 0;
        put_size(non_empty);
        for (std::size_t i = 0; i < histogram.bucket_count(); ++i)
            if (histogram.bucket(i) != 0) {
                put(static_cast<std::uint32_t>(i));
                put(histogram.bucket(i));
            }
    }
    void put_histograms(const std::vector<Histogram>& histograms) {
        put_size(histograms.size());
        for (const auto& histogram : histograms)
            put_histogram(histogram);
    }
    std::vector<std::byte> take() { return std::move(bytes_); }

  private:
    std::vector<std::byte> bytes_;
};

class Reader {
  public:
    explicit Reader(std::span<const std::byte> bytes) : bytes_(bytes) {}

    template <class T> T get() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, bytes_.data() + at_, sizeof(T));
        at_ += sizeof(T);
        return value;
    }
    /// A count of items of at least `item_size` bytes each, checked against what is left.
    std::size_t get_count(std::size_t item_size) {
        const auto n = get<std::uint64_t>();
        if (n > (bytes_.size() - at_) / item_size)
            corrupt();
        return static_cast<std::size_t>(n);
    }
    std::vector<double> get_doubles() {
        std::vector<double> values(get_count(sizeof(double)));
        if (!values.empty())
            std::memcpy(values.data(), bytes_.data() + at_, values.size() * sizeof(double));
        at_ += values.size() * sizeof(double);
        return values;
    }
    Histogram get_histogram() {
        Histogram histogram(get<double>());
        const std::size_t non_empty = get_count(sizeof(std::uint32_t) + sizeof(std::uint64_t));
        for (std::size_t k = 0; k < non_empty; ++k) {
            const auto index = get<std::uint32_t>();
            const auto count = get<std::uint64_t>();
            if (index >= histogram.bucket_count())
                corrupt();
            histogram.add_to_bucket(index, count);
        }
        return histogram;
    }
    std::vector<Histogram> get_histograms() {
        std::vector<Histogram> histograms;
        const std::size_t n = get_count(sizeof(double) + sizeof(std::uint64_t));
        histograms.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            histograms.push_back(get_histogram());
        return histograms;
    }
    bool done() const { return at_ == bytes_.size(); }

    [[noreturn]] static void corrupt() {
        throw std::runtime_error("a replication's outcome arrived damaged (or from another "
                                 "build of zorgsim)");
    }

  private:
    void need(std::size_t n) const {
        if (n > bytes_.size() - at_)
            corrupt();
    }
    std::span<const std::byte> bytes_;
    std::size_t at_ = 0;
};

} // namespace

std::vector<std::byte> encode_outcomes(const Outcomes& outcomes) {
    Writer writer;
    writer.put(magic);
    writer.put_size(outcomes.size());
    for (const auto& outcome : outcomes) {
        writer.put_doubles(outcome.summary);
        writer.put_doubles(outcome.series);
        writer.put_histograms(outcome.waits);
        writer.put_histograms(outcome.period_waits);
        writer.put_doubles(outcome.flows);
    }
    return writer.take();
}

Outcomes decode_outcomes(std::span<const std::byte> bytes) {
    Reader reader(bytes);
    if (reader.get<std::uint32_t>() != magic)
        Reader::corrupt();
    Outcomes outcomes(reader.get_count(5 * sizeof(std::uint64_t)));
    for (auto& outcome : outcomes) {
        outcome.summary = reader.get_doubles();
        outcome.series = reader.get_doubles();
        outcome.waits = reader.get_histograms();
        outcome.period_waits = reader.get_histograms();
        outcome.flows = reader.get_doubles();
    }
    if (!reader.done())
        Reader::corrupt();
    return outcomes;
}

} // namespace zorgsim::experiment
