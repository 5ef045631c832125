// Tests the cost-effectiveness statistics against values computed by hand on small synthetic
// replications: increments, ICER with Fieller's interval, NMB, probability and EVPI.
#include "experiment/cost_effectiveness.hpp"

#include <catch2/catch.hpp>
#include <cmath>

namespace cmhsim::experiment {
namespace {

using Rows = std::vector<std::vector<double>>;

// Baseline and one option over four replications: increments dC = 100, 200, 300, 400 GBP
// and dQ = 0.01, 0.02, 0.01, 0.02 QALYs per person.
const Rows kCosts{{1000, 1000, 1000, 1000}, {1100, 1200, 1300, 1400}};
const Rows kQalys{{5.0, 5.0, 5.0, 5.0}, {5.01, 5.02, 5.01, 5.02}};

}  // namespace

TEST_CASE("increments and the ICER are the ratio of mean paired differences",
          "[experiment][cost_effectiveness]") {
  const CostEffectiveness ce = cost_effectiveness(kCosts, kQalys, {20000, 30000}, {0, 20000}, 150);
  REQUIRE(ce.comparisons.size() == 1);
  const CeComparison& c = ce.comparisons[0];
  CHECK(ce.replications == 4);
  CHECK(c.incremental_cost.mean == Approx(250.0));
  CHECK(c.incremental_qalys.mean == Approx(0.015));
  CHECK(c.icer.mean == Approx(250.0 / 0.015));
  // t(0.975, 3) = 3.182446; sd of dC = 129.0994 so the half-width is 3.182446 * 129.0994 / 2.
  CHECK(c.incremental_cost.hi - c.incremental_cost.mean == Approx(3.182446 * 129.0994 / 2.0));
}

TEST_CASE("net monetary benefit, its interval and the probability cost-effective",
          "[experiment][cost_effectiveness]") {
  const CostEffectiveness ce = cost_effectiveness(kCosts, kQalys, {20000, 30000}, {0, 20000}, 150);
  const CeComparison& c = ce.comparisons[0];
  // NMB at 20000: 200-100, 400-200, 200-300, 400-400 = 100, 200, -100, 0.
  REQUIRE(c.net_monetary_benefit.size() == 2);
  CHECK(c.net_monetary_benefit[0].mean == Approx(50.0));
  const double sd = std::sqrt((50.0 * 50 + 150.0 * 150 + 150.0 * 150 + 50.0 * 50) / 3.0);
  CHECK(c.net_monetary_benefit[0].lo == Approx(50.0 - 3.182446 * sd / 2.0));
  CHECK(c.net_monetary_benefit[0].hi == Approx(50.0 + 3.182446 * sd / 2.0));
  CHECK(c.probability_cost_effective[0] == Approx(0.5));  // 100 and 200 only; 0 is not > 0.
  // NMB at 30000: 200, 400, 0, 200: three of four positive.
  CHECK(c.net_monetary_benefit[1].mean == Approx(200.0));
  CHECK(c.probability_cost_effective[1] == Approx(0.75));
  REQUIRE(c.acceptability.size() == 2);
  CHECK(c.acceptability[0] == 0.0);  // At 0 GBP per QALY only the cost counts: all cost more.
  CHECK(c.acceptability[1] == Approx(0.5));
}

TEST_CASE("EVPI is the expected best NMB minus the best expected NMB",
          "[experiment][cost_effectiveness]") {
  // Per replication the best of (0, NMB) at 20000 is 100, 200, 0, 0 -> mean 75; best mean is
  // the option's 50 (baseline NMB 20000*5-1000 shifts both by the same amount).
  const CostEffectiveness ce = cost_effectiveness(kCosts, kQalys, {20000}, {}, 150);
  REQUIRE(ce.evpi_per_person.size() == 1);
  CHECK(ce.evpi_per_person[0] == Approx(25.0));
  CHECK(ce.people == 150.0);
  CHECK(expected_value_of_perfect_information({{1, 5, 3}, {2, 1, 4}}) ==
        Approx((2.0 + 5 + 4) / 3 - 3.0));
}

TEST_CASE("EVPI is zero when one option is best in every replication",
          "[experiment][cost_effectiveness]") {
  const Rows costs{{1000, 1100, 900}, {500, 600, 400}};
  const Rows qalys{{5.0, 5.1, 4.9}, {5.2, 5.3, 5.1}};
  const CostEffectiveness ce = cost_effectiveness(costs, qalys, {20000, 30000}, {}, 10);
  for (const double evpi : ce.evpi_per_person) CHECK(evpi == 0.0);
  CHECK(ce.comparisons[0].probability_cost_effective[0] == 1.0);
  CHECK(expected_value_of_perfect_information({{1, 2, 3}, {0, 1, 2}, {-5, 0, 1}}) == 0.0);
  CHECK(expected_value_of_perfect_information({{3, 0}, {0, 3}}) == Approx(1.5));
}

TEST_CASE("Fieller's interval of the ICER matches the closed form and is unbounded near zero",
          "[experiment][cost_effectiveness]") {
  const std::vector<double> dc{100, 200, 300, 400};
  const std::vector<double> dq{0.01, 0.02, 0.01, 0.02};
  const engine::Estimate e = icer_with_fieller(dc, dq);
  // Means a = 250, b = 0.015; variances of the means saa = 16666.67/4, sbb = 3.3333e-5/4,
  // sab = 0.33333/4; the roots of (b^2 - t^2 sbb) R^2 - 2 (a b - t^2 sab) R + a^2 - t^2 saa.
  const double t2 = 3.182446 * 3.182446;
  const double saa = 16666.6667 / 4, sbb = 3.33333e-5 / 4, sab = 0.333333 / 4;
  const double qa = 0.015 * 0.015 - t2 * sbb;
  const double qb = 250 * 0.015 - t2 * sab;
  const double qc = 250.0 * 250 - t2 * saa;
  REQUIRE(qa > 0.0);
  const double root = std::sqrt(qb * qb - qa * qc);
  CHECK(e.lo == Approx((qb - root) / qa).epsilon(1e-4));
  CHECK(e.hi == Approx((qb + root) / qa).epsilon(1e-4));
  CHECK(e.lo < e.mean);
  CHECK(e.mean < e.hi);

  const engine::Estimate spread = icer_with_fieller({100, 200, 300}, {0.01, -0.01, 0.002});
  CHECK(std::isfinite(spread.mean));
  CHECK(std::isnan(spread.lo));
  CHECK(std::isnan(spread.hi));

  const engine::Estimate zero = icer_with_fieller({100, 200}, {0.01, -0.01});
  CHECK(std::isnan(zero.mean));
}

TEST_CASE("a negative ICER is reported as the ratio", "[experiment][cost_effectiveness]") {
  // Cheaper and better: dC = -100, dQ = 0.01 each time.
  const engine::Estimate e = icer_with_fieller({-100, -100, -100}, {0.01, 0.01, 0.01});
  CHECK(e.mean == Approx(-10000.0));
  CHECK(e.lo == Approx(-10000.0));
  CHECK(e.hi == Approx(-10000.0));
}

TEST_CASE("replications not finite in every scenario are left out",
          "[experiment][cost_effectiveness]") {
  const double nan = std::nan("");
  const Rows costs{{1000, nan, 1000}, {1100, 1200, 1300}};
  const Rows qalys{{5.0, 5.0, 5.0}, {5.01, 5.02, 5.03}};
  const CostEffectiveness ce = cost_effectiveness(costs, qalys, {20000}, {}, 1);
  CHECK(ce.replications == 2);
  CHECK(ce.comparisons[0].incremental_cost.mean == Approx(200.0));
}

TEST_CASE("bad cost-effectiveness inputs are refused", "[experiment][cost_effectiveness]") {
  CHECK_THROWS_AS(cost_effectiveness(kCosts, kQalys, {}, {}, 1), CostEffectivenessError);
  CHECK_THROWS_AS(cost_effectiveness(kCosts, kQalys, {-1}, {}, 1), CostEffectivenessError);
  CHECK_THROWS_AS(cost_effectiveness({{1, 2}, {1}}, {{1, 2}, {1}}, {20000}, {}, 1),
                  CostEffectivenessError);
  CHECK(threshold_label(20000) == "20000");
  CHECK(threshold_label(12500.5) == "12500.5");
  CHECK(default_curve_thresholds().size() == 101);
  CHECK(default_curve_thresholds().back() == 100000.0);
}

}  // namespace cmhsim::experiment
