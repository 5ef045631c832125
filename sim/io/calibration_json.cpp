// The calibration summary as JSON, built with nlohmann::ordered_json so members keep file order.
// Knows nothing of HDF5 or of how the calibration ran.
#include "io/calibration_json.hpp"

#include "io/atomic_file.hpp"
#include "io/summary_json.hpp"

namespace cmhsim::io {

std::string calibration_json(const experiment::CalibrationResults& r) {
  auto parameters = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < r.keys.size() && k < r.posterior.size(); ++k) {
    const auto& e = r.posterior[k];
    const auto& prior = r.problem.priors.at(k);
    parameters[r.keys[k]] = {
        {"mean", e.mean}, {"ci95", {e.lo, e.hi}}, {"prior", {prior.lo, prior.hi}}};
  }
  auto targets = nlohmann::ordered_json::object();
  for (std::size_t t = 0; t < r.target_labels.size() && t < r.predictive.size(); ++t) {
    const auto& e = r.predictive[t];
    targets[r.target_labels[t]] = {{"observed", r.problem.observed.at(t)},
                                   {"predicted", {{"mean", e.mean}, {"ci95", {e.lo, e.hi}}}}};
  }
  nlohmann::ordered_json json;
  json["parameters"] = std::move(parameters);
  json["targets"] = std::move(targets);
  json["runs"] = r.state.runs;
  return dump_json(json);
}

void write_calibration_json(const experiment::CalibrationResults& results,
                            const std::string& path) {
  write_file_atomically(path, calibration_json(results) + "\n");
}

}  // namespace cmhsim::io
