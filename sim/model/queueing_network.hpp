// One replication of a queueing network: customers arrive, wait, are served, renege or are
// routed on. Built on engine primitives; no I/O, no threads.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/resource.hpp"
#include "engine/simulator.hpp"
#include "model/network_config.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::model {

/// Names the purposes random streams serve, so each purpose draws from its own stream.
enum class Purpose : std::uint64_t { Interarrival = 1, ServiceTime = 2, Routing = 3, Patience = 4 };

/// Simulates one replication of a NetworkConfig under one RngKey.
///
/// Customer n of arrival stream s is entity ((s + 1) << 40) + n, and its service times, routing
/// choices and patience come from that entity's own streams: the same customer draws the same
/// numbers for the same purpose in every scenario (common random numbers). A warm start's
/// customer n at service s (those in service first, then those waiting) is entity
/// ((kInitialStreamBase + s) << 40) + n, a stream index no arrival stream reaches, so adding or
/// removing a warm start leaves every arriving customer's draws unchanged.
class QueueingNetwork {
 public:
  /// Returns the first stream index reserved for the customers of a warm start.
  static constexpr std::uint64_t kInitialStreamBase = std::uint64_t{1} << 20;

  /// Prepares a replication; `config` must outlive the object.
  QueueingNetwork(const NetworkConfig& config, engine::RngKey key);

  /// Runs to the horizon and returns per-service outcomes measured after warm-up.
  ReplicationOutcome run();

 private:
  // Keeps only each stream's position: a stream is rebuilt from (key, entity, purpose, position)
  // at each draw, which costs no more than the block refill it needs anyway.
  struct Customer {
    std::uint64_t entity = 0;
    std::uint64_t ticket = 0;
    std::uint32_t service = 0;
    std::int32_t priority = 0;
    bool waiting = false;
    std::uint32_t position[3] = {0, 0, 0};  ///< Draws taken for ServiceTime, Routing, Patience.
  };

  /// Returns a value of `dist` (uniform on (0, 1) if null) from the customer's `purpose` stream.
  double draw(Customer& c, Purpose purpose, const engine::Distribution* dist);

  // Passes an event to the handler of its kind, the same one registered with the simulator.
  void dispatch(const engine::Event& e);
  void on_arrival(const engine::Event& e);
  void on_departure(const engine::Event& e);
  void on_renege(const engine::Event& e);
  void on_capacity(const engine::Event& e);
  void on_warmup_end(const engine::Event& e);

  void enter(std::uint32_t slot, std::size_t service);
  void start_service(std::uint32_t slot, std::size_t service);
  void schedule_capacity_step(std::size_t service, std::uint64_t cycle, std::size_t step);
  // Returns a free customer slot, reusing one released earlier when there is one.
  std::uint32_t take_slot();
  std::uint32_t new_customer(std::size_t stream);
  std::uint32_t new_initial_customer(std::size_t service, std::uint64_t n);
  void start_warm();
  void free_customer(std::uint32_t slot);
  ServiceOutcome outcome(std::size_t service) const;

  const NetworkConfig& config_;
  engine::RngKey key_;
  engine::Simulator sim_;
  std::vector<engine::Resource> resources_;
  std::vector<engine::RandomStream> arrival_rngs_;
  std::vector<std::uint64_t> arrival_counts_;
  std::vector<Customer> customers_;
  std::vector<std::uint32_t> free_slots_;
  std::uint32_t arrival_kind_ = 0;
  std::uint32_t departure_kind_ = 0;
  std::uint32_t renege_kind_ = 0;
  std::uint32_t capacity_kind_ = 0;
  std::uint32_t warmup_kind_ = 0;
};

}  // namespace cmhsim::model
