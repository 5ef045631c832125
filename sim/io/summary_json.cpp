// The run summary as JSON, built with nlohmann::ordered_json so members keep their order.
// Knows nothing of HDF5 or of how the results were produced.
#include "io/summary_json.hpp"

#include "io/atomic_file.hpp"

namespace cmhsim::io {

nlohmann::ordered_json estimate_json(const engine::Estimate& e) {
  return {{"mean", e.mean}, {"ci95", {e.lo, e.hi}}};
}

std::string dump_json(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string summary_json(const experiment::RunResults& results) {
  auto services = nlohmann::ordered_json::object();
  for (const auto& service : results.summary) {
    auto metrics = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      metrics[model::kServiceMetrics[m].name] = estimate_json(service.metrics[m]);
    }
    services[service.name] = std::move(metrics);
  }
  auto metrics = nlohmann::ordered_json::object();
  for (std::size_t m = 0; m < results.metric_infos.size() && m < results.metric_summary.size();
       ++m) {
    metrics[results.metric_infos[m].name] = estimate_json(results.metric_summary[m]);
  }
  nlohmann::ordered_json json;
  json["services"] = std::move(services);
  json["metrics"] = std::move(metrics);
  json["replications"] = results.provenance.replications;
  json["seed"] = results.provenance.seed;
  return dump_json(json);
}

void write_summary_json(const experiment::RunResults& results, const std::string& path) {
  write_file_atomically(path, summary_json(results) + "\n");
}

}  // namespace cmhsim::io
