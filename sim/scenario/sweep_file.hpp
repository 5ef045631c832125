// Sweep files: a base scenario, a design (full factorial or Latin hypercube) and axes given by
// scenario key paths, expanded into points. Knows scenarios and overrides; no simulation.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {

/// Names how a sweep chooses its points.
enum class SweepDesign { Factorial, LatinHypercube };

/// Describes one axis: the key it varies and the values it gives that key.
struct SweepAxis {
  std::string key_path;             ///< Scenario key path, e.g. "care_partners.fte".
  std::vector<std::string> values;  ///< Factorial: the axis' values; LHS: each point's value.
  std::optional<std::array<double, 2>> range;  ///< [lo, hi] when given by `range`.
  bool integer = false;                        ///< True when the key takes whole numbers.
  int line = 0;                                ///< Where the axis' key stands in the file.
  int column = 0;
};

/// Holds a loaded sweep file with its base scenario and every point's overrides.
struct SweepSpec {
  std::string name;  ///< From `name:`, else the file name without directory and extension.
  std::string description;
  std::string path;  ///< The sweep file as given.
  std::string text;  ///< The sweep file's text, kept for provenance.
  Scenario base;     ///< The base scenario, loaded and validated.
  SweepDesign design = SweepDesign::Factorial;
  std::uint64_t replications = 0;  ///< Per point.
  std::uint64_t seed = 0;          ///< Run seed of every point (and the hypercube's seed).
  std::vector<Override> fixed;     ///< The `set` overrides, in file order.
  std::vector<SweepAxis> axes;     ///< In file order.
  /// Each point's overrides: one per axis in axis order, then the `set` overrides. Factorial
  /// points run through every combination with the last axis fastest; hypercube points are in
  /// sample order.
  std::vector<std::vector<Override>> points;
};

/// Reads the sweep file at `path`, loads its base and builds every point to check it.
///
/// Throws ScenarioError at the file, line and column of the offending entry: unknown key paths
/// (with a "did you mean"), empty `values`, `steps` below 1, `range` with lo >= hi or outside the
/// key's bounds, `points` with a factorial design or missing with a hypercube, duplicate axes,
/// and any point whose scenario fails a check. A base file that fails reports its own error.
SweepSpec load_sweep_file(const std::string& path);

/// Validates sweep `text` as if read from `source_name` (the base is relative to its directory).
SweepSpec parse_sweep(const std::string& text, const std::string& source_name);

/// Returns the scenario of point `i`: the base with the point's overrides, the sweep's seed and
/// replications. Throws std::out_of_range if there is no such point.
Scenario build_point(const SweepSpec& spec, std::size_t i);

}  // namespace cmhsim::scenario
