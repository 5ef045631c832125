// Builds small queueing-network configs in code for validation tests.
// Knows nothing of YAML; uses the model's typed config directly.
#pragma once

#include <string>

#include "model/network_config.hpp"

namespace cmhsim::validation {

/// Returns a one-service network: Poisson arrivals at `lambda` per day to `servers` servers.
inline model::NetworkConfig single_queue(double lambda, int servers,
                                         engine::Distribution service_time, double horizon,
                                         double warmup) {
  model::NetworkConfig net;
  model::ServiceConfig s;
  s.name = "queue";
  s.servers = servers;
  s.service_time = std::move(service_time);
  net.services.push_back(std::move(s));
  model::ArrivalConfig a;
  a.name = "poisson";
  a.to = 0;
  a.interarrival = engine::Distribution::exponential(1.0 / lambda);
  net.arrivals.push_back(std::move(a));
  net.horizon_days = horizon;
  net.warmup_days = warmup;
  return net;
}

}  // namespace cmhsim::validation
