// Tests of parameter sets on disk: bit-exact CSV and HDF5 round trips, and CSV errors that name
// the file, line and column.
#include "io/parameter_sets_io.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "io/hdf5_primitives.hpp"
#include "io_test_support.hpp"

namespace {

using cmhsim::experiment::ParameterSets;
using cmhsim::experiment::ParameterSetsError;
using cmhsim::io::test::bits;
using cmhsim::io::test::TempDir;
using cmhsim::io::test::write_bytes;

/// Returns sets whose values need all 17 digits to read back exactly.
ParameterSets awkward_sets() {
  return ParameterSets{{"care_partners.fte", "services.cmht.queue.capacity", "x.y.z"},
                       {{0.1, 1.0 / 3.0, 5e-324}, {-2.5e300, 123456789.123456789, 0.0}},
                       {1.0 / 3.0, 2.0 / 3.0},
                       "cmhsim calibrate cal.yaml -o cal.h5\ncommit abc123"};
}

void require_same(const ParameterSets& a, const ParameterSets& b) {
  REQUIRE(a.keys == b.keys);
  REQUIRE(a.provenance == b.provenance);
  REQUIRE(a.values.size() == b.values.size());
  REQUIRE(a.weights.size() == b.weights.size());
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    REQUIRE(bits(a.weights[i]) == bits(b.weights[i]));
    REQUIRE(a.values[i].size() == b.values[i].size());
    for (std::size_t k = 0; k < a.values[i].size(); ++k) {
      REQUIRE(bits(a.values[i][k]) == bits(b.values[i][k]));
    }
  }
}

/// Returns the message of the ParameterSetsError reading `path` throws.
std::string read_error(const std::string& path) {
  try {
    cmhsim::io::read_parameter_sets(path);
  } catch (const ParameterSetsError& e) {
    return e.what();
  }
  FAIL("reading " << path << " did not throw");
  return "";
}

}  // namespace

TEST_CASE("parameter sets round-trip bit-exactly through CSV") {
  const TempDir dir;
  const std::string path = dir.file("sets.csv");
  cmhsim::io::write_parameter_sets_csv(awkward_sets(), path);
  const std::string text = cmhsim::io::test::read_bytes(path);
  REQUIRE(text.rfind("# cmhsim calibrate cal.yaml -o cal.h5\n# commit abc123\n"
                     "weight,care_partners.fte,services.cmht.queue.capacity,x.y.z\n",
                     0) == 0);
  REQUIRE(text.find("0.33333333333333331,0.10000000000000001,") != std::string::npos);
  require_same(awkward_sets(), cmhsim::io::read_parameter_sets(path));
  // No temporary is left beside the file.
  REQUIRE(dir.entries() == std::set<std::string>{"sets.csv"});
}

TEST_CASE("parameter sets round-trip bit-exactly through an HDF5 group") {
  const TempDir dir;
  const std::string path = dir.file("sets.h5");
  {
    const cmhsim::io::ErrorSilencer quiet;
    auto file = cmhsim::io::h5::create_file(path);
    auto root = cmhsim::io::h5::open_root(file.get());
    cmhsim::io::write_parameter_sets_group(root.get(), awkward_sets());
    auto run = cmhsim::io::h5::create_group(root.get(), "run");
    cmhsim::io::write_parameter_sets_group(run.get(), awkward_sets(), "sets_used");
    const ParameterSets back = cmhsim::io::read_parameter_sets_group(run.get(), "sets_used");
    require_same(awkward_sets(), back);
  }
  require_same(awkward_sets(), cmhsim::io::read_parameter_sets(path));
}

TEST_CASE("an HDF5 file without parameter sets is an error naming the group") {
  const TempDir dir;
  const std::string path = dir.file("none.h5");
  {
    const cmhsim::io::ErrorSilencer quiet;
    auto file = cmhsim::io::h5::create_file(path);
  }
  const std::string message = read_error(path);
  REQUIRE(message.find(path) != std::string::npos);
  REQUIRE(message.find("'/parameter_sets' is missing") != std::string::npos);
}

TEST_CASE("a CSV without a weight column weighs every set the same") {
  const TempDir dir;
  const std::string path = dir.file("plain.csv");
  write_bytes(path, "a.b, c.d\r\n1, 2\r\n\n3,4\n5,6\n");
  const ParameterSets s = cmhsim::io::read_parameter_sets(path);
  REQUIRE(s.keys == std::vector<std::string>{"a.b", "c.d"});
  REQUIRE(s.values == std::vector<std::vector<double>>{{1, 2}, {3, 4}, {5, 6}});
  REQUIRE(s.weights == std::vector<double>(3, 1.0 / 3.0));
  REQUIRE(s.provenance.empty());
}

TEST_CASE("bad parameter set CSV files give errors at file, line and column") {
  const TempDir dir;
  const std::string path = dir.file("bad.csv");
  SECTION("a value that is not a number") {
    write_bytes(path, "# made by hand\nweight,a.b,c.d\n0.5,1,2\n0.5,1,x2\n");
    REQUIRE(read_error(path) == path + ":4:7: the value of 'c.d' is not a number: 'x2'");
  }
  SECTION("a missing value") {
    write_bytes(path, "weight,a.b,c.d\n1,1\n");
    REQUIRE(read_error(path) == path + ":2:4: expected 3 values, found 2");
  }
  SECTION("an extra value") {
    write_bytes(path, "weight,a.b\n1,1,  7\n");
    REQUIRE(read_error(path) == path + ":2:7: expected 2 values, found 3");
  }
  SECTION("a repeated key") {
    write_bytes(path, "weight,a.b,a.b\n1,1,1\n");
    REQUIRE(read_error(path) == path + ":1:12: key 'a.b' appears twice");
  }
  SECTION("a negative weight") {
    write_bytes(path, "weight,a.b\n-1,1\n2,1\n");
    REQUIRE(read_error(path) == path + ":2:1: a weight must be >= 0");
  }
  SECTION("an infinite value") {
    write_bytes(path, "a.b\ninf\n");
    REQUIRE(read_error(path) == path + ":2:1: the value of 'a.b' is not finite");
  }
  SECTION("no sets") {
    write_bytes(path, "weight,a.b\n");
    REQUIRE(read_error(path) == path + ":2:1: the file holds no parameter sets");
  }
  SECTION("weights that do not sum to 1") {
    write_bytes(path, "weight,a.b\n0.5,1\n0.4,2\n");
    REQUIRE(read_error(path).find(path + ": parameter set weights sum to 0.9") == 0);
  }
}

TEST_CASE("a missing parameter sets file is an error naming it") {
  const TempDir dir;
  REQUIRE(read_error(dir.file("nope.csv")) ==
          dir.file("nope.csv") + ": no such parameter sets file");
}
