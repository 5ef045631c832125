// Designs of parameter sweeps: the full factorial's point order and the Latin hypercube's
// stratified samples. Pure arithmetic over seeded streams; knows nothing of scenarios or YAML.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cmhsim::scenario {

/// Returns the number of points of a full factorial with `sizes[a]` values on axis a, or 0 when
/// it exceeds `limit` (or any size is 0).
std::size_t factorial_size(const std::vector<std::size_t>& sizes, std::size_t limit);

/// Returns the value index on each axis of point `i` of a full factorial; the last axis varies
/// fastest, so point 1 differs from point 0 in the last axis.
std::vector<std::size_t> factorial_point(const std::vector<std::size_t>& sizes, std::size_t i);

/// Returns a Latin hypercube of `points` points over `axes` axes as fractions in (0, 1):
/// result[a][k] is point k's position on axis a.
///
/// After McKay, Beckman and Conover (1979): each axis' unit interval is cut into `points` equal
/// strata, and point k lies in stratum perm_a[k] at a uniform offset within it, where perm_a is
/// a uniformly random permutation. Axis a draws from engine::RandomStream keyed by (seed, 0)
/// with entity a and purpose 0: first the permutation (Fisher-Yates from the last position
/// down, j = floor(u * (i + 1))), then one offset per point in point order.
std::vector<std::vector<double>> latin_hypercube(std::size_t axes, std::size_t points,
                                                 std::uint64_t seed);

}  // namespace cmhsim::scenario
