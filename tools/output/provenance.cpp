#include "provenance.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace zorgsim::output {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 of the resolved scenario failed");
    std::string hex;
    for (unsigned int i = 0; i < length; ++i)
        hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

nlohmann::ordered_json provenance(std::uint64_t seed, std::size_t replications,
                                  const std::vector<ResolvedScenario>& scenarios) {
    nlohmann::ordered_json j;
    j["program"] = "zorgsim";
    j["zorgsim_version"] = ZORGSIM_VERSION;
    const std::string_view commit = source_commit();
    j["source_commit"] = commit.empty() ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json(std::string(commit));
    nlohmann::ordered_json hashes = nlohmann::ordered_json::object();
    for (const auto& scenario : scenarios)
        hashes[scenario.name] = sha256_hex(scenario.yaml);
    j["scenario_sha256"] = hashes;
    j["seed"] = seed;
    j["replications"] = replications;
    j["random_number_generator"] = "boost::random::mt19937_64 (Boost.Random), one per stream";
    j["stream_seeds"] = "stream_seed = mix(mix(mix(seed) ^ replication) ^ fnv1a64(stream name)), "
                        "mix = SplitMix64 finaliser, fnv1a64 = 64-bit FNV-1a of the name's bytes; "
                        "streams are named by the id of the service or source that draws";
    j["replication_order"] = "replications are aggregated in replication order, whatever the "
                             "number of threads or processes";
    return j;
}

} // namespace zorgsim::output
