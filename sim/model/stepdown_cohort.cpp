// The step-down cohort's classification of a person three years after a step-down to a Care
// Partner. Knows only a person's settings and flags; nothing of events, services or files.
#include "model/stepdown_cohort.hpp"

namespace cmhsim::model::pathway {

StepDownState stepdown_state(const Person& p) noexcept {
  if (acute(p.setting) || under_secondary_care(p) || p.has(kCmhtWaiting)) {
    return StepDownState::Secondary;
  }
  if (p.home == Setting::PrimaryCare && !p.has(kCpWaiting) && !p.has(kCmhtReferral)) {
    return StepDownState::PrimaryCareOnly;
  }
  return StepDownState::CarePartner;
}

void StepDownCohort::add(const Person& p) noexcept {
  ++followed;
  switch (stepdown_state(p)) {
    case StepDownState::PrimaryCareOnly:
      ++primary_care_only;
      break;
    case StepDownState::Secondary:
      ++secondary;
      break;
    case StepDownState::CarePartner:
      break;
  }
}

}  // namespace cmhsim::model::pathway
