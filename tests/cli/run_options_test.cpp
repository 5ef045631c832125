// End-to-end tests of `cmhsim run --set` (overrides match an edited file) and `--precision`
// (sequential replications stop at the first batch meeting the target).
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_support.hpp"
#include "engine/confidence.hpp"
#include "h5_compare.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::Result;
using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;
using cmhsim::cli_test::slurp;

std::string scenario_text(int fte) {
  return "name: small_ics\nhorizon_days: 730\nwarmup_days: 180\nreplications: 4\nseed: 11\n"
         "population:\n  register_size: 3000\n  practices: 40\n  pcns: 6\n"
         "  adults_16_65: 200000\ncare_partners:\n  fte: " +
         std::to_string(fte) + "\nsupervision:\n  supervisor_fte: 1\n";
}

}  // namespace

TEST_CASE("run --set changes results exactly as editing the file does", "[cli][overrides]") {
  const auto dir = scratch("run-set");
  std::ofstream(dir / "a.yaml") << scenario_text(2);
  std::ofstream(dir / "b.yaml") << scenario_text(12);
  auto r =
      run_cmhsim("run " + (dir / "a.yaml").string() + " -q -o " + (dir / "a.h5").string(), dir);
  REQUIRE(r.code == 0);
  r = run_cmhsim("run " + (dir / "b.yaml").string() + " -q -o " + (dir / "b.h5").string(), dir);
  REQUIRE(r.code == 0);
  r = run_cmhsim("run " + (dir / "a.yaml").string() + " -q --set care_partners.fte=12 -o " +
                     (dir / "set.h5").string(),
                 dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto a = cmhsim::test::read_all_datasets((dir / "a.h5").string());
  const auto b = cmhsim::test::read_all_datasets((dir / "b.h5").string());
  const auto set = cmhsim::test::read_all_datasets((dir / "set.h5").string());
  for (const char* name : {"metrics/replications", "series/replications", "replications/events"}) {
    INFO(name);
    CHECK(set.at(name) == b.at(name));
    CHECK_FALSE(set.at(name) == a.at(name));
  }
  r = run_cmhsim("run " + (dir / "a.yaml").string() + " --set care_partners.ftee=3", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("care_partners.ftee") != std::string::npos);
}

TEST_CASE("run --precision stops at the first batch that meets the target", "[cli][precision]") {
  const auto dir = scratch("run-precision");
  std::ofstream(dir / "a.yaml") << scenario_text(4);
  // Tight enough that the first two replications (an interval with t = 12.7) seldom meet it.
  const double target = 0.03;
  auto r = run_cmhsim("run " + (dir / "a.yaml").string() +
                          " -q --threads 2 --precision admissions_per_1000_per_year=0.03"
                          " --max-replications 60 -o " +
                          (dir / "p.h5").string(),
                      dir);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  // The report says "... after N replications ...".
  const std::size_t after = r.out.find("after ");
  REQUIRE(after != std::string::npos);
  REQUIRE(r.out.find(" replications", after) != std::string::npos);
  const std::size_t n = std::stoul(r.out.substr(after + 6));
  CHECK(n % 2 == 0);  // batches of the thread count
  CHECK(n > 2);       // the target needs more than the first batch at this size
  CHECK(r.out.find("<= 0.03") != std::string::npos);

  // The relative half-width, recomputed from the stored replications, meets the target at n and
  // not one batch earlier.
  const auto data = cmhsim::test::read_all_datasets((dir / "p.h5").string());
  const auto& table = data.at("metrics/replications");
  REQUIRE(table.dims[0] == n);
  const std::size_t cols = table.dims[1];
  std::vector<std::string> names;
  {
    using namespace cmhsim::io;
    const ErrorSilencer quiet;
    FileHandle file = h5::open_file_readonly((dir / "p.h5").string());
    DatasetHandle ds(H5Dopen2(file.get(), "metrics/replications", H5P_DEFAULT));
    names = h5::read_strings_attribute(ds.get(), "names");
  }
  const auto col = static_cast<std::size_t>(
      std::find(names.begin(), names.end(), "admissions_per_1000_per_year") - names.begin());
  REQUIRE(col < cols);
  const auto relative = [&](std::size_t count) {
    cmhsim::engine::Welford w;
    for (std::size_t i = 0; i < count; ++i) w.add(table.numbers[i * cols + col]);
    const auto e = cmhsim::engine::confidence_interval(w, 0.95);
    return e.half_width() / std::abs(e.mean);
  };
  CHECK(relative(n) <= target);
  CHECK(relative(n - 2) > target);

  // The same results as a fixed run of n replications.
  r = run_cmhsim("run " + (dir / "a.yaml").string() + " -q --replications " + std::to_string(n) +
                     " -o " + (dir / "fixed.h5").string(),
                 dir);
  REQUIRE(r.code == 0);
  const auto fixed = cmhsim::test::read_all_datasets((dir / "fixed.h5").string());
  CHECK(fixed.at("metrics/replications") == table);
  CHECK(fixed.at("series/replications") == data.at("series/replications"));
  CHECK(fixed.at("metrics/summary/mean") == data.at("metrics/summary/mean"));

  r = run_cmhsim("run " + (dir / "a.yaml").string() + " --precision no_such_metric=0.1", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("no outcome called 'no_such_metric'") != std::string::npos);
}
