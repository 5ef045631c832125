// Tests the cost-effectiveness part of comparison JSON and comparison files: field names, the
// {"mean", "ci95"} shape, plain numbers for probabilities and EVPI, and the HDF5 datasets.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "experiment/cost_effectiveness.hpp"
#include "io/comparison_json.hpp"
#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

/// Returns the sample comparison with cost-effectiveness from four synthetic replications.
experiment::ComparisonResults sample_with_economics() {
  experiment::ComparisonResults c = sample_comparison();
  c.cost_effectiveness = experiment::cost_effectiveness(
      {{1000, 1000, 1000, 1000}, {1100, 1200, 1300, 1400}, {900, 900, 900, 900}},
      {{5.0, 5.0, 5.0, 5.0}, {5.01, 5.02, 5.01, 5.02}, {5.0, 5.0, 5.0, 5.0}}, {20000, 30000},
      experiment::default_curve_thresholds(), 200);
  return c;
}

}  // namespace

TEST_CASE("comparison json names every cost-effectiveness field", "[json][cost_effectiveness]") {
  const YAML::Node doc = YAML::Load(comparison_json(sample_with_economics()));
  const YAML::Node ce = doc["cost_effectiveness"];
  REQUIRE(ce.IsMap());
  CHECK(ce.size() == 2);
  CHECK_FALSE(ce["baseline"]);
  const YAML::Node p = ce["partners"];
  for (const char* key : {"incremental_cost", "incremental_qalys", "icer",
                          "net_monetary_benefit_20000", "net_monetary_benefit_30000"}) {
    INFO(key);
    REQUIRE(p[key].IsMap());
    CHECK(p[key]["mean"].IsScalar());
    CHECK(p[key]["ci95"].size() == 2);
  }
  CHECK(p["incremental_cost"]["mean"].as<double>() == Approx(250.0));
  CHECK(p["incremental_qalys"]["mean"].as<double>() == Approx(0.015));
  CHECK(p["icer"]["mean"].as<double>() == Approx(250.0 / 0.015));
  CHECK(p["net_monetary_benefit_20000"]["mean"].as<double>() == Approx(50.0));
  CHECK(p["probability_cost_effective_20000"].as<double>() == 0.5);
  CHECK(p["probability_cost_effective_30000"].as<double>() == 0.75);
  CHECK(p["evpi_per_person"].IsScalar());
  CHECK(p["evpi_per_person"].as<double>() >= 0.0);
  CHECK(p["evpi_for_place"].as<double>() == Approx(200.0 * p["evpi_per_person"].as<double>()));
  // The stepdown scenario costs 100 less with the same QALYs: its ICER is undefined (null).
  const YAML::Node s = ce["stepdown"];
  CHECK(s["incremental_cost"]["mean"].as<double>() == -100.0);
  CHECK(s["icer"]["mean"].IsNull());
  CHECK(s["probability_cost_effective_20000"].as<double>() == 1.0);
  CHECK(s["evpi_per_person"].as<double>() == p["evpi_per_person"].as<double>());
}

TEST_CASE("comparison json has no cost-effectiveness without economic metrics",
          "[json][cost_effectiveness]") {
  const YAML::Node doc = YAML::Load(comparison_json(sample_comparison()));
  CHECK_FALSE(doc["cost_effectiveness"]);
}

TEST_CASE("a comparison file holds the cost-effectiveness group", "[hdf5][cost_effectiveness]") {
  const TempDir dir;
  const std::string path = dir.file("ce.h5");
  const auto written = sample_with_economics();
  write_comparison_hdf5(written, path);
  FileHandle file = h5::open_file_readonly(path);
  GroupHandle g = h5::open_group(file.get(), "cost_effectiveness");
  CHECK(h5::read_string_attribute(g.get(), "baseline") == "baseline");
  CHECK(h5::read_double_attribute(g.get(), "people") == 200.0);
  CHECK(h5::read_double_vector(g.get(), "thresholds") == std::vector<double>{20000, 30000});
  const auto curve = h5::read_double_array(g.get(), "acceptability", 2);
  CHECK(curve.dims == std::vector<std::size_t>{2, 101});
  CHECK(curve.values[20] == 0.5);       // Partners at 20,000.
  CHECK(curve.values[101 + 0] == 1.0);  // Stepdown saves money at any threshold.
  const auto dq = h5::read_double_array(g.get(), "incremental_qalys", 2);
  CHECK(dq.dims == std::vector<std::size_t>{2, 4});
  const auto nmb = h5::read_double_array(g.get(), "net_monetary_benefit_ci95", 3);
  CHECK(nmb.dims == std::vector<std::size_t>{2, 2, 2});
  CHECK(h5::read_double_vector(g.get(), "evpi_per_person").size() == 2);
}

}  // namespace cmhsim::io::test
