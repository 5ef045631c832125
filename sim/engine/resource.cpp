// Resource bookkeeping: admission, service starts, reneging and server-count changes.
// Knows nothing of events or of what customers are; the caller schedules completions.
#include "engine/resource.hpp"

#include <algorithm>
#include <stdexcept>

namespace cmhsim::engine {

Resource::Resource(std::string name, int servers, Discipline discipline, std::size_t queue_capacity)
    : name_(std::move(name)),
      servers_(servers),
      discipline_(discipline),
      capacity_(queue_capacity) {
  if (servers < 0) throw std::invalid_argument("resource '" + name_ + "': servers must be >= 0");
  reset_statistics(0.0);
}

void Resource::push_by_priority(const Entry& e) {
  heap_.push_back(e);
  std::push_heap(heap_.begin(), heap_.end(), later);
}

void Resource::fail_release() const {
  throw std::logic_error("resource '" + name_ + "': release with no busy server");
}

void Resource::renege(std::uint64_t ticket, double now) {
  cancelled_.insert(ticket);
  --live_;
  ++stats_.reneged;
  queue_level_.update(now, static_cast<double>(live_));
  if (live_ == 0) {
    // Only cancelled entries remain: drop them so the containers do not grow.
    fifo_.clear();
    heap_.clear();
    cancelled_.clear();
  }
}

std::vector<Start> Resource::set_servers(int servers, double now) {
  if (servers < 0) throw std::invalid_argument("resource '" + name_ + "': servers must be >= 0");
  servers_ = servers;
  note_capacity(now);
  std::vector<Start> started;
  while (busy_ < servers_) {
    auto e = pop_next(now);
    if (!e) break;
    started.push_back(begin(*e, now));
  }
  return started;
}

void Resource::reset_statistics(double now) {
  stats_ = ResourceStatistics{};
  queue_level_.reset(now, static_cast<double>(live_));
  busy_level_.reset(now, static_cast<double>(busy_));
  server_level_.reset(now, static_cast<double>(std::max(servers_, busy_)));
}

ResourceStatistics Resource::statistics(double now) const {
  ResourceStatistics s = stats_;
  s.span = now - queue_level_.start();
  s.mean_in_queue = queue_level_.mean(now);
  s.mean_busy = busy_level_.mean(now);
  s.mean_servers = server_level_.mean(now);
  const double capacity_time = server_level_.area(now);
  s.utilisation = capacity_time > 0.0 ? busy_level_.area(now) / capacity_time : 0.0;
  return s;
}

std::optional<Resource::Entry> Resource::pop_skipping_cancelled(double now) {
  while (live_ > 0) {
    Entry e;
    if (discipline_ == Discipline::Fifo) {
      e = fifo_.front();
      fifo_.pop_front();
    } else {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      e = heap_.back();
      heap_.pop_back();
    }
    // Reneged customers stay in the container until reached; skip them here.
    if (!cancelled_.empty() && cancelled_.erase(e.ticket) > 0) continue;
    --live_;
    queue_level_.update(now, static_cast<double>(live_));
    return e;
  }
  return std::nullopt;
}

}  // namespace cmhsim::engine
