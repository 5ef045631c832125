// ABC-SMC: proposals from the prior or from the previous population through a Gaussian kernel
// with twice its weighted covariance, rounds of points evaluated as a batch, acceptance in slot
// order, importance weights, and the adaptive or given tolerance schedule.
#include "experiment/abc_smc.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "engine/inverse_cdf.hpp"
#include "engine/random_stream.hpp"

namespace cmhsim::experiment {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

using Matrix = std::vector<std::vector<double>>;

double standard_normal_quantile(double u) {
  static const boost::math::normal_distribution<double> z;
  return boost::math::quantile(z, u);
}

/// Returns a draw from the prior, by inversion (a normal's truncation is exact, not rejection).
double draw_prior(const AbcPrior& p, engine::RandomStream& rng) {
  const double u = rng.uniform01();
  if (!p.normal) return p.lo + (p.hi - p.lo) * u;
  return engine::truncated_normal_quantile(p.mean, p.sd, p.lo, p.hi, u);
}

/// Returns the prior density at `theta` up to a constant (0 outside the support).
double prior_density(const std::vector<AbcPrior>& priors, const std::vector<double>& theta) {
  double d = 1.0;
  for (std::size_t k = 0; k < priors.size(); ++k) {
    const AbcPrior& p = priors[k];
    if (!(theta[k] >= p.lo && theta[k] <= p.hi)) return 0.0;
    if (p.normal) {
      const double z = (theta[k] - p.mean) / p.sd;
      d *= std::exp(-0.5 * z * z);
    }
  }
  return d;
}

/// Returns the lower Cholesky factor of `a`, adding a little to the diagonal if it is singular.
Matrix cholesky(Matrix a, const std::vector<AbcPrior>& priors) {
  const std::size_t n = a.size();
  for (int attempt = 0; attempt < 8; ++attempt) {
    Matrix l(n, std::vector<double>(n, 0.0));
    bool ok = true;
    for (std::size_t i = 0; i < n && ok; ++i) {
      for (std::size_t j = 0; j <= i; ++j) {
        double s = a[i][j];
        for (std::size_t k = 0; k < j; ++k) s -= l[i][k] * l[j][k];
        if (i == j) {
          if (!(s > 0.0)) {
            ok = false;
            break;
          }
          l[i][i] = std::sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    if (ok) return l;
    // A population collapsed on one value (a whole-number key) still needs a kernel.
    for (std::size_t i = 0; i < n; ++i) {
      const double width = priors[i].hi - priors[i].lo;
      a[i][i] += std::pow(10.0, attempt - 10) * width * width;
    }
  }
  throw std::runtime_error("ABC-SMC: the population's covariance has no Cholesky factor");
}

/// Holds the perturbation kernel of one generation (Beaumont et al. 2009).
struct Kernel {
  Matrix chol;                     ///< Of twice the previous population's weighted covariance.
  std::vector<double> cumulative;  ///< Cumulative weights of the previous population.
};

Kernel make_kernel(const AbcGeneration& prev, const std::vector<AbcPrior>& priors) {
  const std::size_t n = priors.size();
  std::vector<double> mean(n, 0.0);
  for (const AbcParticle& p : prev.particles) {
    for (std::size_t k = 0; k < n; ++k) mean[k] += p.weight * p.theta[k];
  }
  Matrix cov(n, std::vector<double>(n, 0.0));
  for (const AbcParticle& p : prev.particles) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        cov[i][j] += p.weight * (p.theta[i] - mean[i]) * (p.theta[j] - mean[j]);
      }
    }
  }
  for (auto& row : cov) {
    for (double& v : row) v *= 2.0;
  }
  Kernel k;
  k.chol = cholesky(cov, priors);
  double sum = 0.0;
  for (const AbcParticle& p : prev.particles) {
    sum += p.weight;
    k.cumulative.push_back(sum);
  }
  return k;
}

/// Returns |L^-1 d|^2, the kernel's Mahalanobis distance of the difference `d`.
double mahalanobis(const Matrix& l, const std::vector<double>& d) {
  const std::size_t n = d.size();
  std::vector<double> y(n, 0.0);
  double out = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double s = d[i];
    for (std::size_t k = 0; k < i; ++k) s -= l[i][k] * y[k];
    y[i] = s / l[i][i];
    out += y[i] * y[i];
  }
  return out;
}

