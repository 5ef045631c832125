// Plain-text comparison tables. Knows nothing of files or of how the runs were executed.
#include "cli/comparison_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/summary_table.hpp"
#include "io/headline.hpp"

namespace cmhsim::cli {
namespace {

std::string width_of(const engine::Estimate& e) {
  return std::isfinite(e.lo) && std::isfinite(e.hi) ? format_number(e.hi - e.lo) : "n/a";
}

/// Returns the indices of the outcomes to print: all, or the headline ones in their order.
std::vector<std::size_t> rows_of(const std::vector<model::OutputInfo>& outcomes, bool all) {
  std::vector<std::size_t> rows;
  if (!all) {
    for (const auto& h : io::headline_outcomes()) {
      for (std::size_t k = 0; k < outcomes.size(); ++k) {
        if (outcomes[k].name == h.name) rows.push_back(k);
      }
    }
  }
  if (rows.empty()) {
    for (std::size_t k = 0; k < outcomes.size(); ++k) rows.push_back(k);
  }
  return rows;
}

}  // namespace

void print_comparison_table(std::ostream& os, const experiment::ComparisonResults& results,
                            bool all_outcomes) {
  const auto& outcomes = results.outcomes;
  const std::vector<std::size_t> rows = rows_of(outcomes, all_outcomes);
  const bool headline_only = rows.size() < outcomes.size();
  int name_width = 6;
  int unit_width = 4;
  for (const std::size_t k : rows) {
    name_width = std::max(name_width, static_cast<int>(outcomes[k].name.size()));
    unit_width = std::max(unit_width, static_cast<int>(outcomes[k].unit.size()));
  }
  const std::string& base = results.names.front();
  char line[768];
  for (std::size_t s = 1; s < results.names.size(); ++s) {
    const std::string& name = results.names[s];
    os << "\n"
       << name << " vs " << base << ": paired differences over " << results.replications
       << " replications (common random numbers)"
       << (headline_only ? "; headline outcomes (all of them: --all-metrics)" : "") << "\n";
    std::snprintf(line, sizeof line, "  %-*s  %-*s %12s %12s %12s   %-26s %9s %17s\n", name_width,
                  "metric", unit_width, "unit", base.substr(0, 12).c_str(),
                  name.substr(0, 12).c_str(), "difference", "95% CI (paired)", "CI width",
                  "unpaired CI width");
    os << line;
    for (const std::size_t k : rows) {
      const engine::Estimate& a = results.estimates[0][k];
      const engine::Estimate& x = results.estimates[s][k];
      const experiment::Difference& d = results.differences[s - 1][k];
      std::snprintf(line, sizeof line, "  %-*s  %-*s %12s %12s %12s   %-26s %9s %17s\n", name_width,
                    outcomes[k].name.c_str(), unit_width, outcomes[k].unit.c_str(),
                    format_number(a.mean).c_str(), format_number(x.mean).c_str(),
                    format_number(d.paired.mean).c_str(),
                    format_interval(d.paired.lo, d.paired.hi).c_str(), width_of(d.paired).c_str(),
                    width_of(d.unpaired).c_str());
      os << line;
    }
  }
}

}  // namespace cmhsim::cli
