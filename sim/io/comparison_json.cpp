// The comparison summary as JSON, built with JsonWriter.
// Knows nothing of HDF5 or of how the results were produced.
#include "io/comparison_json.hpp"

#include "io/atomic_file.hpp"
#include "io/json_writer.hpp"
#include "io/summary_json.hpp"

namespace cmhsim::io {

std::string comparison_json(const experiment::ComparisonResults& results) {
  const auto& names = results.names;
  const std::size_t outcomes = results.outcomes.size();
  JsonWriter json;
  json.begin_object().key("scenarios").begin_array();
  for (const auto& name : names) json.value(name);
  json.end_array();
  json.key("baseline").value(names.empty() ? std::string() : names.front());

  json.key("metrics").begin_object();
  for (std::size_t k = 0; k < outcomes; ++k) {
    json.key(results.outcomes[k].name).begin_object();
    for (std::size_t s = 0; s < names.size() && s < results.estimates.size(); ++s) {
      write_estimate(json.key(names[s]), results.estimates[s].at(k));
    }
    json.end_object();
  }
  json.end_object();

  json.key("differences").begin_object();
  for (std::size_t s = 0; s < results.differences.size() && s + 1 < names.size(); ++s) {
    json.key(names[s + 1]).begin_object();
    for (std::size_t k = 0; k < outcomes; ++k) {
      const experiment::Difference& d = results.differences[s].at(k);
      json.key(results.outcomes[k].name).begin_object();
      json.key("mean").value(d.paired.mean);
      json.key("ci95").begin_array().value(d.paired.lo).value(d.paired.hi).end_array();
      json.key("unpaired_ci95").begin_array().value(d.unpaired.lo).value(d.unpaired.hi).end_array();
      json.end_object();
    }
    json.end_object();
  }
  json.end_object();
  json.key("replications").value(results.replications);
  json.key("seed").value(results.seed);
  json.end_object();
  return json.str();
}

void write_comparison_json(const experiment::ComparisonResults& results, const std::string& path) {
  write_file_atomically(path, comparison_json(results) + "\n");
}

}  // namespace cmhsim::io
