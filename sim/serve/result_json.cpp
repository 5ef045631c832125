// The page's view of a comparison: headline rows in the report summary's order, costs (outcomes
// in GBP), every monthly series as mean and 95% band per month, NaN written as null.
#include "serve/result_json.hpp"

#include "io/headline.hpp"
#include "io/summary_json.hpp"

namespace cmhsim::serve {
namespace {

using Json = nlohmann::ordered_json;

Json row(const experiment::ComparisonResults& r, std::size_t k) {
  const auto& info = r.outcomes[k];
  const experiment::Difference& d = r.differences.front()[k];
  Json j;
  j["name"] = info.name;
  j["unit"] = info.unit;
  j["description"] = info.description;
  j["baseline"] = io::estimate_json(r.estimates[0][k]);
  j["scenario"] = io::estimate_json(r.estimates[1][k]);
  j["difference"] = io::estimate_json(d.paired);
  j["unpaired_ci95"] = {d.unpaired.lo, d.unpaired.hi};
  j["sentence"] = io::describe_difference(info.name, d.paired.mean, d.paired.lo, d.paired.hi);
  return j;
}

Json bands(const experiment::RunResults& run, std::size_t k) {
  Json mean = Json::array();
  Json lo = Json::array();
  Json hi = Json::array();
  for (const auto& month : run.series_summary) {
    mean.push_back(month.at(k).mean);
    lo.push_back(month.at(k).lo);
    hi.push_back(month.at(k).hi);
  }
  return {{"mean", std::move(mean)}, {"lo", std::move(lo)}, {"hi", std::move(hi)}};
}

}  // namespace

nlohmann::ordered_json result_json(const experiment::ComparisonResults& r) {
  Json out;
  out["baseline"] = r.names.at(0);
  out["scenario"] = r.names.at(1);
  out["replications"] = r.replications;
  out["seed"] = r.seed;
  out["wall_seconds"] = r.wall_seconds;
  Json headline = Json::array();
  for (const auto& h : io::headline_outcomes()) {
    for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
      if (r.outcomes[k].name == h.name) headline.push_back(row(r, k));
    }
  }
  Json costs = Json::array();
  for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
    if (r.outcomes[k].unit.rfind("GBP", 0) == 0) costs.push_back(row(r, k));
  }
  Json series = Json::array();
  const auto& base = r.runs.at(0);
  for (std::size_t k = 0; k < base.series_infos.size(); ++k) {
    const auto& info = base.series_infos[k];
    series.push_back({{"name", info.name},
                      {"unit", info.unit},
                      {"description", info.description},
                      {"baseline", bands(base, k)},
                      {"scenario", bands(r.runs.at(1), k)}});
  }
  out["headline"] = std::move(headline);
  out["costs"] = std::move(costs);
  out["series"] = std::move(series);
  return out;
}

}  // namespace cmhsim::serve
