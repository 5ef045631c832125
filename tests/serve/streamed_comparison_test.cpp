// Tests streamed comparisons against experiment::compare: every partial answer equals a
// fixed-count comparison of as many replications, bit for bit; stopping and precision.
#include "serve/streamed_comparison.hpp"

#include <bit>
#include <catch2/catch.hpp>

#include "scenario/overrides.hpp"
#include "serve/what_if.hpp"
#include "serve_support.hpp"

namespace cmhsim::serve::test {
namespace {

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

bool same(const engine::Estimate& a, const engine::Estimate& b) {
  return bits(a.mean) == bits(b.mean) && bits(a.lo) == bits(b.lo) && bits(a.hi) == bits(b.hi) &&
         a.n == b.n;
}

WhatIf small_what_if(const std::string& name) {
  const auto dir = scratch(name);
  const std::string file = write_file(dir / "base.yaml", small_pathway("base"));
  const Baseline base{file, scenario::load_scenario_file(file)};
  return make_what_if(base, scenario::parse_set_options({"care_partners.fte=3"}));
}

}  // namespace

TEST_CASE("every partial answer equals experiment::compare with as many replications",
          "[serve][stream]") {
  const WhatIf w = small_what_if("stream");
  StreamSettings settings;
  settings.seed = 4;
  settings.max_replications = 5;
  settings.threads = 2;
  const std::atomic<bool> stop{false};
  std::vector<std::uint64_t> counts;
  const StreamEnd end =
      run_in_batches(w.arms(), settings, stop, [&](const experiment::ComparisonResults& partial) {
        counts.push_back(partial.replications);
        experiment::RunOptions options;
        options.seed = 4;
        options.replications = partial.replications;
        options.threads = 1;
        const auto whole = experiment::compare(w.arms(), options);
        REQUIRE(whole.outcomes.size() == partial.outcomes.size());
        for (std::size_t k = 0; k < whole.outcomes.size(); ++k) {
          INFO(whole.outcomes[k].name << " after " << partial.replications);
          CHECK(same(whole.estimates[0][k], partial.estimates[0][k]));
          CHECK(same(whole.estimates[1][k], partial.estimates[1][k]));
          CHECK(same(whole.differences[0][k].paired, partial.differences[0][k].paired));
          CHECK(same(whole.differences[0][k].unpaired, partial.differences[0][k].unpaired));
        }
        for (std::size_t s = 0; s < 2; ++s) {
          const auto& a = whole.runs[s].series_summary;
          const auto& b = partial.runs[s].series_summary;
          REQUIRE(a.size() == b.size());
          for (std::size_t m = 0; m < a.size(); ++m) {
            for (std::size_t k = 0; k < a[m].size(); ++k) CHECK(same(a[m][k], b[m][k]));
          }
        }
      });
  CHECK(end == StreamEnd::Limit);
  CHECK(counts == std::vector<std::uint64_t>{2, 4, 5});
}

TEST_CASE("a streamed comparison stops at the next batch once asked", "[serve][stream]") {
  const WhatIf w = small_what_if("stop");
  StreamSettings settings;
  settings.seed = 4;
  settings.max_replications = 50;
  settings.threads = 1;
  std::atomic<bool> stop{false};
  int batches = 0;
  const StreamEnd end =
      run_in_batches(w.arms(), settings, stop, [&](const experiment::ComparisonResults&) {
        if (++batches == 2) stop = true;
      });
  CHECK(end == StreamEnd::Cancelled);
  CHECK(batches == 2);
}

TEST_CASE("precision compares each headline half-width with the larger mean", "[serve][stream]") {
  experiment::ComparisonResults r;
  r.outcomes = {{"people_in_gap", "people", ""}, {"other", "x", ""}};
  r.estimates = {{{100.0, 90.0, 110.0, 5}, {1.0, 0.0, 2.0, 5}},
                 {{80.0, 70.0, 90.0, 5}, {1.0, 0.0, 2.0, 5}}};
  r.differences = {{{{-20.0, -21.0, -19.0, 5}, {}}, {{0.0, -50.0, 50.0, 5}, {}}}};
  StreamSettings settings;
  settings.precision_outcomes = {"people_in_gap"};
  settings.precision = 0.01;
  CHECK(precise_enough(r, settings));  // half-width 1 <= 0.01 * 100
  settings.precision = 0.009;
  CHECK_FALSE(precise_enough(r, settings));
  settings.precision = 0.0;
  CHECK_FALSE(precise_enough(r, settings));  // 0 asks for every replication
}

TEST_CASE("incomparable arms are refused before anything runs", "[serve][stream]") {
  const auto dir = scratch("incomparable");
  const std::string file = write_file(dir / "base.yaml", small_pathway("base"));
  const Baseline base{file, scenario::load_scenario_file(file)};
  const WhatIf w =
      make_what_if(base, scenario::parse_set_options({"population.register_size=600"}));
  const std::atomic<bool> stop{false};
  int batches = 0;
  CHECK_THROWS_AS(run_in_batches(w.arms(), StreamSettings{}, stop,
                                 [&](const experiment::ComparisonResults&) { ++batches; }),
                  experiment::ComparisonError);
  CHECK(batches == 0);
}

}  // namespace cmhsim::serve::test
