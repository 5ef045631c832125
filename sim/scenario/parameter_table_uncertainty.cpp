// The table entries of the `uncertainty` section: parameters drawn afresh for each parameter set
// (probabilistic sensitivity analysis). Knows nothing of YAML or of loading.
#include "scenario/parameter_table_build.hpp"

namespace cmhsim::scenario::table {

void add_uncertainty(std::vector<Parameter>& out) {
  using K = ValueKind;
  const std::vector<Parameter> entries{
      // No default text: a scenario without the section resolves no uncertainty keys at all.
      {"uncertainty", K::Mapping, "", false, "", kAny, "absent: parameters are fixed", "",
       "Parameters that are uncertain: each parameter set draws every listed key from its "
       "distribution, and replication r runs with set r mod `sets` (probabilistic sensitivity "
       "analysis). Compared scenarios must agree on this section.",
       kInput},
      {"uncertainty.sets",
       K::Integer,
       "",
       false,
       "one per replication",
       {1, false, 10000, false},
       "",
       "",
       "Number of parameter sets drawn; with fewer sets than replications each set runs "
       "several replications, so the report can split interval widths into parameters and "
       "chance.",
       kInput},
      {"uncertainty.parameters", K::NamedEntries, "", true, "", kAny,
       "at least one entry; keys are numeric scenario key paths", "",
       "The uncertain parameters, each a scenario key path as used by `cmhsim run --set`.", kInput},
      {"uncertainty.parameters.<key path>", K::KeyValue, "", false, "", kAny,
       "`{uniform: [lo, hi]}`, `{normal: [mean, sd], truncated: [lo, hi]}` or `plausible_range`",
       "",
       "The distribution the key's value is drawn from: uniform from lo to hi (lo = hi fixes "
       "it), normal truncated to [lo, hi] (to the key's bounds when `truncated` is left out), "
       "or uniform over the parameter table's plausible range; integer keys take the nearest "
       "whole number.",
       kInput},
  };
  out.insert(out.end(), entries.begin(), entries.end());
}

}  // namespace cmhsim::scenario::table
