// A what-if: a baseline scenario given at start and a copy changed by overrides, paired as
// `cmhsim compare BASELINE.yaml --set KEY=VALUE ...` pairs them. Knows scenarios, not HTTP.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "experiment/comparison.hpp"
#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::serve {

/// Holds a baseline scenario loaded at start and the file it came from.
struct Baseline {
  std::string file;  ///< The path as given on the command line.
  scenario::Scenario scenario;
};

/// Holds the two scenarios of a what-if, set to one seed and replication count.
struct WhatIf {
  scenario::Scenario baseline;
  scenario::Scenario changed;  ///< The baseline with the overrides, named <name>_what_if.
  std::vector<scenario::Override> overrides;
  std::string file;  ///< The baseline's file as given at start.

  /// Returns the comparison arms (baseline first); they refer to this object's scenarios.
  [[nodiscard]] std::vector<experiment::ComparisonArm> arms() const;
  /// Sets the seed and replication count of both scenarios.
  void set_run(std::uint64_t seed, std::uint64_t replications);
  /// Returns the `cmhsim compare` command that reproduces this what-if's numbers bit for bit.
  [[nodiscard]] std::string command() const;
};

/// Returns the what-if of `base` changed by `overrides`, with the baseline's seed and
/// replications; throws ScenarioError with the messages `--set` gives.
WhatIf make_what_if(const Baseline& base, const std::vector<scenario::Override>& overrides);

/// Returns `text` quoted for a POSIX shell when it holds anything but plain characters.
std::string shell_quote(const std::string& text);

}  // namespace cmhsim::serve
