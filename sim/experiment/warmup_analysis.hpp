// Warm-up (initial transient) detection on monthly output series: MSER-5 and Welch's method.
// Pure arithmetic on vectors of replication means; knows nothing of files, threads or scenarios.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/service_metrics.hpp"

namespace cmhsim::experiment {

/// Signals a series the warm-up methods cannot judge (too short, or a month with no value).
class WarmupError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Names the truncation rules.
enum class WarmupMethod { Mser5, Welch };

/// Returns "mser5" or "welch".
std::string_view warmup_method_name(WarmupMethod method) noexcept;

/// Observations per batch in MSER-5.
inline constexpr std::size_t kMserBatchSize = 5;
/// Fewest batches MSER-5 judges: with fewer, the half-run limit leaves one batch to compare.
inline constexpr std::size_t kMserMinBatches = 4;

/// Says how Welch's method judges a series.
struct WelchOptions {
  /// Half-window of the moving average in months: by default a 13-month centred average.
  std::size_t window = 6;
  /// Least half-width of the band around the final level, as a fraction of that level.
  double band = 0.01;
  /// Half-width of the band in standard errors of each moving-average point.
  static constexpr double kNoiseMultiple = 3.0;
};

/// Holds one series' truncation: how many leading observations to discard.
struct Truncation {
  std::size_t observations = 0;
  /// True when the rule chose the largest truncation it allows (half the run): the transient
  /// may not have ended within the run.
  bool at_limit = false;
};

/// Returns the MSER-5 truncation of `series`: batch means of 5 consecutive observations (a
/// trailing partial batch is dropped); for each d from 0 to half the batches, the squared
/// standard error sum((Z_j - mean)^2) / (k - d)^2 of the batch means after the first d; the
/// smallest d minimising it, times 5. Throws WarmupError below kMserMinBatches batches.
Truncation mser5_truncation(std::span<const double> series);

/// Returns Welch's moving average of `series` with half-window `window`: element i is the mean
/// of series[i - w .. i + w] where w = min(i, window), for i from 0 to size - window - 1.
std::vector<double> welch_moving_average(std::span<const double> series, std::size_t window);

/// Returns Welch's truncation of `series` (n observations, h = n / 2): with A the moving average
/// of half-window `options.window`, L the mean and s the standard deviation of series[h..n), the
/// band half-width at i is the largest of options.band * |L|, max over j >= h of |A_j - L|, and
/// 3 s / sqrt(2 min(i, window) + 1); the truncation is the first i from which every A_j
/// (j >= i) is within its band of L, and is at the limit when it is h. Throws WarmupError unless
/// 1 <= window, 4 * window <= n and band >= 0.
Truncation welch_truncation(std::span<const double> series, const WelchOptions& options);

/// Returns the fewest observations `method` judges: 20 for MSER-5, 4 * window for Welch.
std::size_t minimum_observations(WarmupMethod method, const WelchOptions& welch = {}) noexcept;

/// Returns series `index`'s month-by-month mean over the replications (NaNs skipped; NaN where
/// every replication has NaN); `series_count` is the model's number of series. Throws
/// WarmupError if the replications disagree on months or hold no series.
std::vector<double> replication_mean_series(const std::vector<model::ReplicationOutcome>& reps,
                                            std::size_t series_count, std::size_t index);

/// Holds named monthly series, each a month-by-month mean over replications.
struct MeanSeries {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;  ///< values[i] is the series named names[i].
};

/// Returns replication_mean_series() of each series in `chosen` (indices into `infos`, the
/// model's series, which name them), in that order.
MeanSeries replication_mean_series(const std::vector<model::ReplicationOutcome>& reps,
                                   const std::vector<model::OutputInfo>& infos,
                                   std::span<const std::size_t> chosen);

/// Returns the model series judged by default: those that carry queue, caseload and personal
/// state (people by setting, people in the gap, the waiting lists, the caseloads and mean quality
/// of life).
std::span<const std::size_t> default_warmup_series() noexcept;

/// Returns the whole days of a warm-up that discards `months` months: ceil(months * 365.25/12).
std::uint64_t warmup_days_for_months(std::size_t months) noexcept;

/// Holds one series' recommended truncation.
struct SeriesWarmup {
  std::string name;
  std::size_t months = 0;
  std::uint64_t days = 0;
  bool at_limit = false;
};

/// Holds the recommendation over several series: the largest truncation of any of them.
struct WarmupRecommendation {
  WarmupMethod method = WarmupMethod::Mser5;
  WelchOptions welch;  ///< What Welch's method used (ignored for MSER-5).
  std::size_t months_observed = 0;
  std::vector<SeriesWarmup> series;  ///< In the order given.
  std::size_t months = 0;
  std::uint64_t days = 0;
  std::string driven_by;  ///< The first series with the largest truncation.
  /// The largest truncation among the series not at the limit (those that settled in the run).
  std::size_t settled_months = 0;
  std::uint64_t settled_days = 0;
  std::string settled_driven_by;  ///< Empty when no settled series needs a truncation.
};

/// Returns the truncation of each named monthly series (`series[i]` named `names[i]`) by
/// `method` and the largest of them; `welch` is used by Welch's method only. Throws
/// WarmupError if the series are shorter than minimum_observations or of different lengths, or
/// naming the series if one has a non-finite month.
WarmupRecommendation recommend_warmup(const std::vector<std::string>& names,
                                      const std::vector<std::vector<double>>& series,
                                      WarmupMethod method, const WelchOptions& welch = {});

}  // namespace cmhsim::experiment
