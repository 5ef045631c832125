// The /cost_effectiveness group of comparison files: increments per replication, summaries, the
// acceptability curve and EVPI (docs/results-schema.md). Knows nothing of JSON.
#include "io/hdf5_cost_effectiveness.hpp"

#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"

namespace cmhsim::io {
namespace {

/// Writes the [scenario, 2] interval bounds and the [scenario] means of one estimate per scenario.
template <typename Get>
void write_estimates(hid_t group, const std::string& name,
                     const std::vector<experiment::CeComparison>& rows, Get get) {
  std::vector<double> mean, bounds;
  for (const auto& c : rows) {
    const engine::Estimate& e = get(c);
    mean.push_back(e.mean);
    bounds.push_back(e.lo);
    bounds.push_back(e.hi);
  }
  h5::write_double_array(group, name + "_mean", {rows.size()}, mean);
  h5::write_double_array(group, name + "_ci95", {rows.size(), 2}, bounds);
}

}  // namespace

void write_cost_effectiveness_group(hid_t root, const experiment::ComparisonResults& results) {
  const experiment::CostEffectiveness& ce = results.cost_effectiveness;
  if (ce.empty()) return;
  const std::size_t s = ce.comparisons.size();
  const std::size_t t = ce.thresholds.size();
  const std::size_t g = ce.curve_thresholds.size();
  const std::size_t r = ce.replications;
  GroupHandle group = h5::create_group(root, "cost_effectiveness");
  h5::write_string_attribute(group.get(), "baseline", results.names.front());
  h5::write_strings_attribute(group.get(), "compared",
                              {results.names.begin() + 1, results.names.end()});
  h5::write_double_attribute(group.get(), "people", ce.people);
  h5::write_u64_attribute(group.get(), "replications", r);
  h5::write_double_array(group.get(), "thresholds", {t}, ce.thresholds);
  h5::write_double_array(group.get(), "curve_thresholds", {g}, ce.curve_thresholds);
  h5::write_double_array(group.get(), "evpi_per_person", {t}, ce.evpi_per_person);
  std::vector<double> dc, dq, nmb_mean, nmb_bounds, probability, curve;
  for (const auto& c : ce.comparisons) {
    dc.insert(dc.end(), c.incremental_costs.begin(), c.incremental_costs.end());
    dq.insert(dq.end(), c.incremental_qalys_by_replication.begin(),
              c.incremental_qalys_by_replication.end());
    for (const auto& e : c.net_monetary_benefit) {
      nmb_mean.push_back(e.mean);
      nmb_bounds.push_back(e.lo);
      nmb_bounds.push_back(e.hi);
    }
    probability.insert(probability.end(), c.probability_cost_effective.begin(),
                       c.probability_cost_effective.end());
    curve.insert(curve.end(), c.acceptability.begin(), c.acceptability.end());
  }
  h5::write_double_array(group.get(), "incremental_cost", {s, r}, dc);
  h5::write_double_array(group.get(), "incremental_qalys", {s, r}, dq);
  const auto& rows = ce.comparisons;
  write_estimates(group.get(), "incremental_cost", rows,
                  [](const experiment::CeComparison& c) { return c.incremental_cost; });
  write_estimates(group.get(), "incremental_qalys", rows,
                  [](const experiment::CeComparison& c) { return c.incremental_qalys; });
  write_estimates(group.get(), "icer", rows,
                  [](const experiment::CeComparison& c) { return c.icer; });
  h5::write_double_array(group.get(), "net_monetary_benefit_mean", {s, t}, nmb_mean);
  h5::write_double_array(group.get(), "net_monetary_benefit_ci95", {s, t, 2}, nmb_bounds);
  h5::write_double_array(group.get(), "probability_cost_effective", {s, t}, probability);
  h5::write_double_array(group.get(), "acceptability", {s, g}, curve);
}

}  // namespace cmhsim::io
