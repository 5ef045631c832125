// End-to-end tests of parameter uncertainty: --parameter-sets for compare, run and sweep, and the
// scenario `uncertainty` section, with the set each replication used read back from the files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "cli_support.hpp"
#include "experiment/parameter_sets.hpp"
#include "h5_compare.hpp"
#include "io/hdf5_reader.hpp"
#include "io/parameter_sets_io.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;
using cmhsim::cli_test::write;

/// Returns ics_baseline.yaml scaled down to 1,500 people, 400 days and 6 replications, named
/// `name`, with `fte` Care Partner FTE and `extra` appended.
std::string small(const std::string& name, int fte, const std::string& extra = "") {
  std::string text = slurp(fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "ics_baseline.yaml");
  text = std::regex_replace(text, std::regex("name: ics_baseline"), "name: " + name);
  text = std::regex_replace(text, std::regex("register_size: 15000"), "register_size: 1500");
  text = std::regex_replace(text, std::regex("horizon_days: [0-9.]+"), "horizon_days: 400");
  text = std::regex_replace(text, std::regex("warmup_days: [0-9.]+"), "warmup_days: 100");
  text = std::regex_replace(text, std::regex("replications: [0-9]+"), "replications: 6");
  text = std::regex_replace(text, std::regex("  fte: 0 "), "  fte: " + std::to_string(fte) + " ");
  return text + extra;
}

/// Three sets of two Care Partner parameters that change what the partners arm does.
const char* kSets =
    "# three sets for a test\n"
    "weight,care_partners.caseload_per_fte,care_partners.disengage_probability\n"
    "0.2,20,0.04\n"
    "0.5,30,0.08\n"
    "0.3,40,0.15\n";

/// Returns the values of every replication of metric `k` in `run`.
std::vector<double> metric(const cmhsim::experiment::RunResults& run, std::size_t k) {
  std::vector<double> out;
  for (const auto& rep : run.replications) out.push_back(rep.metrics.at(k));
  return out;
}

}  // namespace

TEST_CASE("compare with parameter sets gives every arm the same set per replication",
          "[cli][parameter-sets]") {
  const auto dir = scratch("psa-compare");
  write(dir / "base.yaml", small("base", 0));
  write(dir / "partners.yaml", small("partners", 4));
  write(dir / "sets.csv", kSets);
  const std::string arms =
      "compare " + (dir / "base.yaml").string() + " " + (dir / "partners.yaml").string() + " -q ";
  for (const char* t : {"1", "2"}) {
    const auto r = run_cmhsim(arms + "--parameter-sets " + (dir / "sets.csv").string() + " -o " +
                                  (dir / (std::string("t") + t + ".h5")).string() + " -t " + t,
                              dir);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("each with one parameter set (intervals and shares include parameter "
                     "uncertainty)") != std::string::npos);
  }
  const auto r = run_cmhsim(arms + "-o " + (dir / "none.h5").string() + " -t 2", dir);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("(intervals cover the replications' spread only)") != std::string::npos);

  const auto with = cmhsim::io::read_comparison_hdf5((dir / "t1.h5").string());
  const auto sets = cmhsim::io::read_parameter_sets((dir / "sets.csv").string());
  REQUIRE(with.runs.size() == 2);
  for (const auto& run : with.runs) {
    REQUIRE(run.parameter_sets.keys == sets.keys);
    REQUIRE(run.parameter_sets.values == sets.values);
    REQUIRE(run.parameter_set_of.size() == 6);
    for (std::uint64_t rep = 0; rep < 6; ++rep) {
      CHECK(run.parameter_set_of[rep] ==
            cmhsim::experiment::set_for_replication(sets, with.seed, rep));
    }
  }
  CHECK(with.runs[0].parameter_set_of == with.runs[1].parameter_set_of);
  // Six draws over three sets use more than one set, or the test would not show pairing.
  const auto& used = with.runs[0].parameter_set_of;
  CHECK(std::set<std::uint64_t>(used.begin(), used.end()).size() > 1);

  // The sets change the partners arm's results; the baseline has no Care Partners to change.
  const auto without = cmhsim::io::read_comparison_hdf5((dir / "none.h5").string());
  CHECK(without.runs[1].parameter_sets.keys.empty());
  CHECK(without.runs[1].parameter_set_of.empty());
  const std::size_t gap = 0;  // people_in_gap, the first metric
  REQUIRE(with.runs[1].metric_infos.at(gap).name == "people_in_gap");
  CHECK(metric(with.runs[1], gap) != metric(without.runs[1], gap));

  // Bit-identical at one and two threads.
  const auto a = cmhsim::test::read_all_datasets((dir / "t1.h5").string());
  const auto b = cmhsim::test::read_all_datasets((dir / "t2.h5").string());
  REQUIRE(a.size() == b.size());
  for (const auto& [name, values] : a) {
    if (name.find("provenance/") != std::string::npos) continue;
    INFO(name);
    CHECK(values == b.at(name));
  }
  CHECK(a.count("scenarios/partners/replications/parameter_set") == 1);
}

