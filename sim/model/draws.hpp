// Small sampling helpers over engine::RandomStream used by the pathway model: uniform, normal,
// exponential, Bernoulli and Poisson draws. Knows nothing of people or services.
#pragma once

#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include "engine/random_stream.hpp"

namespace cmhsim::model::pathway {

/// Returns a standard normal variate by Box-Muller (always exactly two draws).
inline double standard_normal(engine::RandomStream& rng) {
  const double u1 = rng.uniform01();
  const double u2 = rng.uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

/// Returns an exponential variate with the given rate (+inf when the rate is not positive).
inline double exponential(engine::RandomStream& rng, double rate) {
  const double u = rng.uniform01();
  if (!(rate > 0.0)) return std::numeric_limits<double>::infinity();
  return -std::log(u) / rate;
}

/// Returns true with probability `p` (one draw).
inline bool bernoulli(engine::RandomStream& rng, double p) { return rng.uniform01() < p; }

/// Returns a Poisson count with mean `mean` (zero draws when the mean is not positive).
inline std::uint32_t poisson(engine::RandomStream& rng, double mean) {
  if (!(mean > 0.0)) return 0;
  boost::random::poisson_distribution<std::uint32_t, double> d(mean);
  return d(rng);
}

/// Returns a category index drawn with the given shares (which sum to 1).
template <typename Shares>
std::size_t categorical(engine::RandomStream& rng, const Shares& shares) {
  const double u = rng.uniform01();
  double cumulative = 0.0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    cumulative += shares[i];
    if (u < cumulative) return i;
  }
  return shares.size() - 1;
}

}  // namespace cmhsim::model::pathway
