// The run summary as JSON, built with JsonWriter.
// Knows nothing of HDF5 or of how the results were produced.
#include "io/summary_json.hpp"

#include "io/atomic_file.hpp"
#include "io/json_writer.hpp"

namespace cmhsim::io {

void write_estimate(JsonWriter& json, const engine::Estimate& e) {
  json.begin_object();
  json.key("mean").value(e.mean);
  json.key("ci95").begin_array().value(e.lo).value(e.hi).end_array();
  json.end_object();
}

std::string summary_json(const experiment::RunResults& results) {
  JsonWriter json;
  json.begin_object().key("services").begin_object();
  for (const auto& service : results.summary) {
    json.key(service.name).begin_object();
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      write_estimate(json.key(model::kServiceMetrics[m].name), service.metrics[m]);
    }
    json.end_object();
  }
  json.end_object();
  json.key("metrics").begin_object();
  for (std::size_t m = 0; m < results.metric_infos.size() && m < results.metric_summary.size();
       ++m) {
    write_estimate(json.key(results.metric_infos[m].name), results.metric_summary[m]);
  }
  json.end_object();
  json.key("replications").value(results.provenance.replications);
  json.key("seed").value(results.provenance.seed);
  json.end_object();
  return json.str();
}

void write_summary_json(const experiment::RunResults& results, const std::string& path) {
  write_file_atomically(path, summary_json(results) + "\n");
}

}  // namespace cmhsim::io
