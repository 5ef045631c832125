// Distribution sampling through Boost.Random (portable, stateless between draws).
// Knows nothing of what the sampled quantities mean.
#include "engine/distribution.hpp"

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace cmhsim::engine {
namespace {

/// Returns a gamma variate with shape `shape` and scale 1 by Marsaglia and Tsang's method ("A
/// simple method for generating gamma variables", ACM TOMS 26(3), 2000): a cubed normal accepted
/// by a squeeze and, rarely, a logarithm; a shape below 1 is boosted by one and scaled back by
/// U^(1 / shape).
double gamma_variate(RandomStream& rng, double shape) {
  const double boost = shape < 1.0 ? std::pow(rng.uniform01(), 1.0 / shape) : 1.0;
  const double d = (shape < 1.0 ? shape + 1.0 : shape) - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  boost::random::normal_distribution<double> normal;
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = normal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform01();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) {
      return d * v * boost;
    }
  }
}

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}

}  // namespace

Distribution Distribution::exponential(double mean) {
  require(std::isfinite(mean) && mean > 0.0, "exponential mean must be > 0");
  Distribution d;
  d.kind_ = DistKind::Exponential;
  d.a_ = 1.0 / mean;
  return d;
}

Distribution Distribution::lognormal(double mean, double sd) {
  require(std::isfinite(mean) && mean > 0.0, "lognormal mean must be > 0");
  require(std::isfinite(sd) && sd > 0.0, "lognormal sd must be > 0");
  Distribution d;
  d.kind_ = DistKind::Lognormal;
  const double sigma2 = std::log1p((sd * sd) / (mean * mean));
  d.a_ = std::log(mean) - 0.5 * sigma2;
  d.b_ = std::sqrt(sigma2);
  return d;
}

Distribution Distribution::gamma(double shape, double scale) {
  require(std::isfinite(shape) && shape > 0.0, "gamma shape must be > 0");
  require(std::isfinite(scale) && scale > 0.0, "gamma scale must be > 0");
  Distribution d;
  d.kind_ = DistKind::Gamma;
  d.a_ = shape;
  d.b_ = scale;
  return d;
}

Distribution Distribution::uniform(double min, double max) {
  require(std::isfinite(min) && std::isfinite(max) && min < max, "uniform needs min < max");
  Distribution d;
  d.kind_ = DistKind::Uniform;
  d.a_ = min;
  d.b_ = max;
  return d;
}

Distribution Distribution::fixed(double value) {
  require(std::isfinite(value), "fixed value must be finite");
  Distribution d;
  d.kind_ = DistKind::Fixed;
  d.a_ = value;
  return d;
}

Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  require(!values.empty(), "empirical needs at least one value");
  if (weights.empty()) weights.assign(values.size(), 1.0);
  require(weights.size() == values.size(), "empirical needs one weight per value");
  for (double v : values) require(std::isfinite(v), "empirical values must be finite");
  for (double w : weights) require(std::isfinite(w) && w >= 0.0, "empirical weights must be >= 0");
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  require(std::isfinite(total) && total > 0.0, "empirical weights must sum to a finite value > 0");
  Distribution d;
  d.kind_ = DistKind::Empirical;
  d.values_ = std::move(values);
  d.cumulative_.resize(weights.size());
  double run = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    run += weights[i];
    d.cumulative_[i] = run / total;
  }
  d.cumulative_.back() = 1.0;
  return d;
}

double Distribution::sample_other(RandomStream& rng) const {
  switch (kind_) {
    case DistKind::Exponential:
      return boost::random::exponential_distribution<double>(a_)(rng);
    case DistKind::Lognormal:
      return boost::random::lognormal_distribution<double>(a_, b_)(rng);
    case DistKind::Gamma:
      return gamma_variate(rng, a_) * b_;
    case DistKind::Uniform:
      return boost::random::uniform_real_distribution<double>(a_, b_)(rng);
    case DistKind::Fixed:
      return a_;
    case DistKind::Empirical: {
      const double u = rng.uniform01();
      const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
      const auto i = static_cast<std::size_t>(it - cumulative_.begin());
      return values_[std::min(i, values_.size() - 1)];
    }
  }
  return a_;
}

double Distribution::mean() const noexcept {
  switch (kind_) {
    case DistKind::Exponential:
      return 1.0 / a_;
    case DistKind::Lognormal:
      return std::exp(a_ + 0.5 * b_ * b_);
    case DistKind::Gamma:
      return a_ * b_;
    case DistKind::Uniform:
      return 0.5 * (a_ + b_);
    case DistKind::Fixed:
      return a_;
    case DistKind::Empirical: {
      double m = 0.0, prev = 0.0;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        m += values_[i] * (cumulative_[i] - prev);
        prev = cumulative_[i];
      }
      return m;
    }
  }
  return 0.0;
}

double Distribution::variance() const noexcept {
  switch (kind_) {
    case DistKind::Exponential:
      return 1.0 / (a_ * a_);
    case DistKind::Lognormal:
      return std::expm1(b_ * b_) * std::exp(2.0 * a_ + b_ * b_);
    case DistKind::Gamma:
      return a_ * b_ * b_;
    case DistKind::Uniform:
      return (b_ - a_) * (b_ - a_) / 12.0;
    case DistKind::Fixed:
      return 0.0;
    case DistKind::Empirical: {
      const double m = mean();
      double v = 0.0, prev = 0.0;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        v += (values_[i] - m) * (values_[i] - m) * (cumulative_[i] - prev);
        prev = cumulative_[i];
      }
      return v;
    }
  }
  return 0.0;
}

std::string Distribution::describe() const {
  std::ostringstream os;
  switch (kind_) {
    case DistKind::Exponential:
      os << "exponential(mean=" << mean() << ")";
      break;
    case DistKind::Lognormal:
      os << "lognormal(mean=" << mean() << ", sd=" << std::sqrt(variance()) << ")";
      break;
    case DistKind::Gamma:
      os << "gamma(shape=" << a_ << ", scale=" << b_ << ")";
      break;
    case DistKind::Uniform:
      os << "uniform(min=" << a_ << ", max=" << b_ << ")";
      break;
    case DistKind::Fixed:
      os << "fixed(" << a_ << ")";
      break;
    case DistKind::Empirical:
      os << "empirical(" << values_.size() << " values, mean=" << mean() << ")";
      break;
  }
  return os.str();
}

}  // namespace cmhsim::engine
