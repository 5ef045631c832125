// Histogram binning through Boost.Histogram's regular axis, and quantile interpolation.
// Knows nothing of what is measured.
#include "engine/histogram.hpp"

#include <algorithm>
#include <boost/histogram/make_histogram.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace cmhsim::engine {

Histogram::Counts Histogram::make_counts(std::size_t bins, double lower, double upper) {
  if (bins == 0 || bins > std::numeric_limits<unsigned>::max() / 2) {
    throw std::invalid_argument("histogram needs between 1 and 2^31 bins, got " +
                                std::to_string(bins));
  }
  if (!(std::isfinite(lower) && std::isfinite(upper) && lower < upper)) {
    throw std::invalid_argument("histogram needs finite lower < upper");
  }
  return boost::histogram::make_histogram_with(Storage(),
                                               Axis(static_cast<unsigned>(bins), lower, upper));
}

Histogram::Histogram(std::size_t bins, double lower, double upper)
    : min_(std::numeric_limits<double>::infinity()),
      max_(-std::numeric_limits<double>::infinity()),
      counts_(make_counts(bins, lower, upper)) {}

void Histogram::add(double x) {
  if (!std::isfinite(x)) throw std::invalid_argument("histogram observation is not finite");
  counts_(x);
  ++n_;
  min_ = std::min(min_, x);
  max_ = std::max(max_, x);
}

void Histogram::merge(const Histogram& other) {
  if (bins() != other.bins() || lower() != other.lower() || upper() != other.upper()) {
    throw std::invalid_argument("cannot merge histograms with different bins");
  }
  // Bin by bin: the bins are known to match, so Boost's axis-merging operator+= is not needed.
  for (int i = -1; i <= counts_.axis().size(); ++i) counts_.at(i) += other.counts_.at(i);
  n_ += other.n_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

std::size_t Histogram::bins() const noexcept {
  return static_cast<std::size_t>(counts_.axis().size());
}

double Histogram::edge(std::size_t i) const noexcept {
  return counts_.axis().value(static_cast<double>(i));
}

std::uint64_t Histogram::bin_count(std::size_t i) const {
  if (i >= bins()) throw std::out_of_range("histogram bin " + std::to_string(i) + " out of range");
  return counts_.at(static_cast<int>(i));
}

std::uint64_t Histogram::underflow() const noexcept { return counts_.at(-1); }

std::uint64_t Histogram::overflow() const noexcept { return counts_.at(counts_.axis().size()); }

double Histogram::quantile(double p) const {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument("quantile probability must lie in [0, 1], got " +
                                std::to_string(p));
  }
  if (n_ == 0) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0.0) return min_;
  if (p == 1.0) return max_;
  const double rank = p * static_cast<double>(n_);
  const int last = counts_.axis().size();
  double below = 0.0;
  // Index -1 is the underflow bin [min, lower); index `last` is the overflow bin [upper, max].
  for (int i = -1; i <= last; ++i) {
    const auto c = static_cast<double>(counts_.at(i));
    if (c == 0.0) continue;
    if (below + c >= rank) {
      const double lo = i < 0 ? min_ : counts_.axis().value(i);
      const double hi = i == last ? max_ : counts_.axis().value(i + 1);
      const double x = lo + (rank - below) / c * (hi - lo);
      // The data's own extremes are tighter than the edges of a partly filled end bin.
      return std::clamp(x, min_, max_);
    }
    below += c;
  }
  return max_;
}

}  // namespace cmhsim::engine
