// Event handlers of the queueing network: arrival, departure and routing, reneging, capacity
// steps and the end of warm-up. No I/O, no threads.
#include "model/queueing_network.hpp"

#include "model/service_outcome.hpp"

namespace cmhsim::model {
namespace {

constexpr std::uint64_t kCustomerEntityShift = 40;
constexpr std::int32_t kWarmupPriority = -1;  // Resets statistics before anything else that day.

}  // namespace

QueueingNetwork::QueueingNetwork(const NetworkConfig& config, engine::RngKey key)
    : config_(config), key_(key) {
  resources_.reserve(config_.services.size());
  for (const ServiceConfig& s : config_.services) {
    int servers = s.servers;
    if (!s.schedule.empty() && s.schedule.front().from_day <= 0.0) {
      servers = s.schedule.front().servers;
    }
    resources_.emplace_back(s.name, servers, s.discipline, s.queue_capacity);
  }
  for (std::size_t a = 0; a < config_.arrivals.size(); ++a) {
    arrival_rngs_.emplace_back(key_, a, static_cast<std::uint64_t>(Purpose::Interarrival));
  }
  arrival_counts_.assign(config_.arrivals.size(), 0);
  arrival_kind_ = sim_.add_handler<&QueueingNetwork::on_arrival>(this);
  departure_kind_ = sim_.add_handler<&QueueingNetwork::on_departure>(this);
  renege_kind_ = sim_.add_handler<&QueueingNetwork::on_renege>(this);
  capacity_kind_ = sim_.add_handler<&QueueingNetwork::on_capacity>(this);
  warmup_kind_ = sim_.add_handler<&QueueingNetwork::on_warmup_end>(this);
}

ReplicationOutcome QueueingNetwork::run() {
  start_warm();
  for (std::size_t a = 0; a < config_.arrivals.size(); ++a) {
    sim_.schedule_at(config_.arrivals[a].interarrival.sample(arrival_rngs_[a]), arrival_kind_, a);
  }
  for (std::size_t s = 0; s < config_.services.size(); ++s) {
    const auto& steps = config_.services[s].schedule;
    if (steps.empty()) continue;
    schedule_capacity_step(s, 0, steps.front().from_day <= 0.0 ? 1 : 0);
  }
  if (config_.warmup_days > 0.0) {
    sim_.schedule_at(config_.warmup_days, warmup_kind_, 0, 0, kWarmupPriority);
  }
  sim_.run_until(config_.horizon_days, [this](const engine::Event& e) { dispatch(e); });

  ReplicationOutcome out;
  out.events = sim_.events_processed();
  for (std::size_t s = 0; s < resources_.size(); ++s) out.services.push_back(outcome(s));
  return out;
}

void QueueingNetwork::dispatch(const engine::Event& e) {
  // Commonest kinds first; each branch calls its handler directly, so it can be inlined.
  const std::uint32_t kind = e.kind();
  if (kind == departure_kind_) {
    on_departure(e);
  } else if (kind == arrival_kind_) {
    on_arrival(e);
  } else if (kind == renege_kind_) {
    on_renege(e);
  } else if (kind == capacity_kind_) {
    on_capacity(e);
  } else {
    on_warmup_end(e);
  }
}

void QueueingNetwork::on_arrival(const engine::Event& e) {
  const std::size_t stream = e.target;
  const ArrivalConfig& a = config_.arrivals[stream];
  const std::uint32_t slot = new_customer(stream);
  enter(slot, a.to);
  sim_.schedule_in(a.interarrival.sample(arrival_rngs_[stream]), arrival_kind_, stream);
}

// Inline, as is start_service(): most events run them, and only this file calls them.
inline void QueueingNetwork::enter(std::uint32_t slot, std::size_t service) {
  Customer& c = customers_[slot];
  c.service = static_cast<std::uint32_t>(service);
  std::uint64_t ticket = 0;
  switch (resources_[service].arrive(slot, sim_.now(), c.priority, &ticket)) {
    case engine::Admission::Started:
      start_service(slot, service);
      break;
    case engine::Admission::Queued: {
      c.waiting = true;
      c.ticket = ticket;
      const auto& patience = config_.services[service].patience;
      if (patience)
        sim_.schedule_in(draw(c, Purpose::Patience, &*patience), renege_kind_, slot, ticket);
      break;
    }
    case engine::Admission::Blocked:
      free_customer(slot);
      break;
  }
}

inline void QueueingNetwork::start_service(std::uint32_t slot, std::size_t service) {
  Customer& c = customers_[slot];
  c.waiting = false;
  const double duration = draw(c, Purpose::ServiceTime, &config_.services[service].service_time);
  sim_.schedule_in(duration, departure_kind_, slot);
}

void QueueingNetwork::on_departure(const engine::Event& e) {
  const auto slot = static_cast<std::uint32_t>(e.target);
  const std::size_t service = customers_[slot].service;
  if (auto next = resources_[service].release(sim_.now())) {
    start_service(static_cast<std::uint32_t>(next->customer), service);
  }
  const auto& routing = config_.services[service].routing;
  if (routing.empty()) {
    free_customer(slot);
    return;
  }
  const double u = draw(customers_[slot], Purpose::Routing, nullptr);
  double cumulative = 0.0;
  std::optional<std::size_t> to = routing.back().to;
  for (const RouteConfig& r : routing) {
    cumulative += r.probability;
    if (u < cumulative) {
      to = r.to;
      break;
    }
  }
  if (to) {
    enter(slot, *to);
  } else {
    free_customer(slot);
  }
}

void QueueingNetwork::on_renege(const engine::Event& e) {
  const auto slot = static_cast<std::uint32_t>(e.target);
  Customer& c = customers_[slot];
  // The slot may have been served (or reused) since the renege was scheduled: tickets tell.
  if (!c.waiting || c.ticket != e.aux) return;
  resources_[c.service].renege(c.ticket, sim_.now());
  c.waiting = false;
  free_customer(slot);
}

void QueueingNetwork::on_capacity(const engine::Event& e) {
  const std::size_t service = e.target;
  const std::uint64_t cycle = e.aux >> 32;
  const std::size_t step = e.aux & 0xffffffffu;
  const auto& steps = config_.services[service].schedule;
  for (const engine::Start& s : resources_[service].set_servers(steps[step].servers, sim_.now())) {
    start_service(static_cast<std::uint32_t>(s.customer), service);
  }
  schedule_capacity_step(service, cycle, step + 1);
}

void QueueingNetwork::schedule_capacity_step(std::size_t service, std::uint64_t cycle,
                                             std::size_t step) {
  const ServiceConfig& s = config_.services[service];
  if (step >= s.schedule.size()) {
    if (!s.schedule_cycle_days) return;
    ++cycle;
    step = 0;
  }
  const double period = s.schedule_cycle_days.value_or(0.0);
  const double at = static_cast<double>(cycle) * period + s.schedule[step].from_day;
  if (at > config_.horizon_days) return;
  sim_.schedule_at(at, capacity_kind_, service, (cycle << 32) | step);
}

void QueueingNetwork::on_warmup_end(const engine::Event&) {
  for (engine::Resource& r : resources_) r.reset_statistics(sim_.now());
}

std::uint32_t QueueingNetwork::take_slot() {
  if (free_slots_.empty()) {
    customers_.emplace_back();
    return static_cast<std::uint32_t>(customers_.size() - 1);
  }
  const std::uint32_t slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

std::uint32_t QueueingNetwork::new_customer(std::size_t stream) {
  const std::uint32_t slot = take_slot();
  const std::uint64_t entity = ((static_cast<std::uint64_t>(stream) + 1) << kCustomerEntityShift) +
                               arrival_counts_[stream]++;
  customers_[slot] = Customer{};
  customers_[slot].entity = entity;
  customers_[slot].priority = config_.arrivals[stream].priority;
  return slot;
}

std::uint32_t QueueingNetwork::new_initial_customer(std::size_t service, std::uint64_t n) {
  const std::uint32_t slot = take_slot();
  customers_[slot] = Customer{};
  customers_[slot].entity = ((kInitialStreamBase + service) << kCustomerEntityShift) + n;
  return slot;
}

void QueueingNetwork::start_warm() {
  // Those in service take the free servers first; the rest find them busy and join the line.
  for (std::size_t s = 0; s < config_.services.size(); ++s) {
    const ServiceConfig& service = config_.services[s];
    const std::uint64_t total =
        static_cast<std::uint64_t>(service.initial_busy) + service.initial_waiting;
    for (std::uint64_t n = 0; n < total; ++n) enter(new_initial_customer(s, n), s);
  }
}

double QueueingNetwork::draw(Customer& c, Purpose purpose, const engine::Distribution* dist) {
  static_assert(
      static_cast<int>(Purpose::ServiceTime) == 2 && static_cast<int>(Purpose::Patience) == 4,
      "Customer::position is indexed by purpose - 2");
  const auto p = static_cast<std::uint64_t>(purpose);
  std::uint32_t& position = c.position[p - 2];
  engine::RandomStream rng(key_, c.entity, p, position);
  const double value = dist ? dist->sample(rng) : rng.uniform01();
  position = static_cast<std::uint32_t>(rng.position());
  return value;
}

void QueueingNetwork::free_customer(std::uint32_t slot) { free_slots_.push_back(slot); }

ServiceOutcome QueueingNetwork::outcome(std::size_t service) const {
  return service_outcome(config_.services[service].name,
                         resources_[service].statistics(sim_.now()));
}

}  // namespace cmhsim::model
