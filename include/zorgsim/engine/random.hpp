// Independent random streams, one per named purpose.
//
// A stream's seed depends only on (seed, replication, stream name):
//
//   stream_seed = mix(mix(mix(seed) ^ replication) ^ fnv1a64(name))
//
// where mix is the SplitMix64 finaliser and fnv1a64 is the 64-bit FNV-1a hash of the name's
// bytes. Because the name, not the order of creation, picks the stream, adding a service or a
// source to a scenario leaves every other part's draws unchanged: that is what keeps common
// random numbers aligned when scenarios are compared. The generator is Boost's mt19937_64.
#pragma once

#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>

namespace zorgsim {

std::uint64_t splitmix64(std::uint64_t x);
std::uint64_t fnv1a64(std::string_view bytes);
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t replication, std::string_view name);

class RandomStream {
  public:
    using Engine = boost::random::mt19937_64;

    explicit RandomStream(std::uint64_t stream_seed) : engine_(stream_seed) {}
    RandomStream(std::uint64_t seed, std::uint64_t replication, std::string_view name)
        : engine_(stream_seed(seed, replication, name)) {}

    /// A uniform draw in [0, 1).
    double uniform() { return boost::random::uniform_01<double>{}(engine_); }
    Engine& engine() { return engine_; }

  private:
    Engine engine_;
};

} // namespace zorgsim
