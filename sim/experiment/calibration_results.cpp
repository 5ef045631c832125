// Posterior summaries of a calibration: weighted means and 95% intervals of the parameters and of
// the targets' predictions over the last generation's particles.
#include "experiment/calibration_results.hpp"

#include <stdexcept>

namespace cmhsim::experiment {
namespace {

template <class Value>
PosteriorEstimate estimate(const AbcState& state, const Value& value) {
  if (state.generations.empty()) throw std::logic_error("a calibration without generations");
  const AbcGeneration& g = state.generations.back();
  std::vector<double> values;
  std::vector<double> weights;
  PosteriorEstimate e;
  for (const AbcParticle& p : g.particles) {
    values.push_back(value(p));
    weights.push_back(p.weight);
    e.mean += p.weight * values.back();
  }
  e.lo = weighted_quantile(values, weights, 0.025);
  e.hi = weighted_quantile(values, weights, 0.975);
  return e;
}

}  // namespace

PosteriorEstimate posterior_parameter(const AbcState& state, std::size_t k) {
  return estimate(state, [k](const AbcParticle& p) { return p.theta.at(k); });
}

PosteriorEstimate posterior_predictive(const AbcState& state, std::size_t t) {
  return estimate(state, [t](const AbcParticle& p) { return p.predicted.at(t); });
}

}  // namespace cmhsim::experiment
