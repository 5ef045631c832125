// A scenario's `uncertainty` section: the parameters drawn afresh for each parameter set, their
// distributions, and the seeded draw of one set. Knows the engine's streams; no runs or files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cmhsim::scenario {

/// Names the distribution an uncertain parameter is drawn from.
enum class UncertaintyShape { Uniform, Normal };

/// Describes one uncertain parameter: its key and the distribution of its value.
struct UncertainParameter {
  std::string key_path;  ///< Scenario key path, e.g. "care_partners.fte".
  UncertaintyShape shape = UncertaintyShape::Uniform;
  double lo = 0.0;       ///< Uniform: lower end; normal: lower truncation (may be -inf).
  double hi = 0.0;       ///< Uniform: upper end; normal: upper truncation (may be +inf).
  double mean = 0.0;     ///< Normal only.
  double sd = 0.0;       ///< Normal only.
  bool integer = false;  ///< True when the key takes whole numbers (values are rounded).
  int line = 0;          ///< Where the parameter's key stands in the scenario file.
  int column = 0;
};

/// Holds a scenario's `uncertainty` section; no parameters when the scenario has none.
struct Uncertainty {
  std::vector<UncertainParameter> parameters;
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
