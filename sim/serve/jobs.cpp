// The job registry: one mutex guards it; jobs learn of cancellation through their atomic flag,
// which they poll between batches of replications.
#include "serve/jobs.hpp"

#include <algorithm>

#include "serve/serve_error.hpp"

namespace cmhsim::serve {

Jobs::Jobs(std::size_t max_running, std::size_t max_pages)
    : max_running_(max_running), max_pages_(max_pages) {}

std::shared_ptr<Job> Jobs::begin(const std::string& page) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) throw RequestError(503, "the server is stopping");
  auto job = std::make_shared<Job>();
  job->page = page;
  std::shared_ptr<Job> older;
  if (const auto it = latest_.find(page); it != latest_.end()) older = it->second;
  std::size_t active = 0;
  for (const auto& [ptr, j] : running_) {
    if (!j->stop.load() && j != older) ++active;
  }
  if (active >= max_running_) {
    throw RequestError(429, "too many comparisons are running; try again when one has finished");
  }
  if (older && running_.count(older.get())) {
    older->stop.store(true);
    job->previous = older->done.get_future().share();
  } else {
    std::promise<void> ready;
    ready.set_value();
    job->previous = ready.get_future().share();
  }
  latest_[page] = job;
  running_[job.get()] = job;
  return job;
}

void Jobs::end(const std::shared_ptr<Job>& job) {
  // Everything under the lock: stop_all() may return, and the registry go, once it is released.
  std::lock_guard<std::mutex> lock(mutex_);
  running_.erase(job.get());
  if (const auto it = latest_.find(job->page); it != latest_.end() && it->second == job) {
    latest_.erase(it);
  }
  job->done.set_value();
  ended_.notify_all();
}

void Jobs::keep(const std::string& page, std::shared_ptr<const Finished> finished) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!kept_.count(page)) kept_order_.push_back(page);
  kept_[page] = std::move(finished);
  while (kept_order_.size() > max_pages_) {
    kept_.erase(kept_order_.front());
    kept_order_.pop_front();
  }
}

std::shared_ptr<const Finished> Jobs::kept(const std::string& page) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = kept_.find(page);
  return it == kept_.end() ? nullptr : it->second;
}

void Jobs::stop_all() {
  std::unique_lock<std::mutex> lock(mutex_);
  stopping_ = true;
  for (const auto& [ptr, job] : running_) job->stop.store(true);
  ended_.wait(lock, [this] { return running_.empty(); });
}

std::size_t Jobs::alive() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_.size();
}

}  // namespace cmhsim::serve
