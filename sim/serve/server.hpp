// The HTTP server of `cmhsim serve` (Boost.Beast): listens on one address, reads requests with
// size limits and timeouts, answers through Api, streams comparisons as JSON lines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "serve/api.hpp"
#include "serve/what_if.hpp"

namespace cmhsim::serve {

/// Serves the page and its API until stopped; safe to stop from any thread.
class Server {
 public:
  /// Binds `settings.bind`:`settings.port` for `baselines`; throws ServeInputError for a bad
  /// address or baselines, ServeError if it cannot listen.
  Server(ServeSettings settings, std::vector<Baseline> baselines);
  /// Stops the server if it is still running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Starts answering on `io_threads` threads and returns at once.
  void start(int io_threads = 2);
  /// Cancels running comparisons, closes every connection and joins the threads.
  void stop();
  /// Returns the port listened on (the one picked when the settings asked for 0).
  [[nodiscard]] unsigned short port() const;
  /// Returns the address to open in a browser, e.g. "http://127.0.0.1:8080/" (the loopback
  /// address when listening on every address).
  [[nodiscard]] std::string url() const;
  /// Returns true if the server listens on a loopback address only.
  [[nodiscard]] bool loopback() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cmhsim::serve
