// Warm-up detection: MSER-5 (White 1997; White, Cobb & Spratt 2000) and Welch's moving average.
// Pure arithmetic on vectors; knows nothing of files, threads or scenarios.
#include "experiment/warmup_analysis.hpp"

#include <algorithm>
#include <cmath>

#include "model/pathway_outputs.hpp"
#include "model/person.hpp"

namespace cmhsim::experiment {

std::string_view warmup_method_name(WarmupMethod method) noexcept {
  return method == WarmupMethod::Mser5 ? "mser5" : "welch";
}

Truncation mser5_truncation(std::span<const double> series) {
  const std::size_t k = series.size() / kMserBatchSize;
  if (k < kMserMinBatches) {
    throw WarmupError("MSER-5 needs at least " + std::to_string(kMserMinBatches * kMserBatchSize) +
                      " observations (" + std::to_string(kMserMinBatches) + " batches of " +
                      std::to_string(kMserBatchSize) + "); the series has " +
                      std::to_string(series.size()));
  }
  std::vector<double> z(k);
  for (std::size_t j = 0; j < k; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < kMserBatchSize; ++i) sum += series[j * kMserBatchSize + i];
    z[j] = sum / static_cast<double>(kMserBatchSize);
  }
  // Sums are accumulated from the end, shifted by the last batch mean so a level series gives
  // exactly zero spread and the smallest truncation.
  const double shift = z[k - 1];
  const std::size_t d_max = k / 2;
  std::vector<double> mser(d_max + 1);
  double sum = 0.0;
  double sum_sq = 0.0;
  for (std::size_t j = k; j-- > 0;) {
    const double x = z[j] - shift;
    sum += x;
    sum_sq += x * x;
    if (j <= d_max) {
      const auto n = static_cast<double>(k - j);
      const double squares = std::max(0.0, sum_sq - sum * sum / n);
      mser[j] = squares / (n * n);
    }
  }
  std::size_t best = 0;
  for (std::size_t d = 1; d <= d_max; ++d) {
    if (mser[d] < mser[best]) best = d;
  }
  return {best * kMserBatchSize, best == d_max};
}

std::vector<double> welch_moving_average(std::span<const double> series, std::size_t window) {
  std::vector<double> average;
  if (series.size() <= window) return average;
  const std::size_t count = series.size() - window;
  average.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t w = std::min(i, window);
    double sum = 0.0;
    for (std::size_t j = i - w; j <= i + w; ++j) sum += series[j];
    average.push_back(sum / static_cast<double>(2 * w + 1));
  }
  return average;
}

Truncation welch_truncation(std::span<const double> series, const WelchOptions& options) {
  const std::size_t window = options.window;
  if (!(options.band >= 0.0)) {
    throw WarmupError("Welch's band fraction must be >= 0, got " + std::to_string(options.band));
  }
  if (window < 1 || 4 * window > series.size()) {
    throw WarmupError(
        "Welch's method needs a window of at least 1 month and at most a quarter "
        "of the series; the window is " +
        std::to_string(window) + " and the series has " + std::to_string(series.size()) +
        " observations");
  }
  const std::vector<double> average = welch_moving_average(series, window);
  const std::size_t half = series.size() / 2;
  const auto tail = static_cast<double>(series.size() - half);
  double level = 0.0;
  for (std::size_t i = half; i < series.size(); ++i) level += series[i];
  level /= tail;
  double squares = 0.0;
  for (std::size_t i = half; i < series.size(); ++i) {
    squares += (series[i] - level) * (series[i] - level);
  }
  const double spread = std::sqrt(squares / (tail - 1.0));
  // The second half lies within the band by construction, so the truncation is at most half.
  double band = options.band * std::abs(level);
  for (std::size_t i = half; i < average.size(); ++i) {
    band = std::max(band, std::abs(average[i] - level));
  }
  // The short windows at the start average few months; their band widens with their noise.
  const auto within = [&](std::size_t i) {
    const auto points = static_cast<double>(2 * std::min(i, window) + 1);
    const double noise = WelchOptions::kNoiseMultiple * spread / std::sqrt(points);
    return std::abs(average[i] - level) <= std::max(band, noise);
  };
  std::size_t first = average.size();
  while (first > 0 && within(first - 1)) --first;
  return {first, first >= half};
}

std::size_t minimum_observations(WarmupMethod method, const WelchOptions& welch) noexcept {
  return method == WarmupMethod::Mser5 ? kMserMinBatches * kMserBatchSize
                                       : 4 * std::max<std::size_t>(welch.window, 1);
}

