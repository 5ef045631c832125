// A comparison's cost-effectiveness as JSON: per scenario after the first, the increments, ICER,
// net monetary benefit, probability cost-effective and EVPI. Knows nothing of HDF5.
#include "io/cost_effectiveness_json.hpp"

#include <limits>

#include "io/summary_json.hpp"

namespace cmhsim::io {

nlohmann::ordered_json cost_effectiveness_json(const experiment::ComparisonResults& results) {
  using Json = nlohmann::ordered_json;
  const experiment::CostEffectiveness& ce = results.cost_effectiveness;
  auto out = Json::object();
  const double evpi = ce.evpi_per_person.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                 : ce.evpi_per_person.front();
  for (std::size_t s = 0; s < ce.comparisons.size() && s + 1 < results.names.size(); ++s) {
    const experiment::CeComparison& c = ce.comparisons[s];
    Json entry;
    entry["incremental_cost"] = estimate_json(c.incremental_cost);
    entry["incremental_qalys"] = estimate_json(c.incremental_qalys);
    entry["icer"] = estimate_json(c.icer);
    for (std::size_t t = 0; t < ce.thresholds.size(); ++t) {
      entry["net_monetary_benefit_" + experiment::threshold_label(ce.thresholds[t])] =
          estimate_json(c.net_monetary_benefit.at(t));
    }
    for (std::size_t t = 0; t < ce.thresholds.size(); ++t) {
      entry["probability_cost_effective_" + experiment::threshold_label(ce.thresholds[t])] =
          c.probability_cost_effective.at(t);
    }
    entry["evpi_per_person"] = evpi;
    entry["evpi_for_place"] = evpi * ce.people;
    out[results.names[s + 1]] = std::move(entry);
  }
  return out;
}

}  // namespace cmhsim::io
