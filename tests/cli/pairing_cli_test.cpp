// End-to-end tests that `cmhsim compare` refuses scenarios whose people differ in any population
// key, and that every results file stores the resolved value of every key it ran with.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli_support.hpp"
#include "io/hdf5_reader.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::slurp;

/// Returns ics_baseline.yaml scaled down to 1,500 people, 400 days and 2 replications, with
/// `population_extra` added to its population section and its name set to `name`.
std::string small_baseline(const std::string& name, const std::string& population_extra) {
  std::string text = slurp(fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "ics_baseline.yaml");
  text = std::regex_replace(text, std::regex("name: ics_baseline"), "name: " + name);
  text = std::regex_replace(text, std::regex("register_size: 15000"), "register_size: 1500");
  text = std::regex_replace(text, std::regex("horizon_days: [0-9.]+"), "horizon_days: 400");
  text = std::regex_replace(text, std::regex("warmup_days: [0-9.]+"), "warmup_days: 100");
  text = std::regex_replace(text, std::regex("replications: [0-9]+"), "replications: 2");
  return std::regex_replace(text, std::regex("adults_16_65: 1000000"),
                            "adults_16_65: 1000000\n" + population_extra);
}

}  // namespace

TEST_CASE("compare refuses copies of the baseline that differ in any population key",
          "[cli][bad-input]") {
  const fs::path dir = cmhsim::cli_test::scratch("pairing-population");
  std::ofstream(dir / "a.yaml") << small_baseline("base", "");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"  insecure_housing_by_network: {diverse_active: 0.2, family_stable: 0.08, "
       "formal_sparse: 0.25}",
       "population.insecure_housing_by_network.diverse_active (0.1 in base, 0.2 in other)"},
      {"  long_term_sick_by_network: {diverse_active: 0.3, family_stable: 0.45, "
       "formal_sparse: 0.6}",
       "population.long_term_sick_by_network.family_stable (0.4 in base, 0.45 in other)"},
      {"  lives_alone_by_network: {diverse_active: 0.25, family_stable: 0.15, "
       "formal_sparse: 0.5}",
       "population.lives_alone_by_network.formal_sparse (0.55 in base, 0.5 in other)"},
  };
  for (const auto& [extra, named] : cases) {
    std::ofstream(dir / "b.yaml") << small_baseline("other", extra);
    const auto r = run_cmhsim("compare " + (dir / "a.yaml").string() + " " +
                                  (dir / "b.yaml").string() + " -q -o " + (dir / "out.h5").string(),
                              dir);
    INFO(r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(named) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.h5"));
  }
}

TEST_CASE("results store every key's resolved value, overrides and seed included", "[cli]") {
  const fs::path dir = cmhsim::cli_test::scratch("pairing-provenance");
  std::ofstream(dir / "a.yaml") << small_baseline("base", "");
  const auto r =
      run_cmhsim("run " + (dir / "a.yaml").string() + " -q --seed 5 --set care_partners.fte=4 -o " +
                     (dir / "run.h5").string(),
                 dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto results = cmhsim::io::read_results_hdf5((dir / "run.h5").string());
  std::map<std::string, std::string> values(results.provenance.resolved.begin(),
                                            results.provenance.resolved.end());
  CHECK(values.at("seed") == "5");
  CHECK(values.at("care_partners.fte") == "4");
  CHECK(values.at("population.register_size") == "1500");
  CHECK(values.at("population.age_mean") == "48");
  CHECK(values.at("services.length_of_stay_days") == "{dist: lognormal, mean: 36, sd: 32}");
  CHECK(values.at("trial") == "none");
  CHECK(values.size() > 130);
}