TEST_CASE("a parameter sets file with an unknown key fails at its position and writes nothing",
          "[cli][parameter-sets][bad-input]") {
  const auto dir = scratch("psa-bad-key");
  write(dir / "base.yaml", small("base", 0));
  write(dir / "partners.yaml", small("partners", 4));
  write(dir / "bad.csv",
        "# one misspelt key\nweight,care_partners.caseload_per_fte,care_partners.disengage_prob\n"
        "1,20,0.04\n");
  const auto r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                                (dir / "partners.yaml").string() + " -q --parameter-sets " +
                                (dir / "bad.csv").string() + " -o " + (dir / "out.h5").string(),
                            dir);
  CHECK(r.code == 2);
  CHECK(r.err.find((dir / "bad.csv").string() +
                   ":2:39: care_partners.disengage_prob: unknown key") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.h5"));

  write(dir / "text.csv", "care_partners.caseload_per_fte\n20\nabc\n");
  const auto t = run_cmhsim("run " + (dir / "base.yaml").string() + " -q --parameter-sets " +
                                (dir / "text.csv").string() + " -o " + (dir / "out.h5").string(),
                            dir);
  CHECK(t.code == 2);
  CHECK(t.err.find((dir / "text.csv").string() +
                   ":3:1: the value of 'care_partners.caseload_per_fte' is not a number") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.h5"));
}

TEST_CASE("compare refuses parameter sets that change who is simulated", "[cli][parameter-sets]") {
  const auto dir = scratch("psa-people");
  write(dir / "base.yaml", small("base", 0));
  write(dir / "partners.yaml", small("partners", 4));
  write(dir / "people.csv", "population.register_size\n1000\n");
  const auto r = run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                                (dir / "partners.yaml").string() + " -q --parameter-sets " +
                                (dir / "people.csv").string() + " -o " + (dir / "out.h5").string(),
                            dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("population.register_size to 1000") != std::string::npos);
  CHECK(r.err.find("decides who is simulated") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.h5"));
}

TEST_CASE("an uncertainty section with a degenerate range equals the run with that value set",
          "[cli][parameter-sets]") {
  const auto dir = scratch("psa-degenerate");
  write(dir / "fixed.yaml", small("fixed", 4));
  write(dir / "uncertain.yaml",
        small("fixed", 4,
              "\nuncertainty:\n  parameters:\n"
              "    care_partners.caseload_per_fte: {uniform: [22.5, 22.5]}\n"));
  const auto a = run_cmhsim("run " + (dir / "fixed.yaml").string() +
                                " -q --set care_partners.caseload_per_fte=22.5 -o " +
                                (dir / "set.h5").string(),
                            dir);
  const auto b = run_cmhsim(
      "run " + (dir / "uncertain.yaml").string() + " -q -o " + (dir / "drawn.h5").string(), dir);
  INFO(a.err << b.err);
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  const auto set = cmhsim::io::read_results_hdf5((dir / "set.h5").string());
  const auto drawn = cmhsim::io::read_results_hdf5((dir / "drawn.h5").string());
  REQUIRE(drawn.parameter_sets.values.size() == 6);  // one set per replication by default
  CHECK(drawn.parameter_set_of == std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5});
  for (const auto& row : drawn.parameter_sets.values) CHECK(row == std::vector<double>{22.5});
  REQUIRE(set.replications.size() == drawn.replications.size());
  for (std::size_t k = 0; k < set.metric_infos.size(); ++k) {
    INFO(set.metric_infos[k].name);
    const auto x = metric(set, k);
    const auto y = metric(drawn, k);
    for (std::size_t rep = 0; rep < x.size(); ++rep) {
      CHECK((x[rep] == y[rep] || (std::isnan(x[rep]) && std::isnan(y[rep]))));
    }
  }
  // And a real range moves the results away from the fixed value.
  write(dir / "wide.yaml", small("fixed", 4,
                                 "\nuncertainty:\n  sets: 3\n  parameters:\n"
                                 "    care_partners.caseload_per_fte: {uniform: [10, 40]}\n"));
  const auto c = run_cmhsim(
      "run " + (dir / "wide.yaml").string() + " -q -o " + (dir / "wide.h5").string(), dir);
  REQUIRE(c.code == 0);
  const auto wide = cmhsim::io::read_results_hdf5((dir / "wide.h5").string());
  CHECK(wide.parameter_set_of == std::vector<std::uint64_t>{0, 1, 2, 0, 1, 2});
  CHECK(metric(wide, 0) != metric(set, 0));
}

TEST_CASE("compare refuses scenarios with different uncertainty sections",
          "[cli][parameter-sets]") {
  const auto dir = scratch("psa-sections");
  const std::string section =
      "\nuncertainty:\n  parameters:\n    care_partners.caseload_per_fte: {uniform: [20, ";
  write(dir / "base.yaml", small("base", 0, section + "30]}\n"));
  write(dir / "partners.yaml", small("partners", 4, section + "40]}\n"));
  const auto r =
      run_cmhsim("compare " + (dir / "base.yaml").string() + " " +
                     (dir / "partners.yaml").string() + " -q -o " + (dir / "out.h5").string(),
                 dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("uncertainty section that differs") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.h5"));
}

TEST_CASE("sweep points record the parameter sets their replications used",
          "[cli][parameter-sets]") {
  const auto dir = scratch("psa-sweep");
  write(dir / "base.yaml", small("base", 4));
  write(dir / "sets.csv", kSets);
  write(
      dir / "sweep.yaml",
      "name: s\nbase: base.yaml\nreplications: 3\naxes:\n  care_partners.fte: {values: [2, 6]}\n");
  const auto r = run_cmhsim("sweep " + (dir / "sweep.yaml").string() + " -q --parameter-sets " +
                                (dir / "sets.csv").string() + " -o " + (dir / "s.h5").string(),
                            dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto all = cmhsim::test::read_all_datasets((dir / "s.h5").string());
  CHECK(all.count("points/0/replications/parameter_set") == 1);
  CHECK(all.count("points/1/parameter_sets/values") == 1);
  CHECK(all.at("points/0/replications/parameter_set") ==
        all.at("points/1/replications/parameter_set"));
}
