// Cost-effectiveness of a paired comparison: incremental costs and QALYs per person against the
// first scenario, ICER, net monetary benefit, acceptability and EVPI over replications. No I/O.
#include "experiment/cost_effectiveness.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "experiment/comparison.hpp"

namespace cmhsim::experiment {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double share_positive(const std::vector<double>& qalys, const std::vector<double>& cost,
                      double threshold) {
  if (qalys.empty()) return kNaN;
  std::size_t hits = 0;
  for (std::size_t r = 0; r < qalys.size(); ++r) {
    if (threshold * qalys[r] - cost[r] > 0.0) ++hits;
  }
  return static_cast<double>(hits) / static_cast<double>(qalys.size());
}

engine::Estimate mean_interval(const std::vector<double>& x) {
  engine::Welford w;
  for (const double v : x) w.add(v);
  return engine::confidence_interval(w, 0.95);
}

std::size_t outcome_index(const ComparisonResults& results, const std::string& name) {
  for (std::size_t k = 0; k < results.outcomes.size(); ++k) {
    if (results.outcomes[k].name == name) return k;
  }
  return results.outcomes.size();
}

}  // namespace

std::vector<double> default_thresholds() { return {20000.0, 30000.0}; }

std::vector<double> default_curve_thresholds() {
  std::vector<double> grid;
  for (int i = 0; i <= 100; ++i) grid.push_back(1000.0 * i);
  return grid;
}

engine::Estimate icer_with_fieller(const std::vector<double>& cost,
                                   const std::vector<double>& qalys) {
  engine::Estimate e;
  const std::size_t n = std::min(cost.size(), qalys.size());
  e.n = n;
  if (n == 0) return e;
  double a = 0.0;
  double b = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    a += cost[r];
    b += qalys[r];
  }
  a /= static_cast<double>(n);
  b /= static_cast<double>(n);
  if (!(std::abs(b) >= kIcerMinQalys)) return e;
  e.mean = a / b;
  if (n < 2) return e;
  double saa = 0.0;
  double sbb = 0.0;
  double sab = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    saa += (cost[r] - a) * (cost[r] - a);
    sbb += (qalys[r] - b) * (qalys[r] - b);
    sab += (cost[r] - a) * (qalys[r] - b);
  }
  // Variances and covariance of the means.
  const double m = static_cast<double>(n) * static_cast<double>(n - 1);
  saa /= m;
  sbb /= m;
  sab /= m;
  const boost::math::students_t dist(static_cast<double>(n - 1));
  const double t = boost::math::quantile(boost::math::complement(dist, 0.025));
  const double t2 = t * t;
  // Fieller: the ratios R with (a - R b)^2 <= t^2 var(a - R b), a quadratic in R.
  const double qa = b * b - t2 * sbb;
  const double qb = a * b - t2 * sab;
  const double qc = a * a - t2 * saa;
  if (!(qa > 0.0)) return e;
  const double root = std::sqrt(std::max(0.0, qb * qb - qa * qc));
  e.lo = (qb - root) / qa;
  e.hi = (qb + root) / qa;
  return e;
}

double expected_value_of_perfect_information(const std::vector<std::vector<double>>& nmb) {
  if (nmb.empty() || nmb.front().empty()) return kNaN;
  const std::size_t reps = nmb.front().size();
  double best_each = 0.0;
  for (std::size_t r = 0; r < reps; ++r) {
    double best = nmb[0][r];
    for (const auto& scenario : nmb) best = std::max(best, scenario[r]);
    best_each += best;
  }
  best_each /= static_cast<double>(reps);
  double best_mean = -std::numeric_limits<double>::infinity();
  for (const auto& scenario : nmb) {
    double mean = 0.0;
    for (const double v : scenario) mean += v;
    best_mean = std::max(best_mean, mean / static_cast<double>(reps));
  }
  // Rounding can leave a tiny negative difference when one scenario is best in every replication.
  return std::max(0.0, best_each - best_mean);
}

