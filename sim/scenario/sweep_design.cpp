// Designs of parameter sweeps: the full factorial's point order and the Latin hypercube's
// stratified samples. Knows the engine's random streams; nothing of scenarios or YAML.
#include "scenario/sweep_design.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/random_stream.hpp"

namespace cmhsim::scenario {

std::size_t factorial_size(const std::vector<std::size_t>& sizes, std::size_t limit) {
  std::size_t total = 1;
  for (const std::size_t n : sizes) {
    if (n == 0 || total > limit / n) return 0;
    total *= n;
  }
  return total;
}

std::vector<std::size_t> factorial_point(const std::vector<std::size_t>& sizes, std::size_t i) {
  std::vector<std::size_t> out(sizes.size(), 0);
  for (std::size_t a = sizes.size(); a-- > 0;) {
    out[a] = i % sizes[a];
    i /= sizes[a];
  }
  return out;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t axes, std::size_t points,
                                                 std::uint64_t seed) {
  std::vector<std::vector<double>> out(axes, std::vector<double>(points, 0.0));
  const double n = static_cast<double>(points);
  for (std::size_t a = 0; a < axes; ++a) {
    engine::RandomStream rng(engine::RngKey{seed, 0}, a, 0);
    std::vector<std::size_t> perm(points);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    for (std::size_t i = points; i-- > 1;) {
      const double u = rng.uniform01();
      const auto j = std::min(i, static_cast<std::size_t>(u * static_cast<double>(i + 1)));
      std::swap(perm[i], perm[j]);
    }
    for (std::size_t k = 0; k < points; ++k) {
      const double stratum = static_cast<double>(perm[k]);
      const double top = (stratum + 1.0) / n;
      // Rounding may carry perm + u up to the next stratum's start; keep it inside its own.
      out[a][k] = std::min((stratum + rng.uniform01()) / n, std::nextafter(top, 0.0));
    }
  }
  return out;
}

}  // namespace cmhsim::scenario
