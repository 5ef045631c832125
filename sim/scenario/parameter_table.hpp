// The single table of scenario keys: type, unit, default, range, meaning and source of each.
// The loader, its error messages and the generated reference all read it; knows nothing of YAML.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/binding.hpp"

namespace cmhsim::scenario {

/// Names the kind of value a key takes.
enum class ValueKind {
  Text,          ///< Any string.
  ServiceName,   ///< The name of a service declared under `services`.
  Integer,       ///< A whole number within bounds (optionally also one word, e.g. "unlimited").
  Number,        ///< A finite real number within bounds.
  NumberList,    ///< A non-empty list of finite real numbers within bounds.
  Choice,        ///< One of a fixed set of words.
  Distribution,  ///< A mapping with `dist:` and the parameters of that family.
  Mapping,       ///< A mapping whose keys are the child parameters in this table.
  Categories,    ///< A mapping naming each child parameter (one per category) exactly once.
  NamedEntries,  ///< A mapping whose keys the user chooses (the child path ends in `<...>`).
  Sequence,      ///< A list of mappings (the child path ends in `[]`).
  KeyValue,      ///< Sweep files: any value the scenario key named by the entry's key takes.
  KeyValueList,  ///< Sweep files: a non-empty list of such values.
};

/// Names the kind of scenario a key belongs to.
///
/// A file with a top-level `population` section is a pathway scenario; any other file is a
/// queueing-network scenario. Common keys (the run settings) belong to both.
enum class Schema : std::uint8_t { Common, Network, Pathway };

/// Bounds a numeric value; infinite ends are unbounded.
struct Bounds {
  double lo = -std::numeric_limits<double>::infinity();
  bool lo_open = false;  ///< True when lo itself is excluded.
  double hi = std::numeric_limits<double>::infinity();
  bool hi_open = false;  ///< True when hi itself is excluded.

  /// Returns true if `v` lies within the bounds.
  [[nodiscard]] bool contains(double v) const noexcept;
};

/// Gives the range a sensitivity sweep explores; both ends NaN when the key has none.
///
/// For a distribution the range is of its mean; for a word it is absent.
struct Plausible {
  double lo = std::numeric_limits<double>::quiet_NaN();
  double hi = std::numeric_limits<double>::quiet_NaN();

  /// Returns true if the range is given.
  [[nodiscard]] bool known() const noexcept { return !std::isnan(lo) && !std::isnan(hi); }
};

/// Describes one key: where it sits, what it takes and what it means.
struct Parameter {
  std::string_view path;           ///< Pattern such as "services.<name>.queue.capacity".
  ValueKind kind;                  ///< What the loader accepts.
  std::string_view unit;           ///< Unit such as "days"; empty when dimensionless.
  bool required;                   ///< True when the key must be present.
  std::string_view default_value;  ///< What an absent optional key means.
  Bounds bounds;                   ///< Numeric bounds (Integer, Number, NumberList).
  std::string_view range_note;     ///< Constraint beyond the bounds, e.g. "and < horizon_days".
  std::string_view words;          ///< Choice: allowed words, '|'-separated; Integer: extra word.
  std::string_view description;    ///< One or two sentences for the reference.
  std::string_view source;         ///< Citation, "assumption", or "n/a (...)" for inputs.
  Plausible plausible{};           ///< Range explored by sensitivity sweeps.
  Schema schema = Schema::Common;  ///< The kind of scenario the key belongs to.
  Binding binding{};               ///< Where a pathway key's value goes in the model's config.
  /// True when the key, or every key below it, decides who is simulated and what they draw, so
  /// scenarios compared pairwise (common random numbers) must agree on it.
  bool defines_people = false;

  /// Returns the last path segment, the key as written in a file ("capacity").
  [[nodiscard]] std::string_view key() const noexcept;
  /// Returns the allowed words of a Choice (or the extra word of an Integer).
  [[nodiscard]] std::vector<std::string> word_list() const;
};

/// Describes one distribution family and the keys it accepts besides `dist`.
struct DistributionFamily {
  std::string_view name;         ///< The value of `dist:`, e.g. "lognormal".
  std::vector<Parameter> keys;   ///< Its parameters; paths are bare key names.
  std::string_view mean;         ///< The mean in terms of the keys, for the reference.
  std::string_view description;  ///< What the family is.
};

/// Returns every scenario key, parents before children, in reference order.
const std::vector<Parameter>& parameters();

/// Returns true if a key of `schema`-kind scenarios may be `p` (common keys belong to both).
[[nodiscard]] bool belongs_to(const Parameter& p, Schema schema) noexcept;

/// Returns the `schema` parameter with exactly this path pattern; throws std::logic_error if none.
const Parameter& parameter(std::string_view path, Schema schema);

/// Returns true if the pattern `path` lies directly below `parent` ("" for the top level).
[[nodiscard]] bool is_child_of(std::string_view path, std::string_view parent) noexcept;

/// Returns the `schema` parameters directly below `path` ("" for the top level), in table order.
std::vector<const Parameter*> children(std::string_view path, Schema schema);

/// Returns the top-level sections of pathway scenarios (population ... trial), in table order.
std::vector<const Parameter*> pathway_sections();

/// Returns the keys of sweep files (a separate kind of file), parents before children.
const std::vector<Parameter>& sweep_parameters();

/// Returns the sweep-file keys directly below `path` ("" for the top level), in table order.
std::vector<const Parameter*> sweep_children(std::string_view path);

/// Returns the keys of calibration files (a separate kind of file), parents before children.
const std::vector<Parameter>& calibration_parameters();

/// Returns the calibration-file keys directly below `path` ("" for the top level), in table order.
std::vector<const Parameter*> calibration_children(std::string_view path);

/// Returns true if `path` (a concrete dotted path) or a section above it defines the people
/// simulated, according to `table`.
[[nodiscard]] bool defines_people(std::string_view path, const std::vector<Parameter>& table);

/// Returns the `dist` key shared by every distribution mapping.
const Parameter& distribution_selector();

/// Returns the supported distribution families in reference order.
const std::vector<DistributionFamily>& distribution_families();

/// Returns the family named `name`, or nullptr.
const DistributionFamily* find_family(std::string_view name);

/// Returns the bounds and note as text, e.g. "> 0", "in [0, 1]", ">= 0 and < horizon_days".
std::string range_text(const Parameter& p);

/// Returns the type as shown in the reference, e.g. "integer or `unlimited`".
std::string type_text(const Parameter& p);

/// Returns what an error says was expected, e.g. "an integer >= 0 or 'unlimited'".
std::string expectation(const Parameter& p);

/// Returns the shortest text that reads back as `v`, in plain digits where practical ("0.95").
std::string format_number(double v);

/// Returns an interval as errors show it, e.g. "[0.2, 0.6]".
std::string interval_text(double lo, double hi);

/// Returns the plausible range as text, e.g. "20–40", "mean 60–180", or "" when absent.
std::string plausible_text(const Parameter& p);

}  // namespace cmhsim::scenario
