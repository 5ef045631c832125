// Closed-form results of queueing theory used as validation targets.
// Knows nothing of the simulator; pure arithmetic.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

namespace cmhsim::validation {

/// Returns the Erlang C probability that an arrival waits in M/M/c with offered load a = λ/μ.
inline double erlang_c(int c, double a) {
  // Erlang B by its stable recurrence, then C = B / (1 - ρ(1 - B)).
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  const double rho = a / c;
  return b / (1.0 - rho * (1.0 - b));
}

/// Returns the mean wait in queue of M/M/c with arrival rate λ and service rate μ.
inline double mmc_mean_wait(int c, double lambda, double mu) {
  return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

/// Returns the mean number in system of M/M/c (Little: L = λ(Wq + 1/μ)).
inline double mmc_mean_in_system(int c, double lambda, double mu) {
  return lambda * (mmc_mean_wait(c, lambda, mu) + 1.0 / mu);
}

/// Returns the blocking probability of M/M/1/K (K places in the system, including service).
inline double mm1k_blocking(double lambda, double mu, int k) {
  const double rho = lambda / mu;
  if (std::abs(rho - 1.0) < 1e-12) return 1.0 / (k + 1);
  return (1.0 - rho) * std::pow(rho, k) / (1.0 - std::pow(rho, k + 1));
}

/// Returns the Pollaczek–Khinchine mean wait in queue of M/G/1.
inline double mg1_mean_wait(double lambda, double service_mean, double service_variance) {
  const double rho = lambda * service_mean;
  const double second_moment = service_variance + service_mean * service_mean;
  return lambda * second_moment / (2.0 * (1.0 - rho));
}

/// Solves the traffic equations λ = λ0 + λP of an open Jackson network by fixed-point iteration.
inline std::vector<double> jackson_rates(const std::vector<double>& external,
                                         const std::vector<std::vector<double>>& routing) {
  const std::size_t n = external.size();
  std::vector<double> lambda = external;
  for (int iter = 0; iter < 100000; ++iter) {
    std::vector<double> next = external;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) next[j] += lambda[i] * routing[i][j];
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) change = std::max(change, std::abs(next[i] - lambda[i]));
    lambda = next;
    if (change < 1e-14) break;
  }
  return lambda;
}

}  // namespace cmhsim::validation
