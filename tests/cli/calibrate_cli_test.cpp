// End-to-end tests of `cmhsim calibrate` on a tiny place: the same result at any thread count,
// a resumed calibration ending as an uninterrupted one, the outputs and bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "io/parameter_sets_io.hpp"

using namespace cmhsim::cli_test;

namespace {

const std::string kTiny =
    "name: tiny\nhorizon_days: 1095.75\nwarmup_days: 365.25\nreplications: 2\nseed: 1\n"
    "population: {register_size: 600, practices: 10, pcns: 2, adults_16_65: 40000}\n"
    "services: {cmht_coordinators_fte: 9, crisis_team_slots: 6, vcse_places: 15}\n"
    "care_partners: {fte: 0}\nsupervision: {supervisor_fte: 0}\n";

std::string calibration(int generations) {
  return "scenario: tiny.yaml\nparameters:\n"
         "  clinical.struggling_to_crisis_per_year: {uniform: [0.5, 1.5]}\n"
         "  services.physical_check_probability: {uniform: [0.2, 0.6]}\n"
         "targets:\n"
         "  - {metric: crises_per_1000_per_year, observed: 100, sd: 10}\n"
         "  - {metric: physical_health_check_coverage, observed: 0.45, ci95: [0.4, 0.5]}\n"
         "method: {population: 20, generations: " +
         std::to_string(generations) + "}\nseed: 4\nreplications_per_point: 1\nbudget: 5000\n";
}

/// Returns the CSV text without its '#' provenance lines (they name the output path).
std::string sets_without_comments(const fs::path& p) {
  std::istringstream in(slurp(p));
  std::string line;
  std::string out;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] != '#') out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("calibrate gives the same posterior at 1 and 2 threads", "[cli][calibrate]") {
  const fs::path dir = scratch("calibrate_threads");
  write(dir / "tiny.yaml", kTiny);
  write(dir / "cal.yaml", calibration(2));
  const std::string file = (dir / "cal.yaml").string();
  const Result one = run_cmhsim("calibrate " + file + " -o " + (dir / "one.h5").string() +
                                    " --summary-json " + (dir / "one.json").string() +
                                    " --sets-csv " + (dir / "one.csv").string() + " -t 1 -q",
                                dir);
  REQUIRE(one.code == 0);
  CHECK(one.err.empty());
  CHECK_THAT(one.out, Catch::Contains("posterior") && Catch::Contains("crises_per_1000_per_year"));
  const Result two = run_cmhsim("calibrate " + file + " -o " + (dir / "two.h5").string() +
                                    " --summary-json " + (dir / "two.json").string() +
                                    " --sets-csv " + (dir / "two.csv").string() + " -t 2 -q",
                                dir);
  REQUIRE(two.code == 0);
  CHECK(slurp(dir / "one.json") == slurp(dir / "two.json"));
  CHECK(sets_without_comments(dir / "one.csv") == sets_without_comments(dir / "two.csv"));
  CHECK_FALSE(fs::exists(dir / "one.h5.partial"));

  const auto json = nlohmann::json::parse(slurp(dir / "one.json"));
  const auto& p = json["parameters"]["clinical.struggling_to_crisis_per_year"];
  CHECK(p["prior"][0] == 0.5);
  CHECK(p["prior"][1] == 1.5);
  CHECK(p["ci95"][0].get<double>() <= p["mean"].get<double>());
  CHECK(p["mean"].get<double>() <= p["ci95"][1].get<double>());
  CHECK(json["targets"]["physical_health_check_coverage"]["observed"] == 0.45);
  CHECK(json["targets"]["crises_per_1000_per_year"]["predicted"]["ci95"].size() == 2);
  CHECK(json["runs"].get<int>() >= 20 * 3);
  const std::string csv = sets_without_comments(dir / "one.csv");
  CHECK(csv.rfind("weight,clinical.struggling_to_crisis_per_year,services.physical_check_"
                  "probability\n",
                  0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 21);

  // The sets in CAL.h5 are those of the CSV, and read as parameter sets.
  const auto from_h5 = cmhsim::io::read_parameter_sets((dir / "one.h5").string());
  const auto from_csv = cmhsim::io::read_parameter_sets((dir / "one.csv").string());
  REQUIRE(from_h5.values.size() == 20);
  CHECK(from_h5.keys == from_csv.keys);
  CHECK(from_h5.values == from_csv.values);
  CHECK(from_h5.weights == from_csv.weights);
  CHECK_THAT(from_h5.provenance, Catch::Contains("cmhsim calibrate"));
}

TEST_CASE("an interrupted calibration resumed ends as an uninterrupted one", "[cli][calibrate]") {
  const fs::path dir = scratch("calibrate_resume");
  write(dir / "tiny.yaml", kTiny);
  write(dir / "cal.yaml", calibration(5));
  const std::string file = (dir / "cal.yaml").string();
  const Result whole = run_cmhsim("calibrate " + file + " -o " + (dir / "whole.h5").string() +
                                      " --summary-json " + (dir / "whole.json").string() + " -q",
                                  dir);
  REQUIRE(whole.code == 0);
  const std::string cut = (dir / "cut.h5").string();
  const Result stopped = run("sh -c '" + std::string(CMHSIM_EXE) + " calibrate " + file + " -o " +
                                 cut + " -q & pid=$!; while [ ! -f " + cut +
                                 ".partial ]; do sleep 0.01; done; kill -INT "
                                 "$pid; wait $pid; echo $? > " +
                                 (dir / "code").string() + "'",
                             dir);
  REQUIRE(slurp(dir / "code") == "130\n");
  CHECK(fs::exists(cut + ".partial"));
  CHECK_FALSE(fs::exists(cut));
  const Result again = run_cmhsim("calibrate " + file + " -o " + cut + " -q", dir);
  CHECK(again.code == 2);
  CHECK_THAT(again.err, Catch::Contains("--resume"));
  const Result resumed =
      run_cmhsim("calibrate " + file + " -o " + cut + " --resume --summary-json " +
                     (dir / "cut.json").string() + " -q",
                 dir);
  REQUIRE(resumed.code == 0);
  CHECK(slurp(dir / "cut.json") == slurp(dir / "whole.json"));
  CHECK_FALSE(fs::exists(cut + ".partial"));
}

TEST_CASE("calibrate rejects an unknown target metric at its line", "[cli][calibrate][bad-input]") {
  const fs::path dir = scratch("calibrate_bad_metric");
  write(dir / "tiny.yaml", kTiny);
  std::string text = calibration(2);
  text.replace(text.find("crises_per_1000_per_year"), 24, "crisis_per_1000_per_year");
  write(dir / "cal.yaml", text);
  const Result r = run_cmhsim(
      "calibrate " + (dir / "cal.yaml").string() + " -o " + (dir / "x.h5").string(), dir);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("cal.yaml:6:5: metric: no end-of-run metric "
                                    "'crisis_per_1000_per_year' (did you mean "
                                    "'crises_per_1000_per_year'?)"));
  CHECK_FALSE(fs::exists(dir / "x.h5"));
}

TEST_CASE("validate recognises calibration files and checks their metrics",
          "[cli][calibrate][bad-input]") {
  const fs::path dir = scratch("calibrate_validate");
  const Result ok = run_cmhsim(
      "validate " + std::string(CMHSIM_SOURCE_DIR) + "/scenarios/calibration/example.yaml", dir);
  CHECK(ok.code == 0);
  CHECK_THAT(ok.out, Catch::Contains("OK (calibration: 3 parameters, 5 targets; scenario "
                                     "pathway model: register of 3000 people"));
  write(dir / "tiny.yaml", kTiny);
  std::string text = calibration(2);
  text.replace(text.find("physical_health_check_coverage"), 30, "services.cmht.mean_waitt");
  write(dir / "cal.yaml", text);
  const Result bad = run_cmhsim("validate " + (dir / "cal.yaml").string(), dir);
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("cal.yaml:7:5: metric: no service metric 'mean_waitt' in "
                                      "'services.cmht.mean_waitt' (did you mean 'mean_wait'?)"));
}
