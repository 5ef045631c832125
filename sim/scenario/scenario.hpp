// A scenario file turned into validated, typed configuration, and the entry points that load it.
// Knows the model's config types; the YAML and the parameter table stay behind these functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/network_config.hpp"
#include "model/pathway_config.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/uncertainty.hpp"

namespace cmhsim::scenario {

/// Lists keys (concrete dotted paths) with their values as canonical text, in table order.
using ResolvedValues = std::vector<std::pair<std::string, std::string>>;

/// Holds everything a scenario file declares, with defaults applied and names resolved.
struct Scenario {
  std::string path;  ///< The file name as given (or the source name of parsed text).
  std::string text;  ///< The full file text, kept for provenance in results.
  std::string name;  ///< From `name:`, else the file name without directory and extension.
  std::string description;
  std::uint64_t seed = 1;
  std::uint64_t replications = 10;
  /// The queueing network; for a pathway scenario only its horizon_days and warmup_days are set.
  model::NetworkConfig network;
  /// The pathway model's parameters, present iff the file has a `population` section.
  std::optional<model::PathwayConfig> pathways;
  /// Every key with the value that applies after defaults and overrides (what runs).
  ResolvedValues resolved;
  /// The `uncertainty` section: parameters drawn afresh for each parameter set (none if absent).
  Uncertainty uncertainty;

  /// Sets the seed and replications a run uses, in the fields and in `resolved`.
  void set_run(std::uint64_t run_seed, std::uint64_t run_replications);

  /// Returns the service names in the order of the file (the index order of network.services).
  [[nodiscard]] std::vector<std::string> service_names() const;
};

/// Sets the value of `key` in `values` (it must be there; the loader lists every key).
void set_resolved(ResolvedValues& values, std::string_view key, std::string value);

/// Reads and validates the scenario file at `path`; throws ScenarioError (line 0 if unreadable).
Scenario load_scenario_file(const std::string& path);

/// Validates scenario `text`; errors name `source_name` as the file.
Scenario parse_scenario(const std::string& text, const std::string& source_name);

/// Returns the reference of every scenario key and distribution family as Markdown.
std::string render_reference_markdown();

/// Returns the pathway model's parameter table (unit, default, plausible range, source) as
/// Markdown, the generated part of docs/parameters.md.
std::string render_parameters_markdown();

}  // namespace cmhsim::scenario