CostEffectiveness cost_effectiveness(const std::vector<std::vector<double>>& costs,
                                     const std::vector<std::vector<double>>& qalys,
                                     const std::vector<double>& thresholds,
                                     const std::vector<double>& curve_thresholds, double people) {
  if (thresholds.empty()) throw CostEffectivenessError("no cost-effectiveness thresholds given");
  for (const double t : thresholds) {
    if (!std::isfinite(t) || t < 0.0) {
      throw CostEffectivenessError("a cost-effectiveness threshold must be finite and >= 0, not " +
                                   std::to_string(t));
    }
  }
  if (costs.size() != qalys.size() || costs.size() < 2) {
    throw CostEffectivenessError(
        "cost-effectiveness needs costs and QALYs of two or more scenarios");
  }
  const std::size_t reps = costs.front().size();
  for (std::size_t s = 0; s < costs.size(); ++s) {
    if (costs[s].size() != reps || qalys[s].size() != reps) {
      throw CostEffectivenessError("every scenario needs the same replications");
    }
  }
  std::vector<std::size_t> used;
  for (std::size_t r = 0; r < reps; ++r) {
    bool finite = true;
    for (std::size_t s = 0; s < costs.size(); ++s) {
      finite = finite && std::isfinite(costs[s][r]) && std::isfinite(qalys[s][r]);
    }
    if (finite) used.push_back(r);
  }
  CostEffectiveness out;
  out.thresholds = thresholds;
  out.curve_thresholds = curve_thresholds;
  out.people = people;
  out.replications = used.size();
  for (std::size_t s = 1; s < costs.size(); ++s) {
    CeComparison c;
    for (const std::size_t r : used) {
      c.incremental_costs.push_back(costs[s][r] - costs[0][r]);
      c.incremental_qalys_by_replication.push_back(qalys[s][r] - qalys[0][r]);
    }
    const auto& dc = c.incremental_costs;
    const auto& dq = c.incremental_qalys_by_replication;
    c.incremental_cost = mean_interval(dc);
    c.incremental_qalys = mean_interval(dq);
    c.icer = icer_with_fieller(dc, dq);
    for (const double t : thresholds) {
      std::vector<double> nmb;
      for (std::size_t i = 0; i < dc.size(); ++i) nmb.push_back(t * dq[i] - dc[i]);
      c.net_monetary_benefit.push_back(mean_interval(nmb));
      c.probability_cost_effective.push_back(share_positive(dq, dc, t));
    }
    for (const double t : curve_thresholds) c.acceptability.push_back(share_positive(dq, dc, t));
    out.comparisons.push_back(std::move(c));
  }
  for (const double t : thresholds) {
    std::vector<std::vector<double>> nmb(costs.size());
    for (std::size_t s = 0; s < costs.size(); ++s) {
      for (const std::size_t r : used) nmb[s].push_back(t * qalys[s][r] - costs[s][r]);
    }
    out.evpi_per_person.push_back(used.empty() ? kNaN : expected_value_of_perfect_information(nmb));
  }
  return out;
}

CostEffectiveness cost_effectiveness(const ComparisonResults& results,
                                     const std::vector<double>& thresholds) {
  const std::size_t kc = outcome_index(results, "discounted_cost_per_person");
  const std::size_t kq = outcome_index(results, "qalys_per_person");
  const std::size_t kp = outcome_index(results, "people_observed");
  const std::size_t none = results.outcomes.size();
  if (kc == none || kq == none || results.runs.size() < 2) return {};
  std::vector<std::vector<double>> costs(results.runs.size());
  std::vector<std::vector<double>> qalys(results.runs.size());
  for (std::size_t s = 0; s < results.runs.size(); ++s) {
    for (const auto& rep : results.runs[s].replications) {
      costs[s].push_back(outcome_value(rep, kc));
      qalys[s].push_back(outcome_value(rep, kq));
    }
  }
  engine::Welford people;
  if (kp != none) {
    for (const auto& rep : results.runs.front().replications) {
      const double v = outcome_value(rep, kp);
      if (std::isfinite(v)) people.add(v);
    }
  }
  return cost_effectiveness(costs, qalys, thresholds, default_curve_thresholds(),
                            people.count() > 0 ? people.mean() : kNaN);
}

}  // namespace cmhsim::experiment
