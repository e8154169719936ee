// Specification of random streams: the seed of a stream depends only on (seed, replication,
// name), by the formula written in random.hpp, and the generator is the standard mt19937_64.
// The pinned values below are regression anchors: if one changes, every published result
// changes with it, so a change needs a version bump, not an updated constant.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "zorgsim/engine/random.hpp"

using zorgsim::RandomStream;
using zorgsim::stream_seed;

namespace {

std::vector<std::uint64_t> draws(RandomStream stream, int n) {
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i)
        out.push_back(stream.engine()());
    return out;
}

// Independent re-implementations of the documented formula's parts.
std::uint64_t reference_splitmix64(std::uint64_t x) {
    std::uint64_t z = x + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}
std::uint64_t reference_fnv1a64(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

TEST_CASE("The building blocks match their published reference values", "[random]") {
    CHECK(zorgsim::splitmix64(0) == 0xe220a8397b1dcdafULL); // SplitMix64's first output from 0
    CHECK(zorgsim::fnv1a64("") == 0xcbf29ce484222325ULL);   // the FNV-1a offset basis
    CHECK(zorgsim::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
    // The C++ standard's check value for mt19937_64: the 10000th output from seed 5489.
    RandomStream stream(5489);
    std::uint64_t x = 0;
    for (int i = 0; i < 10000; ++i)
        x = stream.engine()();
    CHECK(x == 9981545732273789042ULL);
}

TEST_CASE("stream_seed is mix(mix(mix(seed) ^ replication) ^ fnv1a64(name))", "[random]") {
    for (std::uint64_t seed : {0ULL, 1ULL, 7ULL, 0xffffffffffffffffULL}) {
        for (std::uint64_t replication : {0ULL, 1ULL, 99ULL}) {
            for (const std::string name : {"", "arrivals", "service/team", "routing/team"}) {
                const auto expected = reference_splitmix64(
                    reference_splitmix64(reference_splitmix64(seed) ^ replication) ^
                    reference_fnv1a64(name));
                CAPTURE(seed, replication, name);
                CHECK(stream_seed(seed, replication, name) == expected);
            }
        }
    }
}

TEST_CASE("Pinned stream seeds and first draws (regression anchors)", "[random]") {
    CHECK(stream_seed(1, 0, "arrivals") == 0x183c73a66d786a0cULL);
    CHECK(stream_seed(1, 1, "arrivals") == 0xc7f83e5b5e4542e2ULL);
    CHECK(stream_seed(42, 7, "service/team") == 0xdf4a145bfa42584aULL);
    CHECK(stream_seed(0, 0, "") == 0x7dc2c42b173ebf65ULL);
    CHECK(draws(RandomStream(1, 0, "arrivals"), 3) ==
          std::vector<std::uint64_t>{0x844ede4ba383bec7ULL, 0xf2264f4badfc5d3eULL,
                                     0x2be372e7db761771ULL});
    RandomStream stream(1, 0, "arrivals");
    CHECK(stream.uniform() == 0.51682843538902912);
}

TEST_CASE("The same (seed, replication, name) gives the same draws, whenever the stream is "
          "made",
          "[random]") {
    RandomStream early(3, 5, "service/foster-care");
    RandomStream other(3, 5, "arrivals"); // creating other streams in between changes nothing
    (void)draws(other, 100);
    RandomStream late(3, 5, "service/foster-care");
    CHECK(draws(early, 1000) == draws(late, 1000));
    CHECK(RandomStream(3, 5, "x").engine()() == RandomStream(stream_seed(3, 5, "x")).engine()());
}

TEST_CASE("A different name, replication or seed gives a different stream", "[random]") {
    const auto base = draws(RandomStream(3, 5, "arrivals"), 4);
    CHECK(draws(RandomStream(3, 5, "arrivals2"), 4) != base);
    CHECK(draws(RandomStream(3, 5, "Arrivals"), 4) != base);
    CHECK(draws(RandomStream(3, 6, "arrivals"), 4) != base);
    CHECK(draws(RandomStream(4, 5, "arrivals"), 4) != base);
    // Seeds of many streams of one run do not collide.
    std::set<std::uint64_t> seeds;
    for (std::uint64_t replication = 0; replication < 100; ++replication)
        for (int service = 0; service < 100; ++service)
            seeds.insert(stream_seed(1, replication, "service/" + std::to_string(service)));
    CHECK(seeds.size() == 10000);
}

TEST_CASE("uniform() draws lie in 0 <= u < 1 with mean 1/2", "[random]") {
    RandomStream stream(11, 0, "uniform");
    double sum = 0.0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        const double u = stream.uniform();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
    }
    // Standard error of the mean of n uniforms: sqrt(1/12/n) = 0.0009; allow 5 of them.
    CHECK(sum / n == Approx(0.5).margin(0.0046));
}
