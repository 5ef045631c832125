// The table of sweep-file keys: the base scenario, the design, and the axes and fixed settings
// given by scenario key paths. Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario {
namespace {

using namespace table;

std::vector<Parameter> build_sweep_parameters() {
  using K = ValueKind;
  return {
      {"name", K::Text, "", false, "the file name without directory and extension", kAny, "", "",
       "Short identifier of the sweep, used in results.", kInput},
      {"description", K::Text, "", false, "empty", kAny, "", "",
       "Free text saying what the sweep explores.", kInput},
      {"base", K::Text, "", true, "", kAny, "a scenario file", "",
       "The scenario every point starts from, as a path relative to the sweep file's directory.",
       kInput},
      {"design", K::Choice, "", false, "factorial", kAny, "", "factorial|latin_hypercube",
       "How points are chosen: every combination of the axes' values (last axis fastest), or a "
       "Latin hypercube of `points` points over the axes' ranges (McKay et al. 1979).",
       kInput},
      {"points",
       K::Integer,
       "",
       false,
       "none (required with latin_hypercube)",
       {1, false, 100000, false},
       "(latin_hypercube only)",
       "",
       "Number of points of a Latin hypercube; each axis' range is cut into this many equal "
       "strata and each stratum is sampled once.",
       kInput},
      {"seed", K::Integer, "", false, "the base scenario's seed", kNonNegative, "(unsigned 64-bit)",
       "", "Run seed of every point; it also seeds the Latin hypercube's sampling.", kInput},
      {"replications", K::Integer, "", false, "the base scenario's replications", kReplications, "",
       "", "Replications of every point.", kInput},
      {"set", K::NamedEntries, "", false, "none", kAny, "keys are scenario key paths", "",
       "Overrides applied to every point, such as a shorter horizon; each key is a scenario key "
       "path as used by `cmhsim run --set`.",
       kInput},
      {"set.<key path>", K::KeyValue, "", false, "", kAny, "valid for the key", "",
       "The value the key takes at every point, written as in a scenario file.", kInput},
      {"axes", K::NamedEntries, "", true, "", kAny,
       "at least one entry; keys are scenario key paths, none repeated or inside another", "",
       "The parameters the sweep varies; each key is a scenario key path valid for the base "
       "scenario's kind (network or pathway).",
       kInput},
      {"axes.<key path>", K::Mapping, "", false, "", kAny, "exactly one of `values` and `range`",
       "", "The values one parameter takes across the points.", kInput},
      {"axes.<key path>.values", K::KeyValueList, "", false, "", kAny, "factorial only", "",
       "The values, each written as in a scenario file; the only form for words (choices) and "
       "distributions.",
       kInput},
      {"axes.<key path>.range", K::NumberList, "", false, "", kAny,
       "two numbers lo < hi within the key's bounds; numeric keys only", "",
       "The interval a numeric key spans; integer keys take the nearest whole number.", kInput},
      {"axes.<key path>.steps",
       K::Integer,
       "",
       false,
       "none (required with range in factorial)",
       {1, false, 10000, false},
       "(factorial with range only)",
       "",
       "Number of evenly spaced values from lo to hi, both included (1 gives the midpoint).",
       kInput},
  };
}

}  // namespace

const std::vector<Parameter>& sweep_parameters() {
  static const std::vector<Parameter> table = build_sweep_parameters();
  return table;
}

std::vector<const Parameter*> sweep_children(std::string_view path) {
  std::vector<const Parameter*> out;
  for (const Parameter& p : sweep_parameters()) {
    if (is_child_of(p.path, path)) out.push_back(&p);
  }
  return out;
}

}  // namespace cmhsim::scenario
