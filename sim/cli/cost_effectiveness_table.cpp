// Prints a comparison's cost-effectiveness as plain text: per scenario after the first, the
// increments, ICER, net monetary benefit and probability cost-effective, then the EVPI.
#include "cli/cost_effectiveness_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "experiment/cost_effectiveness.hpp"

namespace cmhsim::cli {
namespace {

std::string number(double x, const char* format) {
  if (!std::isfinite(x)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, format, x);
  return text;
}

std::string interval(const engine::Estimate& e, const char* format) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return "95% CI unbounded or n/a";
  return "95% CI " + number(e.lo, format) + " to " + number(e.hi, format);
}

void line(std::ostream& os, const std::string& label, const std::string& text) {
  char head[48];
  std::snprintf(head, sizeof head, "  %-32s", label.c_str());
  os << head << text << "\n";
}

}  // namespace

void print_cost_effectiveness_table(std::ostream& os,
                                    const experiment::ComparisonResults& results) {
  const experiment::CostEffectiveness& ce = results.cost_effectiveness;
  if (ce.empty()) return;
  // With parameter sets a replication is a plausible world, so its spread is no longer chance
  // alone.
  const bool with_sets = !results.runs.empty() && !results.runs.front().parameter_set_of.empty();
  os << "\nCost-effectiveness against " << results.names.front()
     << ": discounted costs and QALYs per person observed, over " << ce.replications
     << (with_sets ? " replications, each with one parameter set (intervals and shares include "
                     "parameter uncertainty)\n"
                   : " replications (intervals cover the replications' spread only)\n");
  for (std::size_t s = 0; s < ce.comparisons.size() && s + 1 < results.names.size(); ++s) {
    const experiment::CeComparison& c = ce.comparisons[s];
    os << results.names[s + 1] << ":\n";
    line(os, "incremental cost (GBP)",
         number(c.incremental_cost.mean, "%.2f") + "  (" + interval(c.incremental_cost, "%.2f") +
             ")");
    line(os, "incremental QALYs",
         number(c.incremental_qalys.mean, "%.5f") + "  (" + interval(c.incremental_qalys, "%.5f") +
             ")");
    const bool defined = std::isfinite(c.icer.mean);
    line(os, "ICER (GBP per QALY)",
         defined ? number(c.icer.mean, "%.0f") + "  (Fieller " + interval(c.icer, "%.0f") + ")"
                 : "undefined (QALY increment about 0)");
    for (std::size_t t = 0; t < ce.thresholds.size(); ++t) {
      const std::string label = experiment::threshold_label(ce.thresholds[t]);
      line(os, "net monetary benefit at " + label,
           number(c.net_monetary_benefit[t].mean, "%.2f") + "  (" +
               interval(c.net_monetary_benefit[t], "%.2f") + "), cost-effective in " +
               number(100.0 * c.probability_cost_effective[t], "%.0f") + "% of replications");
    }
  }
  for (std::size_t t = 0; t < ce.thresholds.size() && t < ce.evpi_per_person.size(); ++t) {
    os << "EVPI at " << experiment::threshold_label(ce.thresholds[t])
       << " GBP per QALY: " << number(ce.evpi_per_person[t], "%.2f") << " GBP per person, "
       << number(ce.evpi_per_person[t] * ce.people, "%.0f") << " GBP for the place's "
       << number(ce.people, "%.0f") << " people\n";
  }
}

}  // namespace cmhsim::cli
