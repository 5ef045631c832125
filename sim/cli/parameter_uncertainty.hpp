// Parameter uncertainty for run, compare and sweep: the parameter sets a run draws from (a
// --parameter-sets file or the scenario's `uncertainty` section), the set of each replication,
// and each set's scenario. Knows scenarios, overrides and the sets file; no threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "experiment/model_spec.hpp"
#include "experiment/parameter_sets.hpp"
#include "experiment/run_results.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {

/// Holds the parameter sets of a run and the set each replication uses.
struct SetPlan {
  experiment::ParameterSets sets;
  std::vector<std::uint64_t> set_of;  ///< Per replication, for every replication that may run.
  std::string origin;                 ///< The sets file, or the scenario with the section.
  bool from_file = false;             ///< True for --parameter-sets, false for the section.
};

/// Returns the plan for up to `replications` replications under `seed`: from the file `path`
/// (replication r uses experiment::set_for_replication) or else from the `uncertainty` section
/// of `sc` (replication r uses set r mod sets), or nothing when there is neither.
///
/// Throws UsageError when both are given, ParameterSetsError for an unreadable file.
std::optional<SetPlan> plan_parameter_sets(const std::optional<std::string>& path,
                                           const scenario::Scenario& sc, std::uint64_t seed,
                                           std::uint64_t replications);

/// Throws UsageError unless every scenario after the first has no `uncertainty` section or the
/// first one's: compared scenarios draw the same parameter sets.
void require_same_uncertainty(const std::vector<scenario::Scenario>& scenarios);

/// Holds the scenario of every parameter set a plan uses, built from one base scenario.
class SetScenarios {
 public:
  /// Applies each used set to `base` as overrides (values written with %.17g), so every
  /// scenario check applies; errors name the sets file (or the section) and the key. With
  /// `paired`, a set that changes a key deciding who is simulated is an error too.
  SetScenarios(const scenario::Scenario& base, const SetPlan& plan, bool paired);

  /// Returns the model replication `r` runs.
  [[nodiscard]] experiment::ModelSpec model_for(std::uint64_t r) const;

 private:
  std::vector<std::optional<scenario::Scenario>> by_set_;
  std::vector<std::uint64_t> set_of_;
};

/// Stores the plan's sets and the set of each of the first `replications` in `results`.
void record_parameter_sets(const SetPlan& plan, std::uint64_t replications,
                           experiment::RunResults& results);

/// Returns a one-line description of the plan for the run's header, e.g. "parameter sets: 20
/// from cal.csv".
std::string describe_plan(const SetPlan& plan);

}  // namespace cmhsim::cli
