// The results of a run: every replication's outcomes, their summary with 95% CIs, provenance.
// Plain data shared by the experiment runner, io/ and cli/; knows nothing of files or threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/confidence.hpp"
#include "experiment/model_spec.hpp"
#include "experiment/parameter_sets.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::experiment {

/// Holds one service's metrics summarised over replications.
struct ServiceSummary {
  std::string name;
  std::array<engine::Estimate, model::kServiceMetricCount> metrics{};
};

/// Lists scenario keys (dotted paths) with their values as text, in the parameter table's order.
using KeyValues = std::vector<std::pair<std::string, std::string>>;

/// Records where a run came from, so a results file can be reproduced.
struct Provenance {
  std::string version;        ///< cmhsim version.
  std::string git_commit;     ///< Commit the binary was built from.
  std::string scenario_path;  ///< Scenario file as given.
  std::string scenario_text;  ///< Scenario file's full text.
  /// Every scenario key with the value that ran (after defaults and overrides).
  KeyValues resolved;
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  int threads = 1;
  std::string started_utc;  ///< ISO 8601.
  std::string finished_utc;
  std::string host;
};

/// Holds everything a run produced.
struct RunResults {
  Provenance provenance;
  ModelKind model = ModelKind::Network;
  std::vector<model::ReplicationOutcome> replications;  ///< Indexed by replication.
  std::vector<ServiceSummary> summary;                  ///< In scenario order.
  std::vector<model::OutputInfo> metric_infos;          ///< End-of-run metrics, outcome order.
  std::vector<model::OutputInfo> series_infos;          ///< Monthly series, outcome order.
  std::vector<engine::Estimate> metric_summary;         ///< One per metric_infos entry.
  std::vector<std::vector<engine::Estimate>> series_summary;  ///< [month][series].
  /// Person summaries per replication; empty unless the run was asked to record them.
  std::vector<std::vector<model::PersonSummary>> persons;
  /// The parameter sets replications drew from (parameter uncertainty); no keys without them.
  ParameterSets parameter_sets;
  /// The index in parameter_sets of the set each replication used; empty without them.
  std::vector<std::uint64_t> parameter_set_of;
  double horizon_days = 0.0;
  double warmup_days = 0.0;
  double wall_seconds = 0.0;
  std::uint64_t events = 0;  ///< Events over all replications.
};

/// Summarises replications into per-service estimates with 95% Student-t intervals.
std::vector<ServiceSummary> summarise(const std::vector<model::ReplicationOutcome>& reps);

/// Summarises each end-of-run metric over replications (95% Student-t, NaNs skipped).
std::vector<engine::Estimate> summarise_metrics(const std::vector<model::ReplicationOutcome>& reps);

/// Summarises each of `series_count` monthly series per month: [month][series] estimates.
/// Throws std::invalid_argument if replications disagree on months or series sizes.
std::vector<std::vector<engine::Estimate>> summarise_series(
    const std::vector<model::ReplicationOutcome>& reps, std::size_t series_count);

}  // namespace cmhsim::experiment
