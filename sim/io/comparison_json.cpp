// The comparison summary as JSON, built with nlohmann::ordered_json so members keep their order.
// Knows nothing of HDF5 or of how the results were produced.
#include "io/comparison_json.hpp"

#include "io/atomic_file.hpp"
#include "io/cost_effectiveness_json.hpp"
#include "io/summary_json.hpp"

namespace cmhsim::io {

std::string comparison_json(const experiment::ComparisonResults& results) {
  using Json = nlohmann::ordered_json;
  const auto& names = results.names;
  const std::size_t outcomes = results.outcomes.size();
  Json json;
  json["scenarios"] = names;
  json["baseline"] = names.empty() ? std::string() : names.front();

  auto metrics = Json::object();
  for (std::size_t k = 0; k < outcomes; ++k) {
    auto by_scenario = Json::object();
    for (std::size_t s = 0; s < names.size() && s < results.estimates.size(); ++s) {
      by_scenario[names[s]] = estimate_json(results.estimates[s].at(k));
    }
    metrics[results.outcomes[k].name] = std::move(by_scenario);
  }
  json["metrics"] = std::move(metrics);

  auto differences = Json::object();
  for (std::size_t s = 0; s < results.differences.size() && s + 1 < names.size(); ++s) {
    auto by_outcome = Json::object();
    for (std::size_t k = 0; k < outcomes; ++k) {
      const experiment::Difference& d = results.differences[s].at(k);
      by_outcome[results.outcomes[k].name] = {{"mean", d.paired.mean},
                                              {"ci95", {d.paired.lo, d.paired.hi}},
                                              {"unpaired_ci95", {d.unpaired.lo, d.unpaired.hi}}};
    }
    differences[names[s + 1]] = std::move(by_outcome);
  }
  json["differences"] = std::move(differences);
  json["replications"] = results.replications;
  json["seed"] = results.seed;
  if (!results.cost_effectiveness.empty()) {
    json["cost_effectiveness"] = cost_effectiveness_json(results);
  }
  return dump_json(json);
}

void write_comparison_json(const experiment::ComparisonResults& results, const std::string& path) {
  write_file_atomically(path, comparison_json(results) + "\n");
}

}  // namespace cmhsim::io
