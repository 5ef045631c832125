// Tests ABC-SMC through its function interface on analytic toy models: posterior recovery, the
// independence of results from how a batch is evaluated, resuming, the budget and the weights.
#include "experiment/abc_smc.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/random_stream.hpp"
#include "experiment/calibration_results.hpp"
#include "experiment/runner.hpp"

using namespace cmhsim::experiment;

namespace {

/// Returns a draw of N(mean, 1) keyed by the request, by Box-Muller.
double noisy(double mean, const PointRequest& r) {
  cmhsim::engine::RandomStream rng({99, r.generation}, r.particle, r.attempt);
  const double u1 = rng.uniform01();
  const double u2 = rng.uniform01();
  return mean + std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

/// Evaluates y ~ N(theta, 1) for each request on `threads` workers.
BatchEvaluator normal_model(int threads) {
  return [threads](const std::vector<PointRequest>& requests) {
    std::vector<std::vector<double>> out(requests.size());
    parallel_tasks(requests.size(), threads,
                   [&](std::uint64_t i) { out[i] = {noisy(requests[i].theta[0], requests[i])}; },
                   {});
    return out;
  };
}

AbcProblem normal_problem() {
  AbcProblem p;
  p.priors = {AbcPrior{-10.0, 10.0}};
  p.observed = {1.0};
  p.sd = {1.0};
  return p;
}

double weighted_sd(const AbcGeneration& g) {
  const double m = weighted_mean(g, 0);
  double v = 0.0;
  for (const AbcParticle& p : g.particles) v += p.weight * (p.theta[0] - m) * (p.theta[0] - m);
  return std::sqrt(v);
}

bool same(const AbcState& a, const AbcState& b) {
  if (a.runs != b.runs || a.generations.size() != b.generations.size()) return false;
  for (std::size_t t = 0; t < a.generations.size(); ++t) {
    const auto& x = a.generations[t];
    const auto& y = b.generations[t];
    if (x.tolerance != y.tolerance || x.proposals != y.proposals ||
        x.particles.size() != y.particles.size()) {
      return false;
    }
    for (std::size_t i = 0; i < x.particles.size(); ++i) {
      if (x.particles[i].theta != y.particles[i].theta ||
          x.particles[i].weight != y.particles[i].weight) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("ABC-SMC recovers the posterior of a normal mean under a flat prior", "[abc]") {
  // y ~ N(theta, 1), y_obs = 1, theta ~ U(-10, 10): the posterior is N(1, 1) (truncation is
  // negligible); ABC's posterior approaches it as the tolerance shrinks.
  AbcOptions o;
  o.population = 1000;
  o.generations = 8;
  o.min_acceptance = 0.001;
  o.seed = 5;
  o.budget = 1000000;
  const AbcState s = run_abc_smc(normal_problem(), o, {}, normal_model(2), {}, {});
  REQUIRE(s.finished);
  CHECK(s.stop_reason == "generations");
  REQUIRE(s.generations.size() == 9);
  const AbcGeneration& last = s.generations.back();
  CHECK(last.tolerance < 0.2);
  CHECK(weighted_mean(last, 0) == Approx(1.0).margin(0.12));
  CHECK(weighted_sd(last) == Approx(1.0).margin(0.12));
  // The tolerances fall generation by generation.
  for (std::size_t t = 2; t < s.generations.size(); ++t) {
    CHECK(s.generations[t].tolerance < s.generations[t - 1].tolerance);
  }
  double total = 0.0;
  for (const AbcParticle& p : last.particles) total += p.weight;
  CHECK(total == Approx(1.0).margin(1e-12));
  const PosteriorEstimate e = posterior_parameter(s, 0);
  CHECK(e.lo == Approx(1.0 - 1.96).margin(0.3));
  CHECK(e.hi == Approx(1.0 + 1.96).margin(0.3));
}

TEST_CASE("ABC-SMC's result does not depend on how a batch is evaluated", "[abc]") {
  AbcOptions o;
  o.population = 100;
  o.generations = 3;
  o.seed = 11;
  const AbcState one = run_abc_smc(normal_problem(), o, {}, normal_model(1), {}, {});
  const AbcState three = run_abc_smc(normal_problem(), o, {}, normal_model(3), {}, {});
  CHECK(same(one, three));
  o.seed = 12;
  const AbcState other = run_abc_smc(normal_problem(), o, {}, normal_model(1), {}, {});
  CHECK_FALSE(same(one, other));
}

TEST_CASE("ABC-SMC resumed from a generation's state ends as an uninterrupted run", "[abc]") {
  AbcOptions o;
  o.population = 100;
  o.generations = 4;
  o.seed = 3;
  const AbcState whole = run_abc_smc(normal_problem(), o, {}, normal_model(2), {}, {});
  AbcState saved;
  int seen = 0;
  bool stop = false;
  const AbcState cut = run_abc_smc(
      normal_problem(), o, {}, normal_model(2),
      [&](const AbcState& s) {
        saved = s;
        stop = ++seen == 2;
      },
      [&] { return stop; });
  CHECK_FALSE(cut.finished);
  REQUIRE(saved.generations.size() == 2);
  const AbcState resumed = run_abc_smc(normal_problem(), o, saved, normal_model(2), {}, {});
  CHECK(resumed.finished);
  CHECK(same(whole, resumed));
}

TEST_CASE("ABC-SMC stops at its budget with the last whole generation", "[abc]") {
  AbcOptions o;
  o.population = 50;
  o.generations = 20;
  o.seed = 1;
  o.runs_per_point = 2;
  o.budget = 600;
  const AbcState s = run_abc_smc(normal_problem(), o, {}, normal_model(1), {}, {});
  CHECK(s.finished);
  CHECK(s.stop_reason == "budget");
  CHECK(s.runs <= 600);
  CHECK(s.generations.size() >= 2);
  std::uint64_t simulated = 0;
  for (const auto& g : s.generations) simulated += g.simulated;
  CHECK(simulated * 2 <= s.runs);
}

TEST_CASE("ABC-SMC with a given tolerance schedule uses it", "[abc]") {
  AbcOptions o;
  o.population = 50;
  o.seed = 2;
  o.tolerances = {2.0, 1.0, 0.5};
  o.generations = 3;
  const AbcState s = run_abc_smc(normal_problem(), o, {}, normal_model(1), {}, {});
  REQUIRE(s.generations.size() == 4);
  CHECK(s.generations[1].tolerance == 2.0);
  CHECK(s.generations[3].tolerance == 0.5);
  for (const AbcParticle& p : s.generations[3].particles) CHECK(p.distance <= 0.5);
}

TEST_CASE("the ABC distance standardises residuals by the targets' sds", "[abc]") {
  AbcProblem p;
  p.priors = {AbcPrior{}};
  p.observed = {1.0, 10.0};
  p.sd = {0.5, 2.0};
  CHECK(abc_distance(p, {2.0, 14.0}) == Approx(std::sqrt(4.0 + 4.0)));
  CHECK(std::isinf(abc_distance(p, {NAN, 10.0})));
  CHECK(weighted_quantile({3.0, 1.0, 2.0}, {1.0, 1.0, 2.0}, 0.5) == 2.0);
}

TEST_CASE("ABC-SMC stops at its tolerance floor and keeps what the targets cannot tell apart",
          "[abc]") {
  // A deterministic prediction that barely moves with theta: every point is within the targets'
  // error, so the posterior must stay close to the uniform prior on [0, 1].
  AbcProblem p;
  p.priors = {AbcPrior{0.0, 1.0}};
  p.observed = {0.0, 0.0};
  p.sd = {1.0, 1.0};
  const BatchEvaluator flat = [](const std::vector<PointRequest>& requests) {
    std::vector<std::vector<double>> out;
    for (const auto& r : requests) out.push_back({0.3 * r.theta[0], 0.1});
    return out;
  };
  AbcOptions o;
  o.population = 400;
  o.generations = 8;
  o.seed = 3;
  o.budget = 100000;
  o.tolerance_floor = chi_median(2);
  const AbcState s = run_abc_smc(p, o, {}, flat, {}, {});
  REQUIRE(s.stop_reason == "tolerance floor");
  REQUIRE(s.generations.size() == 2);
  CHECK(s.generations.back().tolerance == o.tolerance_floor);
  const PosteriorEstimate e = posterior_parameter(s, 0);
  CHECK(e.mean == Approx(0.5).margin(0.05));
  CHECK(e.lo < 0.05);
  CHECK(e.hi > 0.95);
  // Without the floor the tolerance keeps shrinking onto theta = 0, a fit to nothing.
  o.tolerance_floor = 0.0;
  const AbcState u = run_abc_smc(p, o, {}, flat, {}, {});
  CHECK(u.stop_reason == "generations");
  CHECK(posterior_parameter(u, 0).hi < 0.5);
}

TEST_CASE("chi_median is the median of the chi distribution", "[abc]") {
  CHECK(chi_median(1) == Approx(0.6744897502).epsilon(1e-9));  // the normal's |z| median
  CHECK(chi_median(2) == Approx(std::sqrt(2.0 * std::log(2.0))).epsilon(1e-9));
  CHECK_THROWS(chi_median(0));
}
