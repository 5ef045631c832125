// Checking a calibration's target metrics: end-of-run metric names from the pathway model's output
// table, service metric names from the service metric table, with "did you mean" hints.
#include "cli/calibration_metrics.hpp"

#include <algorithm>

#include "model/pathway_model.hpp"
#include "model/service_metrics.hpp"
#include "scenario/scenario_error.hpp"
#include "scenario/suggest.hpp"

namespace cmhsim::cli {

void check_metric(const scenario::CalibrationSpec& spec, const scenario::CalibrationTarget& t) {
  const scenario::Scenario& sc = spec.scenarios[t.scenario];
  const auto fail = [&](const std::string& message) {
    throw scenario::ScenarioError(t.origin, t.line, t.column, "metric", message);
  };
  const std::string prefix = "services.";
  if (t.metric.compare(0, prefix.size(), prefix) == 0) {
    const std::string rest = t.metric.substr(prefix.size());
    const auto dot = rest.rfind('.');
    std::vector<std::string> metrics;
    for (const auto& m : model::kServiceMetrics) metrics.emplace_back(m.name);
    const std::string metric = dot == std::string::npos ? "" : rest.substr(dot + 1);
    if (dot == std::string::npos ||
        std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) {
      fail("no service metric '" + metric + "' in '" + t.metric + "'" +
           scenario::did_you_mean(metric, metrics));
    }
    if (!sc.pathways) {
      const std::vector<std::string> names = sc.service_names();
      const std::string service = rest.substr(0, dot);
      if (std::find(names.begin(), names.end(), service) == names.end()) {
        fail("no service '" + service + "' in " + sc.path + scenario::did_you_mean(service, names));
      }
    }
    return;
  }
  if (!sc.pathways) fail("a queueing-network scenario has only services.<service>.<metric>");
  std::vector<std::string> names;
  for (const auto& info : model::PathwayModel::metric_infos()) names.push_back(info.name);
  if (std::find(names.begin(), names.end(), t.metric) == names.end()) {
    fail("no end-of-run metric '" + t.metric + "'" + scenario::did_you_mean(t.metric, names) +
         " (cmhsim params --outputs lists them)");
  }
}

void check_metrics(const scenario::CalibrationSpec& spec) {
  for (const auto& t : spec.targets) check_metric(spec, t);
}

}  // namespace cmhsim::cli
