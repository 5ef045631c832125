// The exceptions of the serve layer: a request the server refuses (with its HTTP status) and a
// server that cannot start. Knows nothing of sockets; the HTTP layer turns them into replies.
#pragma once

#include <stdexcept>
#include <string>

namespace cmhsim::serve {

/// Reports a request that is refused, with the HTTP status to answer (4xx).
class RequestError : public std::runtime_error {
 public:
  /// Creates a refusal with `status` and a message for the page.
  RequestError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  /// Returns the HTTP status code.
  [[nodiscard]] int status() const noexcept { return status_; }

 private:
  int status_;
};

/// Reports a server that cannot start (e.g. the port is in use).
class ServeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reports settings or scenarios a server cannot serve (not an address, a network scenario).
class ServeInputError : public ServeError {
 public:
  using ServeError::ServeError;
};

}  // namespace cmhsim::serve
