// Specification of the encoding that carries replications between MPI ranks: what arrives
// folds exactly as what was sent (every bit of every figure, every histogram bucket), and
// damaged bytes are refused rather than misread.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <stdexcept>

#include "experiment/aggregate.hpp"
#include "experiment/outcome_codec.hpp"

using zorgsim::Histogram;
using zorgsim::care::ReplicationOutcome;
using zorgsim::experiment::decode_outcomes;
using zorgsim::experiment::encode_outcomes;
using zorgsim::experiment::Outcomes;

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool same_buckets(const Histogram& a, const Histogram& b) {
    if (a.resolution() != b.resolution() || a.count() != b.count() ||
        a.bucket_count() != b.bucket_count())
        return false;
    for (std::size_t i = 0; i < a.bucket_count(); ++i)
        if (a.bucket(i) != b.bucket(i))
            return false;
    return true;
}

ReplicationOutcome example(double shift) {
    ReplicationOutcome outcome;
    outcome.summary = {1.5 + shift, std::numeric_limits<double>::quiet_NaN(), -0.0,
                       0.1 + 0.2,   std::numeric_limits<double>::infinity(),  1e-310,
                       3.0};
    for (int i = 0; i < 40; ++i)
        outcome.series.push_back(i % 7 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                            : std::sqrt(i + shift));
    outcome.waits.resize(3);
    for (int i = 0; i < 500; ++i)
        outcome.waits[0].add(std::exp(0.02 * i) - 1.0 + shift);
    outcome.waits[2].add(0.0);
    outcome.waits[2].add(1e9); // the last bucket
    outcome.period_waits.assign(2, Histogram(1.0 / 8.0));
    outcome.period_waits[1].add(28.0);
    outcome.flows = {0.0, 12.0 + shift, 3.0, 0.0, 1e6};
    return outcome;
}

} // namespace

TEST_CASE("Decoded outcomes are the encoded ones, bit for bit", "[mpi][codec]") {
    const Outcomes sent{example(0.0), example(2.5), ReplicationOutcome{}};
    const auto bytes = encode_outcomes(sent);
    const Outcomes received = decode_outcomes(bytes);
    REQUIRE(received.size() == sent.size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        CHECK(same_bits(received[i].summary, sent[i].summary));
        CHECK(same_bits(received[i].series, sent[i].series));
        CHECK(same_bits(received[i].flows, sent[i].flows));
        REQUIRE(received[i].waits.size() == sent[i].waits.size());
        for (std::size_t s = 0; s < sent[i].waits.size(); ++s)
            CHECK(same_buckets(received[i].waits[s], sent[i].waits[s]));
        REQUIRE(received[i].period_waits.size() == sent[i].period_waits.size());
        for (std::size_t p = 0; p < sent[i].period_waits.size(); ++p)
            CHECK(same_buckets(received[i].period_waits[p], sent[i].period_waits[p]));
    }
}

TEST_CASE("Histograms travel sparse: the size follows the non-empty buckets", "[mpi][codec]") {
    ReplicationOutcome outcome;
    outcome.waits.resize(10); // empty: 3968 buckets each, none sent
    const auto bytes = encode_outcomes(Outcomes{outcome});
    CHECK(bytes.size() < 10 * 20 + 64);
}

TEST_CASE("Nothing is an empty list of outcomes", "[mpi][codec]") {
    CHECK(decode_outcomes(encode_outcomes(Outcomes{})).empty());
}

TEST_CASE("Damaged bytes are refused", "[mpi][codec]") {
    const auto bytes = encode_outcomes(Outcomes{example(1.0)});
    SECTION("cut short") {
        for (std::size_t n : {std::size_t{0}, std::size_t{3}, bytes.size() / 2, bytes.size() - 1})
            CHECK_THROWS_AS(decode_outcomes(std::span(bytes).first(n)), std::runtime_error);
    }
    SECTION("with bytes left over") {
        auto longer = bytes;
        longer.push_back(std::byte{0});
        CHECK_THROWS_AS(decode_outcomes(longer), std::runtime_error);
    }
    SECTION("from another format") {
        auto other = bytes;
        other[0] ^= std::byte{0xff};
        CHECK_THROWS_AS(decode_outcomes(other), std::runtime_error);
    }
    SECTION("with an impossible count") {
        auto huge = bytes;
        const std::uint64_t count = ~std::uint64_t{0};
        std::memcpy(huge.data() + sizeof(std::uint32_t), &count, sizeof count);
        CHECK_THROWS_AS(decode_outcomes(huge), std::runtime_error);
    }
}

TEST_CASE("An aggregate fed decoded outcomes equals one fed the originals", "[mpi][codec]") {
    zorgsim::care::OutcomeLayout layout;
    layout.services = {"team"};
    // Regions and municipalities travel in the same flat arrays, after the system.
    layout.regions = {"north"};
    layout.municipalities = {"Hoorn", "Stede Broec"};
    const std::size_t summary = layout.summary_size();
    const std::size_t series = layout.series_cells() * layout.periods.size();
    zorgsim::experiment::Aggregate direct(layout);
    zorgsim::experiment::Aggregate through(layout);
    for (int r = 0; r < 5; ++r) {
        ReplicationOutcome outcome;
        for (std::size_t i = 0; i < summary; ++i)
            outcome.summary.push_back(std::sin(static_cast<double>(r * 31 + static_cast<int>(i))));
        outcome.series.assign(series, 1.0 / (r + 1));
        outcome.waits.resize(1);
        outcome.waits[0].add(r * 3.7);
        direct.add(outcome);
        through.add(decode_outcomes(encode_outcomes(Outcomes{outcome})).front());
    }
    for (std::size_t i = 0; i < summary; ++i) {
        CHECK(direct.summary(i).mean() == through.summary(i).mean());
        CHECK(direct.summary(i).ci95() == through.summary(i).ci95());
    }
    CHECK(same_buckets(direct.pooled_waits(0), through.pooled_waits(0)));
    const std::size_t cost =
        zorgsim::care::MetricOf<zorgsim::care::municipality_summary_metrics>("cost").index;
    CHECK(direct.municipality_summary(1, cost).mean() ==
          through.municipality_summary(1, cost).mean());
    CHECK(layout.municipality_summary(1, cost) < summary);
}
