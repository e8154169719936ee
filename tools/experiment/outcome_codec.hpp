// A replication's outcomes as bytes and back, to send them to another process (the MPI
// backend). Exact: a decoded outcome folds into the same aggregates, bit for bit, as the
// original (doubles, NaN included, are copied as they are). Histograms are sent sparse, only
// their non-empty buckets. Native byte order: the processes of one job share an architecture.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "replication_backend.hpp"

namespace zorgsim::experiment {

std::vector<std::byte> encode_outcomes(const Outcomes& outcomes);

/// Throws std::runtime_error on bytes that encode_outcomes() did not write.
Outcomes decode_outcomes(std::span<const std::byte> bytes);

} // namespace zorgsim::experiment
