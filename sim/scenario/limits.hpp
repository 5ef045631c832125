// The budgets a scenario's computed sizes must fit before anything is allocated: people, posts,
// customers and events per replication. Knows the model's config types and the reader.
#pragma once

#include <cstdint>
#include <string>

#include "model/network_config.hpp"
#include "model/pathway_config.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {

/// Bounds the memory one replication may plan for: 4 GiB.
inline constexpr double kMemoryBudgetBytes = 4.0 * 1024 * 1024 * 1024;
/// Bounds the events one replication may plan for (about ten minutes at a few million a second).
inline constexpr double kEventBudget = 2e9;
/// Gives the bytes a person costs: the record (about 100 bytes), pending events, list entries.
inline constexpr double kBytesPerPerson = 640.0;
/// Gives the bytes a Care Partner post costs before its caseload.
inline constexpr double kBytesPerPost = 128.0;
/// Gives the bytes a queueing-network customer or server costs.
inline constexpr double kBytesPerCustomer = 128.0;

/// Holds what one replication of a scenario is expected to need.
struct Demand {
  double people = 0.0;  ///< People (pathway) or customers present at day 0 (network).
  double bytes = 0.0;   ///< Memory for people or customers and posts or servers.
  double events = 0.0;  ///< Events processed over the horizon.
};

/// Returns the expected needs of a pathway scenario over its horizon.
Demand pathway_demand(const model::PathwayConfig& c);

/// Returns the expected needs of a queueing network over its horizon.
Demand network_demand(const model::NetworkConfig& n);

/// Returns `bytes` as text such as "12.3 GB".
std::string bytes_text(double bytes);

/// Fails at the population section (`population`) when a pathway scenario exceeds a budget.
void check_pathway_budget(const Reader& r, const Field& population, const model::PathwayConfig& c);

/// Fails at the first arrival stream or service of `top` that takes a network over a budget.
void check_network_budget(const Reader& r, const Fields& top, const model::NetworkConfig& n);

}  // namespace cmhsim::scenario
