// Tests the inversion that draws an uncertain parameter's value from its prior: uniform ends,
// the truncated normal's quantiles, and whole numbers for integer keys.
#include "scenario/parameter_prior.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using cmhsim::scenario::ParameterPrior;
using cmhsim::scenario::prior_quantile;
using cmhsim::scenario::PriorKind;

TEST_CASE("prior_quantile maps probabilities linearly onto a uniform range", "[scenario]") {
  ParameterPrior p;
  p.lo = 2.0;
  p.hi = 6.0;
  CHECK(prior_quantile(p, 0.0) == 2.0);
  CHECK(prior_quantile(p, 0.25) == 3.0);
  CHECK(prior_quantile(p, 0.5) == 4.0);
  p.hi = 2.0;
  CHECK(prior_quantile(p, 0.7) == 2.0);
}

TEST_CASE("prior_quantile inverts a truncated normal within its truncation", "[scenario]") {
  ParameterPrior p;
  p.kind = PriorKind::Normal;
  p.mean = 1.0;
  p.sd = 2.0;
  p.lo = -std::numeric_limits<double>::infinity();
  p.hi = std::numeric_limits<double>::infinity();
  CHECK(prior_quantile(p, 0.5) == Approx(1.0).margin(1e-12));
  CHECK(prior_quantile(p, 0.975) == Approx(1.0 + 2.0 * 1.959963985).epsilon(1e-8));
  // Truncated symmetrically about the mean, the median stays; the ends are the truncation.
  p.lo = 0.0;
  p.hi = 2.0;
  CHECK(prior_quantile(p, 0.5) == Approx(1.0).margin(1e-12));
  CHECK(prior_quantile(p, 0.0) == Approx(0.0).margin(1e-12));
  CHECK(prior_quantile(p, 0.999999) <= 2.0);
  // Truncated to one side, the median moves to where half the remaining mass lies.
  p.lo = 1.0;
  p.hi = std::numeric_limits<double>::infinity();
  CHECK(prior_quantile(p, 0.5) == Approx(1.0 + 2.0 * 0.6744897502).epsilon(1e-8));
}

TEST_CASE("prior_quantile rounds integer keys within their range", "[scenario]") {
  ParameterPrior p;
  p.lo = 0.5;
  p.hi = 3.5;
  p.integer = true;
  CHECK(prior_quantile(p, 0.0) == 1.0);
  CHECK(prior_quantile(p, 0.5) == 2.0);
  CHECK(prior_quantile(p, 0.99) == 3.0);
}
