// A scenario's `uncertainty` section: the parameters drawn afresh for each parameter set, their
// distributions, and the seeded draw of one set. Knows the engine's streams; no runs or files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/parameter_prior.hpp"

namespace cmhsim::scenario {

/// Holds a scenario's `uncertainty` section; no parameters when the scenario has none.
struct Uncertainty {
  std::vector<ParameterPrior> parameters;
  std::uint64_t sets = 0;  ///< Parameter sets to draw; 0 means one per replication.
  /// Returns true when the scenario lists uncertain parameters.
  [[nodiscard]] bool active() const noexcept { return !parameters.empty(); }
};

/// Sets the entity id of the streams that draw uncertain parameters, beside the one that picks
/// a replication's parameter set and far above any entity the model uses.
inline constexpr std::uint64_t kUncertaintyEntity = (std::uint64_t{1} << 62) + 1;

/// Returns the values of parameter set `set` (one per parameter, in order).
///
/// Parameter a's value comes from the first uniform u of engine::RandomStream keyed by
/// (seed, set) with entity kUncertaintyEntity and purpose a: lo + (hi - lo) u for a uniform, the
/// normal quantile of u within the truncation's probabilities for a normal, rounded to the
/// nearest whole number within the range for integer keys.
std::vector<double> draw_uncertain_set(const Uncertainty& u, std::uint64_t seed, std::uint64_t set);

}  // namespace cmhsim::scenario
