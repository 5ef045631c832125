// Small sampling helpers over engine::RandomStream used by the pathway model: normal and
// exponential (ziggurat), Bernoulli and Poisson draws. Knows nothing of people or services.
#pragma once

#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/random_stream.hpp"

namespace cmhsim::model::pathway {

/// Holds the 128-layer ziggurat of the standard normal (Marsaglia and Tsang 2000, in the layout of
/// Doornik 2005, "An improved ziggurat method to generate normal random samples").
struct NormalZiggurat {
  static constexpr int kLayers = 128;
  static constexpr double kR = 3.442619855899;       ///< Start of the tail.
  static constexpr double kV = 9.91256303526217e-3;  ///< Area of each layer.
  double x[kLayers + 1];  ///< Right edges: x[0] = V / f(R) (the base), x[1] = R, x[128] = 0.
  double ratio[kLayers];  ///< x[i + 1] / x[i]: below it, a point is inside the density.

  NormalZiggurat() {
    double f = std::exp(-0.5 * kR * kR);
    x[0] = kV / f;
    x[1] = kR;
    x[kLayers] = 0.0;
    for (int i = 2; i < kLayers; ++i) {
      x[i] = std::sqrt(-2.0 * std::log(kV / x[i - 1] + f));
      f = std::exp(-0.5 * x[i] * x[i]);
    }
    for (int i = 0; i < kLayers; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

inline const NormalZiggurat kNormalZiggurat{};

/// Returns the abscissa in (-1, 1) that the ziggurat reads from the 52 top bits of `bits`.
inline double ziggurat_abscissa(std::uint64_t bits) {
  return 2.0 * engine::RandomStream::to_open01(bits) - 1.0;
}

/// Returns the abscissa in (-1, 1) that the ziggurat reads from the 25 top bits of the 32 bits
/// `bits`: steps of 2^-24, finer than a float's precision near 1.
inline double ziggurat_abscissa32(std::uint32_t bits) {
  return (static_cast<double>(bits >> 7) + 0.5) * 0x1.0p-24 - 1.0;
}

/// Returns the ziggurat's first try at a standard normal variate from layer `layer` (0-127) and
/// abscissa `u` when it falls inside the layer's rectangle (about 97.2% of calls), and NaN
/// otherwise: then ziggurat_normal(layer, u, more) gives the variate.
inline double ziggurat_first_try(unsigned layer, double u) {
  const NormalZiggurat& z = kNormalZiggurat;
  return std::abs(u) < z.ratio[layer] ? u * z.x[layer] : std::numeric_limits<double>::quiet_NaN();
}

/// Returns a standard normal variate by the ziggurat method, starting from layer `layer` and
/// abscissa `u` and drawing from `more` only when that first try falls outside the layer's
/// rectangle (about 2.8% of calls).
inline double ziggurat_normal(unsigned layer, double u, engine::RandomStream& more) {
  const NormalZiggurat& z = kNormalZiggurat;
  for (unsigned i = layer;;) {
    if (std::abs(u) < z.ratio[i]) return u * z.x[i];
    if (i == 0) {
      // The tail beyond R, by Marsaglia's exponential rejection.
      double t = 0.0;
      double y = 0.0;
      do {
        t = std::log(more.uniform01()) / NormalZiggurat::kR;
        y = std::log(more.uniform01());
      } while (-2.0 * y < t * t);
      return u < 0.0 ? t - NormalZiggurat::kR : NormalZiggurat::kR - t;
    }
    // A wedge: accept below the density, scaled so that f(x) is 1.
    const double x = u * z.x[i];
    const double f0 = std::exp(-0.5 * (z.x[i] * z.x[i] - x * x));
    const double f1 = std::exp(-0.5 * (z.x[i + 1] * z.x[i + 1] - x * x));
    if (f1 + more.uniform01() * (f0 - f1) < 1.0) return x;
    // Later tries take a whole word: the layer from the low 7 bits, the abscissa from the top 52.
    const std::uint64_t bits = more();
    i = static_cast<unsigned>(bits & 127u);
    u = ziggurat_abscissa(bits);
  }
}

/// Returns a standard normal variate by the ziggurat method: one word (the layer from the low 7
/// bits, the abscissa from the top 52) about 97.2% of the time.
inline double standard_normal(engine::RandomStream& rng) {
  const std::uint64_t bits = rng();
  return ziggurat_normal(static_cast<unsigned>(bits & 127u), ziggurat_abscissa(bits), rng);
}

/// Yields word `entity % 4` of Philox block `block` of entity `entity / 4` under one purpose: four
/// entities share each block, so a pass over entities in id order computes a quarter of a block
/// for each, and each entity's word still depends only on its own identity.
class SharedBlockWords {
 public:
  SharedBlockWords(engine::RngKey key, std::uint64_t purpose, std::uint64_t block) noexcept
      : key_(key), purpose_(purpose), block_(block) {}

  /// Returns the word of `entity`.
  std::uint64_t operator()(std::uint64_t entity) noexcept {
    const std::uint64_t group = entity >> 2;
    if (!filled_ || group - first_ >= kGroups) {
      // The blocks of the next few groups at once: independent, so the processor overlaps
      // their rounds, and a pass in id order needs nearly all of them.
      first_ = group;
      for (std::uint64_t k = 0; k < kGroups; ++k) {
        engine::RandomStream::block_words(key_, group + k, purpose_, block_, words_[k]);
      }
      filled_ = true;
    }
    return words_[group - first_][entity & 3u];
  }

 private:
  static constexpr std::uint64_t kGroups = 4;
  engine::RngKey key_;
  std::uint64_t purpose_;
  std::uint64_t block_;
  std::uint64_t first_ = 0;  ///< The first group whose words are held.
  bool filled_ = false;
  std::uint64_t words_[kGroups][4] = {};
};

/// Holds the 256-layer ziggurat of the standard exponential (Marsaglia and Tsang 2000), laid out as
/// NormalZiggurat: x[0] = V / f(R) is the base, x[1] = R, x[256] = 0, with f(x) = exp(-x).
struct ExponentialZiggurat {
  static constexpr int kLayers = 256;
  static constexpr double kR = 7.69711747013104972;   ///< Start of the tail.
  static constexpr double kV = 3.949659822581572e-3;  ///< Area of each layer.
  double x[kLayers + 1];                              ///< Right edges of the layers.
  double f[kLayers + 1];                              ///< The density at each right edge.
  double ratio[kLayers];  ///< x[i + 1] / x[i]: below it, a point is inside the density.

  ExponentialZiggurat() {
    x[0] = kV / std::exp(-kR);
    x[1] = kR;
    x[kLayers] = 0.0;
    for (int i = 2; i < kLayers; ++i) x[i] = -std::log(kV / x[i - 1] + std::exp(-x[i - 1]));
    for (int i = 0; i <= kLayers; ++i) f[i] = std::exp(-x[i]);
    for (int i = 0; i < kLayers; ++i) ratio[i] = x[i + 1] / x[i];
  }
};

inline const ExponentialZiggurat kExponentialZiggurat{};

/// Returns a standard exponential variate by the ziggurat method: each try takes one word (the
/// layer from the low 8 bits, the abscissa from the top 52), and about 97.8% of calls need one.
inline double standard_exponential(engine::RandomStream& rng) {
  const ExponentialZiggurat& z = kExponentialZiggurat;
  double shift = 0.0;
  for (;;) {
    const std::uint64_t bits = rng();
    const auto i = static_cast<unsigned>(bits & 255u);
    const double u = engine::RandomStream::to_open01(bits);
    if (u < z.ratio[i]) return shift + u * z.x[i];
    if (i == 0) {
      // Beyond R the exponential is R plus a new exponential (it has no memory).
      shift += ExponentialZiggurat::kR;
      continue;
    }
    // A wedge: accept below the density.
    const double x = u * z.x[i];
    if (z.f[i] + rng.uniform01() * (z.f[i + 1] - z.f[i]) < std::exp(-x)) return shift + x;
  }
}

/// Returns an exponential variate with the given rate by inversion: exactly one draw, for streams
/// whose later draws sit at fixed positions (+inf when the rate is not positive).
inline double exponential_by_inversion(engine::RandomStream& rng, double rate) {
  const double u = rng.uniform01();
  if (!(rate > 0.0)) return std::numeric_limits<double>::infinity();
  return -std::log(u) / rate;
}

/// Returns an exponential variate with the given rate by the ziggurat (+inf, after one draw, when
/// the rate is not positive).
inline double exponential(engine::RandomStream& rng, double rate) {
  if (!(rate > 0.0)) {
    rng();
    return std::numeric_limits<double>::infinity();
  }
  return standard_exponential(rng) / rate;
}

/// Returns true with probability `p` (one draw).
inline bool bernoulli(engine::RandomStream& rng, double p) { return rng.uniform01() < p; }

/// Returns a Poisson count with mean `mean` (zero draws when the mean is not positive).
inline std::uint32_t poisson(engine::RandomStream& rng, double mean) {
  if (!(mean > 0.0)) return 0;
  boost::random::poisson_distribution<std::uint32_t, double> d(mean);
  return d(rng);
}

/// Returns the Poisson count with mean `mean` at quantile `u` in (0, 1): the smallest count whose
/// CDF reaches u (zero when the mean is not positive). One uniform whatever the mean, so runs whose
/// means differ a little draw counts that differ a little (common random numbers).
std::uint32_t poisson_quantile(double u, double mean);

/// Draws Poisson counts: below a mean of 10 by inversion from one uniform (the smallest count
/// whose CDF reaches it), remembering exp(-mean) for the last mean seen, which repeats from person
/// to person; from 10 up like poisson(), by Boost's rejection method.
class PoissonSampler {
 public:
  /// Returns a Poisson count with mean `mean` (no draws when the mean is not positive).
  std::uint32_t operator()(engine::RandomStream& rng, double mean) {
    if (!(mean > 0.0)) return 0;
    if (!(mean < 10.0)) return poisson(rng, mean);
    return invert(rng.uniform01(), mean);
  }

 private:
  // Walks the CDF up from zero, taking each probability off the uniform as it passes it.
  std::uint32_t invert(double u, double mean) {
    if (mean != mean_) {
      mean_ = mean;
      exp_neg_mean_ = std::exp(-mean);
    }
    double p = exp_neg_mean_;
    std::uint32_t x = 0;
    while (u > p) {
      u = u - p;
      ++x;
      p = mean_ * p / x;
    }
    return x;
  }

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
