// Turns a run's results into bytes and back, so a sweep point can travel between MPI ranks.
// Knows nothing of MPI or files; the format is private to one build of cmhsim.
#pragma once

#include <stdexcept>

#include "experiment/run_results.hpp"
#include "experiment/task_farm.hpp"

namespace cmhsim::experiment {

/// Signals bytes that do not hold encoded results.
class CodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Returns every field of `results` as bytes (native byte order; ranks share one build).
TaskBytes encode_results(const RunResults& results);

/// Returns the results encoded in `bytes`; throws CodecError if they are truncated or malformed.
RunResults decode_results(const TaskBytes& bytes);

}  // namespace cmhsim::experiment
