// Health economics of the pathway model: utilities of a person's state, discount factors and the
// discounted weight of a month. Plain arithmetic; knows nothing of events, people or files.
#include "model/economics.hpp"

#include <cmath>

namespace cmhsim::model::pathway {

double discount_factor(double rate, double years) { return std::pow(1.0 + rate, -years); }

double discounted_years(double rate, double from_years, double to_years) {
  if (!(to_years > from_years)) return 0.0;
  if (rate == 0.0) return to_years - from_years;
  const double log_growth = std::log1p(rate);
  return (discount_factor(rate, from_years) - discount_factor(rate, to_years)) / log_growth;
}

double mean_discount_factor(double rate, double from_years, double to_years) {
  if (!(to_years > from_years)) return discount_factor(rate, from_years);
  return discounted_years(rate, from_years, to_years) / (to_years - from_years);
}

double utility(const EconomicsConfig& economics, ClinicalState state, Setting setting) {
  if (setting == Setting::Inpatient) return economics.utility_inpatient;
  switch (state) {
    case ClinicalState::Stable:
      return economics.utility_stable;
    case ClinicalState::Struggling:
      return economics.utility_struggling;
    case ClinicalState::Crisis:
      return economics.utility_crisis;
  }
  return economics.utility_stable;
}

}  // namespace cmhsim::model::pathway
