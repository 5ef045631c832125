// The typed description of a queueing network: arrival streams, services and routing.
// Plain data filled by scenario/ from a file; knows nothing of YAML, files or threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/resource.hpp"

namespace cmhsim::model {

/// Sends each new arrival from one named stream to a service.
struct ArrivalConfig {
  std::string name;
  std::size_t to = 0;  ///< Index into NetworkConfig::services.
  engine::Distribution interarrival = engine::Distribution::exponential(1.0);  ///< Days.
  std::int32_t priority = 0;  ///< Queue priority of its customers (lower is served first).
};

/// Sends a customer leaving a service on to another service (or out) with a probability.
struct RouteConfig {
  std::optional<std::size_t> to;  ///< Index into NetworkConfig::services; empty means exit.
  double probability = 1.0;
};

/// Sets a service's number of servers from a day onward (repeating every cycle_days if set).
struct CapacityStep {
  double from_day = 0.0;
  int servers = 0;
};

/// Describes one service: servers, service time, waiting line, patience and routing.
struct ServiceConfig {
  std::string name;
  int servers = 1;
  engine::Distribution service_time = engine::Distribution::exponential(1.0);  ///< Days.
  engine::Discipline discipline = engine::Discipline::Fifo;
  std::size_t queue_capacity = engine::Resource::kUnlimited;
  std::optional<engine::Distribution> patience;  ///< Days a customer waits before leaving.
  std::vector<RouteConfig> routing;              ///< Empty means every customer exits.
  std::vector<CapacityStep> schedule;            ///< Sorted by from_day.
  std::optional<double> schedule_cycle_days;     ///< Repeats the schedule with this period.
  int initial_busy = 0;                          ///< Customers in service at day 0 (warm start).
  std::size_t initial_waiting = 0;               ///< Customers waiting at day 0 (warm start).
};

/// Describes a whole queueing network and how long to run it.
struct NetworkConfig {
  std::vector<ArrivalConfig> arrivals;
  std::vector<ServiceConfig> services;
  double horizon_days = 365.0;
  double warmup_days = 0.0;
};

}  // namespace cmhsim::model
