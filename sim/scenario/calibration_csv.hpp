// Targets read from a small CSV file of local figures: one row per target, columns named by a
// header. Knows CSV text and the target fields; nothing of YAML, scenarios or runs.
#pragma once

#include <string>
#include <vector>

namespace cmhsim::scenario {

/// Holds one row of a targets CSV before its scenario is resolved.
struct CsvTarget {
  std::string metric;
  std::string scenario;  ///< Empty for the main scenario.
  double observed = 0.0;
  double sd = 0.0;  ///< Given, or (ci95_hi - ci95_lo) / 3.92.
  int line = 0;     ///< 1-based line of the row.
  int column = 0;   ///< 1-based column of the row's metric (or of the scenario cell).
  int scenario_column = 0;
};

/// Reads the targets in CSV `text` from `file`: a header naming `metric`, `observed` and either
/// `sd` or both `ci95_lo` and `ci95_hi` (optionally `scenario`), then one target per row; blank
/// lines and lines starting with '#' are skipped. Throws ScenarioError at the offending line and
/// column (unknown columns with a "did you mean").
std::vector<CsvTarget> parse_targets_csv(const std::string& text, const std::string& file);

}  // namespace cmhsim::scenario
