// The server's API without the network: routes a request to the page, the scenario and lever
// lists, a streamed comparison or a download, and answers refusals with 4xx and a message.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "experiment/run_results.hpp"
#include "serve/compare_request.hpp"
#include "serve/jobs.hpp"
#include "serve/what_if.hpp"

namespace cmhsim::serve {

/// Says how the server runs and what it accepts.
struct ServeSettings {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;  ///< 0 picks a free port.
  int threads = 0;             ///< Worker threads of each comparison; 0 means all cores.
  RequestLimits limits;
  std::size_t max_running = 4;       ///< Comparisons running at once (not cancelled), all pages.
  std::size_t max_pages = 16;        ///< Pages whose last comparison is kept for downloads.
  std::size_t max_body = 64 * 1024;  ///< Largest request body, in bytes.
  std::size_t max_connections = 64;  ///< Open connections beyond this are closed at once.
  std::chrono::milliseconds read_timeout{10000};  ///< To read a whole request.
  std::string version;                            ///< Shown on the page.
  /// Fills a run's provenance (version, commit, host, times) as the command line does.
  std::function<void(experiment::RunResults&, const scenario::Scenario&)> fill_provenance;
};

/// Holds a request as the API sees it.
struct ApiRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string target;  ///< Path with query, e.g. "/api/download?page=p1&what=yaml".
  std::string content_type;
  std::string body;
};

/// Receives the lines of a streamed reply; send() returns false once the client has gone.
class LineSink {
 public:
  virtual ~LineSink() = default;
  /// Sends one line (a newline is added); callable from any thread.
  virtual bool send(std::string line) = 0;
  /// Ends the reply.
  virtual void close() = 0;
};

/// Holds a reply: a whole body, or a stream of JSON lines started by `stream`.
struct ApiReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::string filename;  ///< Sent as an attachment with this name when set.
  /// Set for a streamed comparison: call once with the sink that carries its lines.
  std::function<void(std::shared_ptr<LineSink>)> stream;
};

/// Answers requests for the baselines given at start.
class Api {
 public:
  /// Serves `baselines` (pathway scenarios, distinct names); throws ServeInputError otherwise.
  Api(ServeSettings settings, std::vector<Baseline> baselines);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  /// Returns the reply to `request`; never throws for anything the client sent.
  ApiReply handle(const ApiRequest& request);
  /// Cancels every comparison, refuses new ones and waits until all have ended.
  void stop();
  /// Returns the settings.
  [[nodiscard]] const ServeSettings& settings() const { return settings_; }

 private:
  ApiReply route(const ApiRequest& request);
  ApiReply scenarios_reply() const;
  ApiReply compare_reply(const ApiRequest& request);
  ApiReply download_reply(const std::string& query) const;
  /// Runs `what_if` for `job` on the calling thread, sending its lines to `sink` and closing
  /// it; the caller then ends the job.
  void run_job(const std::shared_ptr<Job>& job, WhatIf what_if, double precision,
               std::uint64_t max_replications, const std::shared_ptr<LineSink>& sink);

  ServeSettings settings_;
  std::vector<Baseline> baselines_;
  std::string levers_;  ///< The lever list as JSON, made once.
  Jobs jobs_;
};

/// Returns the JSON error body `{"error": message}`.
std::string error_body(const std::string& message);

}  // namespace cmhsim::serve
