// The register's quality of life as arrays by person id: each month a step of every living
// person towards a target, with noise, summed by group. Knows nothing of services or events.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/huge_page_allocator.hpp"

namespace cmhsim::model::pathway {

/// Holds each person's quality of life (MANSA 1-7), its target and the goal gain on top of it,
/// in arrays the monthly pass walks without touching the rest of a person.
class QualityOfLife {
 public:
  /// Names the three groups a person counts in: network type, ethnicity, diagnosis.
  using Groups = std::array<std::uint8_t, 3>;

  /// Sets the monthly step: the share of the distance to target left after a month, the sd of a
  /// month's noise and the share of a goal gain left after a month.
  void set_step(double decay, double noise_sd, double gain_wane) noexcept;

  /// Adds the next person (id = the count so far) with quality of life `qol`, target `target`
  /// (without goal gain) and `groups`.
  void add(double qol, double target, Groups groups);
  /// Makes room for `n` people without moving the arrays.
  void reserve(std::size_t n);

  /// Returns the quality of life of `id`.
  [[nodiscard]] double value(std::uint32_t id) const noexcept { return qol_[id]; }
  /// Lowers the quality of life of `id` by `drop`, to no less than 1.
  void drop(std::uint32_t id, double drop) noexcept;
  /// Sets the target of `id` without goal gain.
  void set_target(std::uint32_t id, double target) noexcept {
    target_[id] = static_cast<float>(target);
  }
  /// Raises the goal gain of `id` by `gain`, to at most `cap`.
  void add_gain(std::uint32_t id, double gain, double cap) noexcept;

  /// Moves `id` one month towards its target plus goal gain with standard normal noise `z`,
  /// wanes the goal gain, and adds the new value to the month's group sums.
  void step(std::uint32_t id, double z) noexcept {
    float& gain = gain_[id];
    gain = static_cast<float>(gain * gain_wane_);
    const double target = static_cast<double>(target_[id]) + gain;
    double q = target + (qol_[id] - target) * decay_ + noise_sd_ * z;
    q = q < 1.0 ? 1.0 : (q > 7.0 ? 7.0 : q);
    qol_[id] = static_cast<float>(q);
    for (const std::uint8_t g : groups_[id]) {
      sum_[g] += static_cast<float>(q);
      ++count_[g];
    }
  }

  /// Holds the sums of one month's stepped values and their counts by group index.
  struct MonthSums {
    std::array<double, 16> sum{};
    std::array<std::uint32_t, 16> count{};
  };
  /// Returns the month's sums since the last call and starts new ones.
  MonthSums take_month_sums() noexcept;

 private:
  engine::HugePageVector<float> qol_;
  engine::HugePageVector<float> target_;
  engine::HugePageVector<float> gain_;
  engine::HugePageVector<Groups> groups_;
  std::array<double, 16> sum_{};
  std::array<std::uint32_t, 16> count_{};
  double decay_ = 1.0;
  double noise_sd_ = 0.0;
  double gain_wane_ = 1.0;
};

}  // namespace cmhsim::model::pathway
