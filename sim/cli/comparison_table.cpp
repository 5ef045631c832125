// Plain-text comparison tables. Knows nothing of files or of how the runs were executed.
#include "cli/comparison_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "cli/summary_table.hpp"

namespace cmhsim::cli {
namespace {

std::string width_of(const engine::Estimate& e) {
  return std::isfinite(e.lo) && std::isfinite(e.hi) ? format_number(e.hi - e.lo) : "n/a";
}

}  // namespace

void print_comparison_table(std::ostream& os, const experiment::ComparisonResults& results) {
  const auto& outcomes = results.outcomes;
  int name_width = 6;
  int unit_width = 4;
  for (const auto& info : outcomes) {
    name_width = std::max(name_width, static_cast<int>(info.name.size()));
    unit_width = std::max(unit_width, static_cast<int>(info.unit.size()));
  }
  const std::string& base = results.names.front();
  char line[768];
  for (std::size_t s = 1; s < results.names.size(); ++s) {
    const std::string& name = results.names[s];
    os << "\n"
       << name << " vs " << base << ": paired differences over " << results.replications
       << " replications (common random numbers)\n";
    std::snprintf(line, sizeof line, "  %-*s  %-*s %12s %12s %12s   %-26s %9s %17s\n", name_width,
                  "metric", unit_width, "unit", base.substr(0, 12).c_str(),
                  name.substr(0, 12).c_str(), "difference", "95% CI (paired)", "CI width",
                  "unpaired CI width");
    os << line;
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
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
