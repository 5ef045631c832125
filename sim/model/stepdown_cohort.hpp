// The step-down cohort: where a person a CMHT stepped down to a Care Partner is three years later
// (primary care only, back under secondary care, or still with a Care Partner). Plain counting on
// a person's state; knows nothing of events, services or files.
#pragma once

#include <cstdint>

#include "model/person.hpp"

namespace cmhsim::model::pathway {

/// Sets how long after a step-down the cohort's state is taken (three years).
inline constexpr double kStepDownFollowDays = 3.0 * kYearDays;

/// Names where a living person stepped down to a Care Partner is at the end of follow-up.
enum class StepDownState : std::uint8_t {
  PrimaryCareOnly,  ///< Discharged from the Care Partner, not under or waiting for secondary care.
  Secondary,        ///< CMHT caseload or waiting list, outpatients, crisis team or a bed.
  CarePartner,      ///< Still with a Care Partner or waiting for one, or a CMHT referral pending.
};

/// Returns where living person `p` is, by the definitions of the step-down cohort outputs.
[[nodiscard]] StepDownState stepdown_state(const Person& p) noexcept;

/// Counts the step-downs followed for three years and where the people were at the end.
struct StepDownCohort {
  std::uint64_t followed = 0;           ///< Step-downs whose person was alive and registered.
  std::uint64_t primary_care_only = 0;  ///< Of those, in primary care only.
  std::uint64_t secondary = 0;          ///< Of those, under secondary care.

  /// Counts living person `p` at the end of a step-down's follow-up.
  void add(const Person& p) noexcept;
};

}  // namespace cmhsim::model::pathway
