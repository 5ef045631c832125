// Plain-text summary table: services in scenario order, metrics in kServiceMetrics order.
// Knows nothing of files or of how the run was executed.
#include "cli/summary_table.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace cmhsim::cli {
namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

void print_summary_table(std::ostream& os, const experiment::RunResults& results) {
  char line[160];
  for (const auto& service : results.summary) {
    os << "\nservice " << service.name << "\n";
    std::snprintf(line, sizeof line, "  %-20s %-11s %12s   %s\n", "metric", "unit", "mean",
                  "95% CI");
    os << line;
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      const auto& info = model::kServiceMetrics[m];
      const engine::Estimate& e = service.metrics[m];
      const std::string ci = std::isfinite(e.lo) ? "[" + number(e.lo) + ", " + number(e.hi) + "]"
                                                 : std::string("n/a");
      std::snprintf(line, sizeof line, "  %-20s %-11s %12s   %s\n", info.name, info.unit,
                    number(e.mean).c_str(), ci.c_str());
      os << line;
    }
  }
}

}  // namespace cmhsim::cli
