// The comparisons running for pages: at most one per page (a newer one cancels the older), a
// global cap, the last finished comparison of each page for downloads. Knows no HTTP.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "serve/downloads.hpp"

namespace cmhsim::serve {

/// Holds one running comparison's stop flag and the promise it keeps when it ends.
struct Job {
  std::string page;
  std::atomic<bool> stop{false};
  std::promise<void> done;
  /// Becomes ready when the page's previous job has ended (ready at once if there was none).
  std::shared_future<void> previous;
};

/// Tracks running comparisons and keeps each page's last finished one.
class Jobs {
 public:
  /// Allows `max_running` comparisons that are not cancelled and keeps `max_pages` results.
  Jobs(std::size_t max_running, std::size_t max_pages);

  /// Returns a new job for `page`, cancelling the page's older one; throws RequestError (429)
  /// when `max_running` comparisons already run, or (503) once the server is stopping.
  std::shared_ptr<Job> begin(const std::string& page);
  /// Marks `job` ended; call once, from its thread, as its last act.
  void end(const std::shared_ptr<Job>& job);
  /// Keeps `finished` as `page`'s last comparison, dropping the oldest page beyond the limit.
  void keep(const std::string& page, std::shared_ptr<const Finished> finished);
  /// Returns `page`'s last finished comparison, or null.
  [[nodiscard]] std::shared_ptr<const Finished> kept(const std::string& page) const;
  /// Cancels every job, refuses new ones and waits until all have ended.
  void stop_all();
  /// Returns the number of jobs that have begun and not ended.
  [[nodiscard]] std::size_t alive() const;

 private:
  std::size_t max_running_;
  std::size_t max_pages_;
  mutable std::mutex mutex_;
  std::condition_variable ended_;
  std::map<std::string, std::shared_ptr<Job>> latest_;  ///< Each page's newest job.
  std::map<Job*, std::shared_ptr<Job>> running_;
  std::map<std::string, std::shared_ptr<const Finished>> kept_;
  std::deque<std::string> kept_order_;
  bool stopping_ = false;
};

}  // namespace cmhsim::serve
