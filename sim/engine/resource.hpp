// A capacity-limited resource: c identical servers (or caseload slots) and a waiting line that
// may be FIFO or by priority, finite, and reneged from. Passive: the caller schedules events.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/time_weighted.hpp"
#include "engine/welford.hpp"

namespace cmhsim::engine {

/// Orders the waiting line.
enum class Discipline { Fifo, Priority };

/// Says what happened to an arrival.
enum class Admission { Started, Queued, Blocked };

/// Names a customer who has just been given a server, with the time they waited for it.
struct Start {
  std::uint64_t customer = 0;
  double waited = 0.0;
};

/// Counts and averages observed since the last reset_statistics().
struct ResourceStatistics {
  std::uint64_t arrivals = 0;   ///< Arrivals, whatever became of them.
  std::uint64_t blocked = 0;    ///< Arrivals turned away because the line was full.
  std::uint64_t reneged = 0;    ///< Customers who left the line before being served.
  std::uint64_t started = 0;    ///< Service starts.
  std::uint64_t completed = 0;  ///< Service completions.
  Welford wait;                 ///< Time in line of customers whose service started.
  double mean_in_queue = 0.0;   ///< Time-averaged number waiting.
  double mean_busy = 0.0;       ///< Time-averaged number of busy servers.
  double mean_servers = 0.0;    ///< Time-averaged servers available (incl. those finishing).
  double utilisation = 0.0;     ///< Busy-server time over available server time (<= 1).
  double span = 0.0;            ///< Length of the observed period in days.
};

/// Holds servers and a waiting line; tells the caller who starts, waits or is turned away.
class Resource {
 public:
  static constexpr std::size_t kUnlimited = std::numeric_limits<std::size_t>::max();

  /// Creates a resource with `servers` servers and a line of at most `queue_capacity` waiting.
  Resource(std::string name, int servers, Discipline discipline = Discipline::Fifo,
           std::size_t queue_capacity = kUnlimited);

  /// Admits `customer` at `now`: starts service, joins the line (ticket in *ticket) or is blocked.
  Admission arrive(std::uint64_t customer, double now, std::int32_t priority = 0,
                   std::uint64_t* ticket = nullptr) {
    ++stats_.arrivals;
    if (busy_ < servers_ && live_ == 0) {
      begin(Entry{priority, next_ticket_++, customer, now}, now);
      return Admission::Started;
    }
    if (live_ >= capacity_) {
      ++stats_.blocked;
      return Admission::Blocked;
    }
    const Entry e{priority, next_ticket_++, customer, now};
    if (discipline_ == Discipline::Fifo) {
      fifo_.push_back(e);
    } else {
      push_by_priority(e);
    }
    ++live_;
    queue_level_.update(now, static_cast<double>(live_));
    if (ticket) *ticket = e.ticket;
    return Admission::Queued;
  }

  /// Frees one server at `now`; returns who starts in it, if anyone waits and capacity allows.
  std::optional<Start> release(double now) {
    if (busy_ <= 0) fail_release();
    --busy_;
    ++stats_.completed;
    if (busy_ < servers_ && live_ > 0) {
      if (auto e = pop_next(now)) {
        // The server passes straight to the next customer, so neither the busy level (which
        // begin() records at `now`) nor the servers available change.
        return begin(*e, now);
      }
    }
    busy_level_.update(now, static_cast<double>(busy_));
    note_capacity(now);
    return std::nullopt;
  }

  /// Removes the waiting customer holding `ticket` (who must still be waiting) at `now`.
  void renege(std::uint64_t ticket, double now);

  /// Changes the number of servers at `now`; returns the customers who start because of it.
  /// Busy servers above a lowered count finish their current customer first.
  std::vector<Start> set_servers(int servers, double now);

  /// Starts a fresh observation period at `now` (the end of warm-up).
  void reset_statistics(double now);
  /// Returns the statistics of the current observation period up to `now`.
  [[nodiscard]] ResourceStatistics statistics(double now) const;

  /// Returns the resource's name.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// Returns the current number of servers.
  [[nodiscard]] int servers() const noexcept { return servers_; }
  /// Returns the number of busy servers.
  [[nodiscard]] int busy() const noexcept { return busy_; }
  /// Returns the number of customers waiting.
  [[nodiscard]] std::size_t waiting() const noexcept { return live_; }
  /// Returns the waiting-line capacity.
  [[nodiscard]] std::size_t queue_capacity() const noexcept { return capacity_; }

 private:
  struct Entry {
    std::int32_t priority;
    std::uint64_t ticket;
    std::uint64_t customer;
    double since;
  };
  static bool later(const Entry& a, const Entry& b) noexcept {
    return a.priority != b.priority ? a.priority > b.priority : a.ticket > b.ticket;
  }

  void push_by_priority(const Entry& e);
  std::optional<Entry> pop_skipping_cancelled(double now);

  std::optional<Entry> pop_next(double now) {
    // The common case, a FIFO line with nobody reneged, needs no search.
    if (discipline_ == Discipline::Fifo && cancelled_.empty() && live_ > 0) {
      const Entry e = fifo_.front();
      fifo_.pop_front();
      --live_;
      queue_level_.update(now, static_cast<double>(live_));
      return e;
    }
    return pop_skipping_cancelled(now);
  }
  [[noreturn]] void fail_release() const;

  Start begin(const Entry& e, double now) {
    ++busy_;
    ++stats_.started;
    const double waited = now - e.since;
    stats_.wait.add(waited);
    busy_level_.update(now, static_cast<double>(busy_));
    return Start{e.customer, waited};
  }

  void note_capacity(double now) {
    // Servers above a lowered count still work until their customer leaves: count them as
    // available.
    const double available = static_cast<double>(std::max(servers_, busy_));
    if (available != server_level_.level()) server_level_.update(now, available);
  }

  std::string name_;
  int servers_;
  Discipline discipline_;
  std::size_t capacity_;
  int busy_ = 0;
  std::size_t live_ = 0;
  std::uint64_t next_ticket_ = 0;
  std::deque<Entry> fifo_;
  std::vector<Entry> heap_;
  std::unordered_set<std::uint64_t> cancelled_;

  ResourceStatistics stats_;
  TimeWeighted queue_level_;
  TimeWeighted busy_level_;
  TimeWeighted server_level_;
};

}  // namespace cmhsim::engine