/// Returns the proposal of (generation, particle, attempt): from the prior in generation 0, else
/// a weighted ancestor of `prev` moved by the kernel.
std::vector<double> propose(const AbcProblem& problem, const AbcOptions& options,
                            std::uint64_t generation, std::uint64_t particle, std::uint64_t attempt,
                            const AbcGeneration* prev, const Kernel* kernel) {
  engine::RandomStream rng(engine::RngKey{options.seed, generation}, particle, attempt);
  const std::size_t n = problem.priors.size();
  std::vector<double> theta(n);
  if (prev == nullptr) {
    for (std::size_t k = 0; k < n; ++k) theta[k] = draw_prior(problem.priors[k], rng);
    return theta;
  }
  const double u = rng.uniform01() * kernel->cumulative.back();
  const auto at = std::lower_bound(kernel->cumulative.begin(), kernel->cumulative.end(), u);
  const std::size_t j = std::min<std::size_t>(
      static_cast<std::size_t>(at - kernel->cumulative.begin()), prev->particles.size() - 1);
  std::vector<double> z(n);
  for (double& v : z) v = standard_normal_quantile(rng.uniform01());
  for (std::size_t i = 0; i < n; ++i) {
    double s = prev->particles[j].theta[i];
    for (std::size_t k = 0; k <= i; ++k) s += kernel->chol[i][k] * z[k];
    theta[i] = s;
  }
  return theta;
}

/// Sets the importance weights of a generation drawn through `kernel` from `prev`, normalised.
void weigh(const AbcProblem& problem, const AbcGeneration* prev, const Kernel* kernel,
           AbcGeneration& g) {
  double total = 0.0;
  for (AbcParticle& p : g.particles) {
    if (prev == nullptr) {
      p.weight = 1.0;
    } else {
      double denominator = 0.0;
      std::vector<double> d(p.theta.size());
      for (const AbcParticle& q : prev->particles) {
        for (std::size_t k = 0; k < d.size(); ++k) d[k] = p.theta[k] - q.theta[k];
        denominator += q.weight * std::exp(-0.5 * mahalanobis(kernel->chol, d));
      }
      p.weight = prior_density(problem.priors, p.theta) / denominator;
    }
    total += p.weight;
  }
  for (AbcParticle& p : g.particles) p.weight /= total;
}

/// Returns the tolerance of generation `t` (>= 1).
double tolerance_of(const AbcOptions& options, const AbcGeneration& prev, std::size_t t) {
  if (!options.tolerances.empty()) return options.tolerances.at(t - 1);
  std::vector<double> d;
  for (const AbcParticle& p : prev.particles) d.push_back(p.distance);
  // A deterministic prediction (common random numbers) cannot show the targets' errors, so
  // distances below the floor would be fitting the observations' noise.
  return std::max(options.tolerance_floor,
                  weighted_quantile(d, std::vector<double>(d.size(), 1.0), options.quantile));
}

