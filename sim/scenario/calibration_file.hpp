// Calibration files: the scenario(s) to calibrate, the parameters with their priors, the observed
// targets, the method's settings, the seed and the budget. Knows scenarios; no runs, no algorithm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/overrides.hpp"
#include "scenario/parameter_prior.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {

/// Describes one observed figure the model is fitted to.
struct CalibrationTarget {
  std::string metric;        ///< As `run --summary-json` names it, e.g. "services.cmht.mean_wait".
  std::size_t scenario = 0;  ///< Index into CalibrationSpec::scenarios (0 is the main one).
  double observed = 0.0;
  double sd = 0.0;     ///< Given, or (hi - lo) / 3.92 from a 95% CI.
  std::string origin;  ///< The file that gives it (the calibration file or its CSV).
  int line = 0;
  int column = 0;
};

/// Holds the settings of ABC-SMC.
struct AbcSettings {
  std::size_t population = 200;
  std::size_t generations = 8;     ///< After generation 0 (drawn from the prior).
  double quantile = 0.5;           ///< Adaptive tolerance quantile.
  std::vector<double> tolerances;  ///< A fixed schedule; empty means adaptive.
  double min_acceptance = 0.02;
  /// The lowest adaptive tolerance; unset means the median of the chi distribution with one
  /// degree of freedom per target.
  std::optional<double> tolerance_floor;
};

/// Holds a loaded calibration file.
struct CalibrationSpec {
  std::string name;  ///< From `name:`, else the file name without directory and extension.
  std::string description;
  std::string path;  ///< The calibration file as given.
  std::string text;  ///< Its text (and the targets CSV's, if any), kept for provenance.
  /// The scenarios: [0] is `scenario:`, then those of `scenarios:` in file order.
  std::vector<Scenario> scenarios;
  std::vector<std::string> scenario_names;  ///< Each scenario's name, as targets name them.
  std::vector<ParameterPrior> parameters;
  std::vector<CalibrationTarget> targets;
  std::string method = "abc_smc";
  AbcSettings abc;
  std::uint64_t seed = 0;
  std::uint64_t replications_per_point = 4;
  std::uint64_t budget = 20000;  ///< Model runs (replications of a scenario).

  /// Returns a target's label: its metric, prefixed "SCENARIO_NAME." for another scenario.
  [[nodiscard]] std::string target_label(std::size_t t) const;
};

/// Reads the calibration file at `path` and checks it: scenarios load, every parameter is a
/// numeric key of every scenario with a prior inside its bounds, and the prior-bound points load.
///
/// Throws ScenarioError at the file, line and column of the offending entry (unknown keys with a
/// "did you mean"); errors in a targets CSV name the CSV's line and column.
CalibrationSpec load_calibration_file(const std::string& path);

/// Validates calibration `text` as if read from `source_name` (paths are relative to its
/// directory).
CalibrationSpec parse_calibration(const std::string& text, const std::string& source_name);

/// Returns the overrides setting each calibrated parameter to `values` (%.17g; integer keys
/// rounded), plus the seed and replications of a point, in parameter order.
std::vector<Override> calibration_overrides(const CalibrationSpec& spec,
                                            const std::vector<double>& values);

/// Returns scenario `s` of the calibration with the parameters set to `values` and the
/// calibration's seed and replications_per_point.
Scenario calibration_point(const CalibrationSpec& spec, std::size_t s,
                           const std::vector<double>& values);

}  // namespace cmhsim::scenario
