// The observer through which the pathway model reports what happens: one call per month with
// that month's series values, one per person at the end. Implemented outside the model.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace cmhsim::model {

/// Summarises one person over the observed period (after warm-up), reported at the end.
struct PersonSummary {
  std::uint64_t person = 0;
  std::uint8_t diagnosis = 0;
  std::uint8_t network = 0;
  std::uint8_t ethnicity = 0;
  std::uint8_t trial_arm = 0;  ///< 0 none, 1 intervention, 2 control.
  std::uint32_t care_partner_contacts = 0;
  std::uint32_t mental_health_contacts = 0;
  std::uint32_t crises = 0;
  std::uint32_t admissions = 0;
  std::uint32_t goals_set = 0;
  std::uint32_t goals_achieved = 0;
  double days_observed = 0.0;
  double qol_start = 0.0;
  double qol_end = 0.0;
  bool died = false;
};

/// Receives the model's records as the run proceeds.
class Recorder {
 public:
  virtual ~Recorder() = default;
  /// Records month `month`'s series values (in the model's series order).
  virtual void record_month(std::size_t month, std::span<const double> values) = 0;
  /// Records one person's summary at the end of the run.
  virtual void record_person(const PersonSummary& person) = 0;
};

}  // namespace cmhsim::model