/// Runs generation t; returns it, or nothing when stopped or out of budget (state says which).
std::optional<AbcGeneration> run_generation(const AbcProblem& problem, const AbcOptions& options,
                                            AbcState& state, const BatchEvaluator& evaluate,
                                            const std::function<bool()>& stop) {
  const std::uint64_t t = state.generations.size();
  const AbcGeneration* prev = t == 0 ? nullptr : &state.generations.back();
  std::optional<Kernel> kernel;
  if (prev != nullptr) kernel = make_kernel(*prev, problem.priors);
  AbcGeneration g;
  g.tolerance = prev == nullptr ? kInf : tolerance_of(options, *prev, t);
  const std::size_t n = options.population;
  std::vector<std::optional<AbcParticle>> slots(n);
  std::vector<std::uint64_t> next_attempt(n, 0);
  std::vector<std::size_t> pending(n);
  std::iota(pending.begin(), pending.end(), std::size_t{0});
  const std::size_t min_batch = options.min_batch == 0 ? n : options.min_batch;
  while (!pending.empty()) {
    if (stop && stop()) return std::nullopt;
    // Several attempts per open slot keep the batch wide as slots fill; the count depends only on
    // how many are open, so the points evaluated never depend on the threads or ranks.
    const std::uint64_t k =
        std::max<std::uint64_t>(1, (min_batch + pending.size() - 1) / pending.size());
    std::vector<PointRequest> requests;
    std::vector<std::vector<std::optional<std::size_t>>> index(pending.size());
    for (std::size_t s = 0; s < pending.size(); ++s) {
      const std::size_t slot = pending[s];
      for (std::uint64_t a = 0; a < k; ++a) {
        const std::uint64_t attempt = next_attempt[slot] + a;
        std::vector<double> theta =
            propose(problem, options, t, slot, attempt, prev, kernel ? &*kernel : nullptr);
        if (prior_density(problem.priors, theta) > 0.0) {
          index[s].emplace_back(requests.size());
          requests.push_back(PointRequest{std::move(theta), t, slot, attempt});
        } else {
          index[s].emplace_back(std::nullopt);
        }
      }
    }
    const std::uint64_t cost = requests.size() * options.runs_per_point;
    if (state.runs + cost > options.budget) {
      state.finished = true;
      state.stop_reason = "budget";
      return std::nullopt;
    }
    const std::vector<std::vector<double>> predicted = evaluate(requests);
    if (predicted.size() != requests.size()) {
      throw std::logic_error("ABC-SMC: the evaluator returned the wrong number of points");
    }
    state.runs += cost;
    g.simulated += requests.size();
    g.proposals += pending.size() * k;
    std::vector<std::size_t> still;
    for (std::size_t s = 0; s < pending.size(); ++s) {
      const std::size_t slot = pending[s];
      for (const auto& r : index[s]) {
        if (!r) continue;
        const double d = abc_distance(problem, predicted[*r]);
        if (d < kInf && d <= g.tolerance) {
          slots[slot] = AbcParticle{requests[*r].theta, 0.0, d, predicted[*r]};
          break;
        }
      }
      next_attempt[slot] += k;
      if (!slots[slot]) still.push_back(slot);
    }
    pending = std::move(still);
  }
  for (auto& p : slots) g.particles.push_back(std::move(*p));
  weigh(problem, prev, kernel ? &*kernel : nullptr, g);
  return g;
}

}  // namespace

double chi_median(std::size_t degrees) {
  if (degrees == 0) throw std::invalid_argument("chi_median needs at least one degree of freedom");
  return std::sqrt(boost::math::quantile(
      boost::math::chi_squared_distribution<double>(static_cast<double>(degrees)), 0.5));
}

double abc_distance(const AbcProblem& problem, const std::vector<double>& predicted) {
  if (predicted.size() != problem.observed.size()) {
    throw std::invalid_argument("ABC-SMC: a prediction needs one value per target");
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    if (!std::isfinite(predicted[i])) return kInf;
    const double z = (predicted[i] - problem.observed[i]) / problem.sd[i];
    sum += z * z;
  }
  return std::sqrt(sum);
}

AbcState run_abc_smc(const AbcProblem& problem, const AbcOptions& options, AbcState state,
                     const BatchEvaluator& evaluate,
                     const std::function<void(const AbcState&)>& on_generation,
                     const std::function<bool()>& stop) {
  if (problem.priors.empty() || problem.observed.empty() ||
      problem.observed.size() != problem.sd.size() || options.population < 2) {
    throw std::invalid_argument("ABC-SMC needs parameters, targets with sds and a population");
  }
  while (!state.finished) {
    std::optional<AbcGeneration> g = run_generation(problem, options, state, evaluate, stop);
    if (!g) {
      if (state.finished && on_generation) on_generation(state);
      return state;
    }
    const double acceptance =
        static_cast<double>(g->particles.size()) / static_cast<double>(g->proposals);
    state.generations.push_back(std::move(*g));
    const std::size_t t = state.generations.size() - 1;
    if (t >= 1 && acceptance < options.min_acceptance) {
      state.finished = true;
      state.stop_reason = "acceptance";
    } else if (t >= 1 && options.tolerances.empty() && options.tolerance_floor > 0.0 &&
               state.generations.back().tolerance <= options.tolerance_floor) {
      state.finished = true;
      state.stop_reason = "tolerance floor";
    } else if (t >= options.generations) {
      state.finished = true;
      state.stop_reason = "generations";
    }
    if (on_generation) on_generation(state);
  }
  return state;
}

double weighted_mean(const AbcGeneration& g, std::size_t k) {
  double m = 0.0;
  for (const AbcParticle& p : g.particles) m += p.weight * p.theta.at(k);
  return m;
}

double weighted_quantile(std::vector<double> values, std::vector<double> weights, double q) {
  if (values.empty() || values.size() != weights.size()) {
    throw std::invalid_argument("weighted_quantile needs one weight per value");
  }
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0.0;
  for (std::size_t i : order) {
    cumulative += weights[i];
    if (cumulative >= q * total) return values[i];
  }
  return values[order.back()];
}

}  // namespace cmhsim::experiment
