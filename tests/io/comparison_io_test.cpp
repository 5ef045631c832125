// Tests comparison files and comparison JSON: layout, bit-exact round trip and the JSON shape.
// Knows the documented schema; builds comparisons by hand, without running a model.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "io/comparison_json.hpp"
#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {

TEST_CASE("a comparison file holds one group per scenario and the differences", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("cmp.h5");
  const auto written = sample_comparison();
  write_comparison_hdf5(written, path);
  {
    FileHandle file = h5::open_file_readonly(path);
    const hid_t f = file.get();
    CHECK(h5::read_i64_attribute(f, "schema_version") == 2);
    CHECK(h5::read_string_attribute(f, "content") == "comparison");
    GroupHandle scenarios = h5::open_group(f, "scenarios");
    CHECK(h5::read_strings_attribute(scenarios.get(), "order") == written.names);
    GroupHandle partners = h5::open_group(scenarios.get(), "partners");
    CHECK(h5::read_string_attribute(partners.get(), "model") == "pathway");
    CHECK(h5::has_link(partners.get(), "metrics"));
    CHECK(h5::has_link(partners.get(), "series"));
    CHECK(h5::has_link(partners.get(), "services"));
    GroupHandle cmp = h5::open_group(f, "comparison");
    CHECK(h5::read_string_attribute(cmp.get(), "baseline") == "baseline");
    CHECK(h5::read_strings_attribute(cmp.get(), "compared") ==
          std::vector<std::string>{"partners", "stepdown"});
    CHECK(h5::read_strings_attribute(cmp.get(), "names").size() == 3);
    for (const char* name :
         {"difference_mean", "ci95_lo", "ci95_hi", "unpaired_ci95_lo", "unpaired_ci95_hi"}) {
      INFO(name);
      const auto a = h5::read_double_array(cmp.get(), name, 2);
      CHECK(a.dims == std::vector<std::size_t>{2, 3});
    }
    const auto lo = h5::read_double_array(cmp.get(), "ci95_lo", 2);
    CHECK(bits(lo.values[1 * 3 + 2]) == bits(written.differences[1][2].paired.lo));
  }
  const auto read = read_comparison_hdf5(path);
  CHECK(read.names == written.names);
  CHECK(read.seed == written.seed);
  CHECK(read.replications == 3);
  REQUIRE(read.runs.size() == 3);
  CHECK(read.runs[2].provenance.scenario_path == "scenarios/stepdown.yaml");
  CHECK(read.runs[1].metric_infos.size() == 2);
  REQUIRE(read.outcomes.size() == 3);
  CHECK(read.outcomes[2].name == "services.cmht.mean_wait");
  for (std::size_t s = 0; s < 3; ++s) {
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(bits(read.estimates[s][k].mean) == bits(written.estimates[s][k].mean));
      CHECK(bits(read.estimates[s][k].hi) == bits(written.estimates[s][k].hi));
    }
  }
  for (std::size_t s = 0; s < 2; ++s) {
    for (std::size_t k = 0; k < 3; ++k) {
      const auto& x = written.differences[s][k];
      const auto& y = read.differences[s][k];
      CHECK(bits(y.paired.mean) == bits(x.paired.mean));
      CHECK(bits(y.paired.lo) == bits(x.paired.lo));
      CHECK(bits(y.paired.hi) == bits(x.paired.hi));
      CHECK(y.paired.n == x.paired.n);
      CHECK(bits(y.unpaired.lo) == bits(x.unpaired.lo));
      CHECK(bits(y.unpaired.hi) == bits(x.unpaired.hi));
    }
  }
  CHECK_THROWS_WITH(read_results_hdf5(path), Catch::Contains("comparison file"));
}

TEST_CASE("a comparison with mismatched tables is refused", "[hdf5][bad-input]") {
  const TempDir dir;
  auto c = sample_comparison();
  c.differences.pop_back();
  CHECK_THROWS_WITH(write_comparison_hdf5(c, dir.file("bad.h5")),
                    Catch::Contains("3 scenarios but 3 sets of estimates and 1 sets"));
  c = sample_comparison();
  c.names[2] = "base/line";
  CHECK_THROWS_WITH(write_comparison_hdf5(c, dir.file("bad.h5")),
                    Catch::Contains("scenario name 'base/line'"));
  CHECK(dir.entries().empty());
}

TEST_CASE("comparison json has the documented shape", "[json]") {
  const auto c = sample_comparison();
  const std::string text = comparison_json(c);
  CHECK(text.rfind(R"({"scenarios":["baseline","partners","stepdown"],"baseline":"baseline",)"
                   R"("metrics":{"crises_per_1000_per_year":{"baseline":{"mean":0.125,)"
                   R"("ci95":[-0.875,1.125]},)",
                   0) == 0);
  const YAML::Node doc = YAML::Load(text);
  REQUIRE(doc["scenarios"].size() == 3);
  const YAML::Node metric = doc["metrics"]["crises_per_1000_per_year.by_network.formal_sparse"];
  REQUIRE(metric.IsMap());
  CHECK(metric.size() == 3);
  CHECK(metric["stepdown"]["mean"].as<double>() == 21.125);
  CHECK(metric["stepdown"]["ci95"][1].as<double>() == 22.125);
  const YAML::Node diffs = doc["differences"];
  REQUIRE(diffs.size() == 2);
  CHECK_FALSE(diffs["baseline"]);
  const YAML::Node d = diffs["partners"]["services.cmht.mean_wait"];
  CHECK(d["mean"].as<double>() == 10.0);
  CHECK(d["ci95"][0].as<double>() == 9.75);
  CHECK(d["unpaired_ci95"][1].as<double>() == 12.0);
  CHECK(diffs["stepdown"]["crises_per_1000_per_year.by_network.formal_sparse"]["ci95"][0].IsNull());
  CHECK(doc["replications"].as<std::uint64_t>() == 3);
  CHECK(doc["seed"].as<std::uint64_t>() == 20261123);
}

}  // namespace cmhsim::io::test
