// Fixed-bin histogram (Boost.Histogram) with quantiles interpolated within bins; mergeable across
// replications. Knows nothing of what is measured.
#pragma once

#include <boost/histogram/axis/regular.hpp>
#include <boost/histogram/histogram.hpp>
#include <boost/histogram/storage_adaptor.hpp>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

namespace cmhsim::engine {

/// Counts observations in equal-width bins on [lower, upper) plus an underflow and an overflow bin.
class Histogram {
 public:
  /// Creates `bins` equal bins on [lower, upper); throws std::invalid_argument on a bad range.
  Histogram(std::size_t bins, double lower, double upper);

  /// Adds one observation; throws std::invalid_argument unless it is finite.
  void add(double x);

  /// Adds another histogram's counts; throws std::invalid_argument if the bins differ.
  void merge(const Histogram& other);

  /// Returns the p-quantile (0 <= p <= 1), interpolated linearly within the bin holding it.
  ///
  /// The underflow bin spans [min, lower) and the overflow bin [upper, max], so p = 0 and p = 1
  /// give the smallest and largest observations; NaN with no observations.
  [[nodiscard]] double quantile(double p) const;

  /// Returns the number of observations.
  [[nodiscard]] std::uint64_t count() const noexcept { return n_; }
  /// Returns the number of equal-width bins.
  [[nodiscard]] std::size_t bins() const noexcept;
  /// Returns the lower edge of the first bin.
  [[nodiscard]] double lower() const noexcept { return edge(0); }
  /// Returns the upper edge of the last bin.
  [[nodiscard]] double upper() const noexcept { return edge(bins()); }
  /// Returns the lower edge of bin `i` (i == bins() gives upper()).
  [[nodiscard]] double edge(std::size_t i) const noexcept;
  /// Returns the count in bin `i`; throws std::out_of_range unless 0 <= i < bins().
  [[nodiscard]] std::uint64_t bin_count(std::size_t i) const;
  /// Returns the number of observations below lower().
  [[nodiscard]] std::uint64_t underflow() const noexcept;
  /// Returns the number of observations at or above upper().
  [[nodiscard]] std::uint64_t overflow() const noexcept;
  /// Returns the smallest observation (+inf with none).
  [[nodiscard]] double min() const noexcept { return min_; }
  /// Returns the largest observation (-inf with none).
  [[nodiscard]] double max() const noexcept { return max_; }

 private:
  using Axis = boost::histogram::axis::regular<double>;
  using Storage = boost::histogram::storage_adaptor<std::vector<std::uint64_t>>;
  using Counts = boost::histogram::histogram<std::tuple<Axis>, Storage>;

  static Counts make_counts(std::size_t bins, double lower, double upper);

  std::uint64_t n_ = 0;
  double min_;
  double max_;
  Counts counts_;
};

}  // namespace cmhsim::engine
