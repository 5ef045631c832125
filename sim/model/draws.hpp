// Small sampling helpers over engine::RandomStream used by the pathway model: uniform, normal,
// exponential, Bernoulli and Poisson draws. Knows nothing of people or services.
#pragma once

#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_01.hpp>
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

/// Draws Poisson counts like poisson() and remembers exp(-mean) for the last mean seen, which
/// repeats from person to person; below a mean of 10 it repeats Boost's inversion step by step.
class PoissonSampler {
 public:
  /// Returns a Poisson count with mean `mean`, equal to poisson(rng, mean) with the same draws.
  std::uint32_t operator()(engine::RandomStream& rng, double mean) {
    if (!(mean > 0.0)) return 0;
    if (!(mean < 10.0)) return poisson(rng, mean);
    if (mean != mean_) {
      mean_ = mean;
      exp_neg_mean_ = std::exp(-mean);
    }
    // Boost's poisson_distribution<std::uint32_t, double>::invert, with the same arithmetic.
    double p = exp_neg_mean_;
    std::uint32_t x = 0;
    double u = boost::random::uniform_01<double>()(rng);
    while (u > p) {
      u = u - p;
      ++x;
      p = mean_ * p / x;
    }
    return x;
  }

 private:
  double mean_ = -1.0;
  double exp_neg_mean_ = 1.0;
};

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
