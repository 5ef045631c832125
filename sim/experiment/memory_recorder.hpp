// A model::Recorder that keeps every monthly row and person summary in memory.
// Knows nothing of files or threads; one recorder serves one replication.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "model/recorder.hpp"

namespace cmhsim::experiment {

/// Stores the monthly series rows and person summaries a replication reports.
class MemoryRecorder : public model::Recorder {
 public:
  /// Records month `month`'s row; throws std::invalid_argument if months skip or rows differ.
  void record_month(std::size_t month, std::span<const double> values) override;
  /// Records one person's summary.
  void record_person(const model::PersonSummary& person) override;

  /// Returns the months recorded.
  [[nodiscard]] std::size_t months() const noexcept { return months_; }
  /// Returns the values per month (0 before the first month).
  [[nodiscard]] std::size_t width() const noexcept { return width_; }
  /// Returns every row, element [month * width() + k].
  [[nodiscard]] const std::vector<double>& series() const noexcept { return series_; }
  /// Returns the person summaries in the order reported.
  [[nodiscard]] const std::vector<model::PersonSummary>& persons() const noexcept {
    return persons_;
  }
  /// Moves the person summaries out, leaving none.
  std::vector<model::PersonSummary> take_persons() noexcept { return std::move(persons_); }

 private:
  std::size_t months_ = 0;
  std::size_t width_ = 0;
  std::vector<double> series_;
  std::vector<model::PersonSummary> persons_;
};

}  // namespace cmhsim::experiment
