// The body of a comparison request (JSON), checked strictly: known keys only, each of its type
// and within its limits. Knows nlohmann-json and scenario overrides; nothing of HTTP or runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/overrides.hpp"

namespace cmhsim::serve {

/// Limits a request must stay within.
struct RequestLimits {
  std::uint64_t max_replications = 200;  ///< Largest `replications` accepted.
  std::size_t max_keys = 64;             ///< Most keys in `set`.
  std::size_t max_text = 256;            ///< Longest key path or text value, in bytes.
  int max_depth = 8;                     ///< Deepest nesting of arrays and objects.
};

/// Holds a checked comparison request.
struct CompareRequest {
  std::string page;      ///< Names the page; a newer request from it cancels the older one.
  std::string baseline;  ///< Name of a baseline scenario given at start.
  /// The `set` members as `--set` arguments (`key=value`), in the order given.
  std::vector<std::string> set;
  std::uint64_t replications = 0;  ///< Most replications to run; 0: the server's limit.
  double precision = 0.05;         ///< Relative precision to stop at; 0 runs every replication.
};

/// Returns the request in `body`; throws RequestError (400) naming the first problem: not JSON,
/// too deep, an unknown key, a wrong type, a value out of its limits.
CompareRequest parse_compare_request(const std::string& body, const RequestLimits& limits);

/// Returns true if `page` is a valid page name: 1 to 64 letters, digits, '-' or '_'.
bool valid_page_name(const std::string& page);

/// Returns the nesting depth of arrays and objects in JSON `text` (strings skipped).
int json_depth(const std::string& text);

}  // namespace cmhsim::serve
