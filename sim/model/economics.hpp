// Health economics of the pathway model: utilities of a person's state, discount factors and the
// discounted weight of a month. Plain arithmetic; knows nothing of events, people or files.
#pragma once

#include "model/pathway_config.hpp"
#include "model/pathway_types.hpp"

namespace cmhsim::model::pathway {

/// Returns the discount factor (1 + rate)^-years of a value `years` after the time origin.
double discount_factor(double rate, double years);

/// Returns the mean discount factor over [from_years, to_years]: the integral of
/// (1 + rate)^-t over the interval divided by its length (the factor at `from_years` if empty).
double mean_discount_factor(double rate, double from_years, double to_years);

/// Returns the discounted years of a stretch from `from_years` to `to_years` after the origin.
double discounted_years(double rate, double from_years, double to_years);

/// Returns the utility (EQ-5D scale, 1 = full health) of a person in clinical state `state` and
/// care setting `setting`: an inpatient takes the inpatient utility, anyone else their state's.
double utility(const EconomicsConfig& economics, ClinicalState state, Setting setting);

}  // namespace cmhsim::model::pathway
