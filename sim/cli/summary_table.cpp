// Plain-text summary tables: services in scenario order, metrics in kServiceMetrics order, then
// the model's end-of-run metrics in outcome order. Knows nothing of files or execution.
#include "cli/summary_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "io/headline.hpp"

namespace cmhsim::cli {

namespace {

/// Writes the metrics table of the metrics whose indices are `rows`, headed by `title`.
void print_metric_rows(std::ostream& os, const experiment::RunResults& results,
                       const std::vector<std::size_t>& rows, const char* title) {
  const auto& infos = results.metric_infos;
  int name_width = 6;
  int unit_width = 4;
  for (const std::size_t m : rows) {
    name_width = std::max(name_width, static_cast<int>(infos[m].name.size()));
    unit_width = std::max(unit_width, static_cast<int>(infos[m].unit.size()));
  }
  os << "\n" << title << "\n";
  char line[512];
  std::snprintf(line, sizeof line, "  %-*s  %-*s %12s   %s\n", name_width, "metric", unit_width,
                "unit", "mean", "95% CI");
  os << line;
  for (const std::size_t m : rows) {
    const engine::Estimate& e = results.metric_summary[m];
    std::snprintf(line, sizeof line, "  %-*s  %-*s %12s   %s\n", name_width, infos[m].name.c_str(),
                  unit_width, infos[m].unit.c_str(), format_number(e.mean).c_str(),
                  format_interval(e.lo, e.hi).c_str());
    os << line;
  }
}

}  // namespace

std::string format_number(double v) {
  if (!std::isfinite(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string format_interval(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return "n/a";
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "[" + std::string temporaries.
  std::string out("[");
  out.append(format_number(lo)).append(", ").append(format_number(hi)).append("]");
  return out;
}

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
      std::snprintf(line, sizeof line, "  %-20s %-11s %12s   %s\n", info.name, info.unit,
                    format_number(e.mean).c_str(), format_interval(e.lo, e.hi).c_str());
      os << line;
    }
  }
}

void print_metrics_table(std::ostream& os, const experiment::RunResults& results) {
  const auto& infos = results.metric_infos;
  if (infos.empty() || results.metric_summary.size() != infos.size()) return;
  std::vector<std::size_t> rows(infos.size());
  for (std::size_t m = 0; m < rows.size(); ++m) rows[m] = m;
  print_metric_rows(os, results, rows, "metrics");
}

bool print_headline_table(std::ostream& os, const experiment::RunResults& results) {
  const auto& infos = results.metric_infos;
  if (results.metric_summary.size() != infos.size()) return false;
  std::vector<std::size_t> rows;
  for (const auto& h : io::headline_outcomes()) {
    for (std::size_t m = 0; m < infos.size(); ++m) {
      if (infos[m].name == h.name) rows.push_back(m);
    }
  }
  if (rows.empty()) return false;
  print_metric_rows(os, results, rows, "headline metrics (all of them: --all-metrics)");
  return true;
}

}  // namespace cmhsim::cli
