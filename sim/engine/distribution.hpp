// Probability distributions for durations and counts, sampled through Boost.Random so values are
// the same on every platform. Knows nothing of what the sampled quantities mean.
#pragma once

#include <boost/random/exponential_distribution.hpp>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"

namespace cmhsim::engine {

/// Names the supported distribution families.
enum class DistKind { Exponential, Lognormal, Gamma, Uniform, Fixed, Empirical };

/// Describes a distribution by its family and natural parameters, validated on construction.
///
/// Exponential(mean); Lognormal(mean, sd) of the variable itself; Gamma(shape, scale);
/// Uniform(min, max); Fixed(value); Empirical(values, weights): one of `values`, chosen with
/// probability proportional to `weights` (equal when empty).
class Distribution {
 public:
  /// Creates the distribution that always yields 0 (a placeholder until assigned).
  Distribution() = default;
  /// Returns an exponential distribution with the given mean (> 0).
  static Distribution exponential(double mean);
  /// Returns a lognormal distribution with the given mean and standard deviation of the variable.
  static Distribution lognormal(double mean, double sd);
  /// Returns a gamma distribution with the given shape and scale (both > 0).
  static Distribution gamma(double shape, double scale);
  /// Returns a uniform distribution on [min, max).
  static Distribution uniform(double min, double max);
  /// Returns a distribution that always yields `value`.
  static Distribution fixed(double value);
  /// Returns a discrete empirical distribution over `values` with optional `weights`.
  static Distribution empirical(std::vector<double> values, std::vector<double> weights = {});

  /// Draws one value.
  double sample(RandomStream& rng) const {
    // The commonest family is drawn inline; the rest go through the out-of-line switch.
    if (kind_ == DistKind::Exponential) {
      return boost::random::exponential_distribution<double>(a_)(rng);
    }
    return sample_other(rng);
  }
  /// Returns the distribution's mean.
  [[nodiscard]] double mean() const noexcept;
  /// Returns the distribution's variance.
  [[nodiscard]] double variance() const noexcept;
  /// Returns the family.
  [[nodiscard]] DistKind kind() const noexcept { return kind_; }
  /// Returns a short human-readable description such as "exponential(mean=2.5)".
  [[nodiscard]] std::string describe() const;

 private:
  double sample_other(RandomStream& rng) const;

  DistKind kind_ = DistKind::Fixed;
  double a_ = 0.0;  // exponential: rate; lognormal: mu; gamma: shape; uniform: min; fixed: value.
  double b_ = 0.0;  // lognormal: sigma; gamma: scale; uniform: max.
  std::vector<double> values_;
  std::vector<double> cumulative_;  // empirical: normalised cumulative weights.
};

}  // namespace cmhsim::engine