std::vector<double> replication_mean_series(const std::vector<model::ReplicationOutcome>& reps,
                                            std::size_t series_count, std::size_t index) {
  if (reps.empty() || series_count == 0 || index >= series_count) {
    throw WarmupError("no monthly series were recorded");
  }
  const std::size_t months = reps.front().months;
  for (const auto& rep : reps) {
    if (rep.months != months || rep.series.size() != months * series_count) {
      throw WarmupError("the replications recorded different numbers of months");
    }
  }
  std::vector<double> mean(months);
  for (std::size_t m = 0; m < months; ++m) {
    double sum = 0.0;
    std::size_t n = 0;
    for (const auto& rep : reps) {
      const double v = rep.series[m * series_count + index];
      if (std::isnan(v)) continue;
      sum += v;
      ++n;
    }
    mean[m] = n == 0 ? std::nan("") : sum / static_cast<double>(n);
  }
  return mean;
}

MeanSeries replication_mean_series(const std::vector<model::ReplicationOutcome>& reps,
                                   const std::vector<model::OutputInfo>& infos,
                                   std::span<const std::size_t> chosen) {
  MeanSeries out;
  for (const std::size_t index : chosen) {
    out.names.push_back(infos.at(index).name);
    out.values.push_back(replication_mean_series(reps, infos.size(), index));
  }
  return out;
}

std::span<const std::size_t> default_warmup_series() noexcept {
  namespace p = model::pathway;
  static_assert(p::kPeopleInGap == p::kPeopleBySetting + 6,
                "the default series list assumes six people-by-setting series");
  static constexpr std::size_t kSeries[] = {
      p::kPeopleBySetting + 0,
      p::kPeopleBySetting + 1,
      p::kPeopleBySetting + 2,
      p::kPeopleBySetting + 3,
      p::kPeopleBySetting + 4,
      p::kPeopleBySetting + 5,
      p::kPeopleInGap,
      p::kWaitingCmht,
      p::kWaitingCarePartner,
      p::kWaitingVcse,
      p::kCmhtCaseload,
      p::kCarePartnerCaseload,
      p::kMeanQol,  // People carry their quality of life and goal gains from month to month.
  };
  return kSeries;
}

std::uint64_t warmup_days_for_months(std::size_t months) noexcept {
  return static_cast<std::uint64_t>(
      std::ceil(static_cast<double>(months) * model::pathway::kMonthDays));
}

WarmupRecommendation recommend_warmup(const std::vector<std::string>& names,
                                      const std::vector<std::vector<double>>& series,
                                      WarmupMethod method, const WelchOptions& welch) {
  if (names.size() != series.size() || names.empty()) {
    throw WarmupError("expected one name for each of at least one series");
  }
  WarmupRecommendation out;
  out.method = method;
  out.welch = welch;
  out.months_observed = series.front().size();
  const std::size_t needed = minimum_observations(method, welch);
  if (out.months_observed < needed) {
    throw WarmupError("the run records " + std::to_string(out.months_observed) + " months; " +
                      (method == WarmupMethod::Mser5
                           ? "MSER-5 needs at least " + std::to_string(needed) + " (" +
                                 std::to_string(kMserMinBatches) + " batches of " +
                                 std::to_string(kMserBatchSize) + ")"
                           : "Welch's method with a half-window of " +
                                 std::to_string(welch.window) + " months needs at least " +
                                 std::to_string(needed)) +
                      "; lengthen horizon_days");
  }
  for (std::size_t s = 0; s < series.size(); ++s) {
    const std::vector<double>& values = series[s];
    if (values.size() != out.months_observed) {
      throw WarmupError("series " + names[s] + " has " + std::to_string(values.size()) +
                        " months, not " + std::to_string(out.months_observed));
    }
    for (std::size_t m = 0; m < values.size(); ++m) {
      if (!std::isfinite(values[m])) {
        throw WarmupError("series " + names[s] + " has no finite value in month " +
                          std::to_string(m) + "; the warm-up methods need one every month");
      }
    }
    Truncation t;
    try {
      t = method == WarmupMethod::Mser5 ? mser5_truncation(values)
                                        : welch_truncation(values, welch);
    } catch (const WarmupError& e) {
      throw WarmupError("series " + names[s] + ": " + e.what());
    }
    out.series.push_back(
        {names[s], t.observations, warmup_days_for_months(t.observations), t.at_limit});
    if (out.driven_by.empty() || t.observations > out.months) {
      out.months = t.observations;
      out.driven_by = names[s];
    }
    if (!t.at_limit && t.observations > out.settled_months) {
      out.settled_months = t.observations;
      out.settled_driven_by = names[s];
    }
  }
  out.days = warmup_days_for_months(out.months);
  out.settled_days = warmup_days_for_months(out.settled_months);
  return out;
}

}  // namespace cmhsim::experiment
