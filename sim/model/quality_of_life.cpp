// The register's quality of life as arrays by person id (see quality_of_life.hpp). No I/O.
#include "model/quality_of_life.hpp"

#include <algorithm>

namespace cmhsim::model::pathway {

void QualityOfLife::set_step(double decay, double noise_sd, double gain_wane) noexcept {
  decay_ = decay;
  noise_sd_ = noise_sd;
  gain_wane_ = gain_wane;
}

void QualityOfLife::add(double qol, double target, Groups groups) {
  qol_.push_back(static_cast<float>(qol));
  target_.push_back(static_cast<float>(target));
  gain_.push_back(0.0f);
  groups_.push_back(groups);
}

void QualityOfLife::reserve(std::size_t n) {
  qol_.reserve(n);
  target_.reserve(n);
  gain_.reserve(n);
  groups_.reserve(n);
}

void QualityOfLife::drop(std::uint32_t id, double drop) noexcept {
  qol_[id] = static_cast<float>(std::max(1.0, qol_[id] - drop));
}

void QualityOfLife::add_gain(std::uint32_t id, double gain, double cap) noexcept {
  gain_[id] = static_cast<float>(std::min(gain_[id] + gain, cap));
}

QualityOfLife::MonthSums QualityOfLife::take_month_sums() noexcept {
  MonthSums sums{sum_, count_};
  sum_ = {};
  count_ = {};
  return sums;
}

}  // namespace cmhsim::model::pathway
