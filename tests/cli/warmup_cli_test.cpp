// End-to-end tests of `cmhsim warmup` on a small pathway scenario (500 people over two years):
// the recommendation line, the JSON summary and the refusals of bad input.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::slurp;

fs::path scratch(const std::string& name) { return cmhsim::cli_test::scratch("warmup-" + name); }

/// Writes a pathway scenario of `register_size` people over `horizon` days with a 90-day warm-up.
fs::path small_scenario(const fs::path& dir, const std::string& horizon = "730.5") {
  const fs::path p = dir / "small.yaml";
  std::ofstream(p) << "name: small\nhorizon_days: " << horizon
                   << "\nwarmup_days: 90\nreplications: 40\nseed: 4\npopulation:\n"
                      "  register_size: 500\n";
  return p;
}

/// Returns the whole days of a warm-up of `months` months.
std::uint64_t days_of(std::uint64_t months) {
  return static_cast<std::uint64_t>(std::ceil(static_cast<double>(months) * 365.25 / 12.0));
}

}  // namespace

TEST_CASE("warmup prints the recommendation and writes it as JSON", "[cli][warmup]") {
  const auto dir = scratch("mser5");
  const auto scenario = small_scenario(dir);
  const auto json_path = dir / "out" / "warmup.json";
  const auto r = run_cmhsim(
      "warmup " + scenario.string() + " -r 3 -t 2 -q --summary-json " + json_path.string(), dir);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("3 replications") != std::string::npos);
  CHECK(r.out.find("run with warmup_days 0 (24 months observed; the file has warmup_days 90") !=
        std::string::npos);
  CHECK(r.out.find("method: MSER-5") != std::string::npos);
  std::smatch m;
  const std::regex line(R"(\nrecommended warmup_days: (\d+) \((\d+) months; )");
  REQUIRE(std::regex_search(r.out, m, line));
  const std::uint64_t days = std::stoull(m[1]);
  const std::uint64_t months = std::stoull(m[2]);
  CHECK(days == days_of(months));
  CHECK(months <= 12);

  const auto json = nlohmann::json::parse(slurp(json_path));
  CHECK(json["method"] == "mser5");
  CHECK(json["recommended_warmup_days"] == days);
  CHECK(json["recommended_warmup_months"] == months);
  CHECK(json["months_observed"] == 24);
  CHECK(json["replications"] == 3);
  const auto& series = json["series"];
  REQUIRE(series.size() == 13);
  for (const char* name : {"people_primary_care", "people_care_partner", "people_cmht",
                           "people_outpatients", "people_crisis_team", "people_inpatient",
                           "people_in_gap", "waiting_cmht", "waiting_care_partner", "waiting_vcse",
                           "cmht_caseload", "care_partner_caseload", "mean_quality_of_life"}) {
    INFO(name);
    REQUIRE(series.contains(name));
    CHECK(r.out.find("\n  " + std::string(name) + " ") != std::string::npos);
  }
  std::uint64_t largest = 0;
  for (const auto& [name, s] : series.items()) {
    INFO(name);
    const auto t = s["truncation_months"].get<std::uint64_t>();
    CHECK(t % 5 == 0);  // whole MSER-5 batches
    CHECK(s["truncation_days"] == days_of(t));
    largest = std::max(largest, t);
  }
  CHECK(largest == months);
  CHECK(json["settled_warmup_months"].get<std::uint64_t>() <= months);
  if (months > 0)
    CHECK(series[json["driven_by"].get<std::string>()]["truncation_months"] == months);
}

TEST_CASE("warmup with Welch's method judges the chosen series, whatever the threads",
          "[cli][warmup]") {
  const auto dir = scratch("welch");
  const auto scenario = small_scenario(dir);
  const std::string args = "warmup " + scenario.string() +
                           " -r 3 -q --method welch --series waiting_cmht,people_in_gap "
                           "--series people_cmht --summary-json ";
  const auto one = run_cmhsim(args + (dir / "one.json").string() + " -t 1", dir);
  const auto two = run_cmhsim(args + (dir / "two.json").string() + " -t 2", dir);
  INFO(one.out << one.err);
  REQUIRE(one.code == 0);
  REQUIRE(two.code == 0);
  CHECK(one.out.find("method: Welch (centred moving average of 13 months") != std::string::npos);
  const auto json = nlohmann::ordered_json::parse(slurp(dir / "one.json"));
  CHECK(json["method"] == "welch");
  CHECK(json["welch_window"] == 6);
  std::vector<std::string> names;
  for (const auto& [name, s] : json["series"].items()) names.push_back(name);
  CHECK(names == std::vector<std::string>{"waiting_cmht", "people_in_gap", "people_cmht"});
  CHECK(slurp(dir / "one.json") == slurp(dir / "two.json"));
}

TEST_CASE("warmup refuses unknown series, missing files, networks and short runs",
          "[cli][warmup][bad-input]") {
  const auto dir = scratch("bad");
  const auto scenario = small_scenario(dir);
  const auto expect = [&](const std::string& args, const std::string& message) {
    const auto r = run_cmhsim("warmup " + args, dir);
    INFO(args << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(r.out.empty());
  };
  expect(scenario.string() + " -r 2 --series people_cmht --series nope",
         "warmup: --series: unknown series 'nope'; known series: people_primary_care, "
         "people_care_partner,");
  expect((dir / "missing.yaml").string(), "missing.yaml");
  expect(scenario.string() + " --method guess", "--method");
  expect(fs::path(CMHSIM_SOURCE_DIR).append("scenarios/mmc_validation.yaml").string(),
         "is a queueing network, which records no monthly series");
  const auto short_dir = dir / "short";
  fs::create_directories(short_dir);
  const auto short_run = small_scenario(short_dir, "304.375");
  expect(short_run.string() + " -r 2",
         "short/small.yaml: the run records 10 months; MSER-5 needs at least 20");
  expect(short_run.string() + " -r 2 --method welch --window 3",
         "Welch's method with a half-window of 3 months needs at least 12");
  expect(fs::path(CMHSIM_SOURCE_DIR).append("scenarios/partners2_trial.yaml").string(),
         "describes a trial, which the model follows from randomisation with no warm-up");
  CHECK_FALSE(fs::exists(dir / "results"));
}
