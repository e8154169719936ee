#include "zorgsim/engine/random.hpp"

namespace zorgsim {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t replication, std::string_view name) {
    return splitmix64(splitmix64(splitmix64(seed) ^ replication) ^ fnv1a64(name));
}

} // namespace zorgsim
