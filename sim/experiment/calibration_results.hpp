// A finished (or checkpointed) calibration: what was fitted, the ABC-SMC state reached and where it
// came from, with the posterior summaries read from its last generation. No files, no threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiment/abc_smc.hpp"

namespace cmhsim::experiment {

/// Holds a weighted mean with a 95% interval (the 2.5% and 97.5% weighted quantiles).
struct PosteriorEstimate {
  double mean = 0.0;
  double lo = 0.0;
  double hi = 0.0;
};

/// Holds everything a calibration file records.
struct CalibrationResults {
  std::string name;
  std::string method = "abc_smc";
  std::string calibration_path;
  std::string calibration_text;  ///< The calibration file (and its targets CSV), for provenance.
  std::string command;           ///< The command line that ran it.
  std::string version;
  std::string git_commit;
  std::string host;
  std::string started_utc;
  std::string finished_utc;
  int threads = 1;
  int ranks = 1;
  std::uint64_t seed = 0;
  std::uint64_t replications_per_point = 0;
  std::uint64_t budget = 0;
  std::vector<std::string> keys;           ///< Parameter key paths, in file order.
  std::vector<std::string> prior_kinds;    ///< "uniform" or "normal", per key.
  std::vector<std::string> target_labels;  ///< Metric, prefixed "SCENARIO." for another scenario.
  AbcProblem problem;
  AbcOptions options;
  AbcState state;
  std::vector<PosteriorEstimate> posterior;   ///< Per key; empty until the calibration ends.
  std::vector<PosteriorEstimate> predictive;  ///< Per target; empty until it ends.
};

/// Returns parameter `k`'s posterior from the last generation.
PosteriorEstimate posterior_parameter(const AbcState& state, std::size_t k);

/// Returns target `t`'s posterior predictive: its predicted value over the last generation.
PosteriorEstimate posterior_predictive(const AbcState& state, std::size_t t);

}  // namespace cmhsim::experiment
