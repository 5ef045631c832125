// Turns a run's results into bytes and back, so a sweep point can travel between MPI ranks: an
// interface the caller implements (io/ with the results file format); knows nothing of formats.
#pragma once

#include "experiment/run_results.hpp"
#include "experiment/task_farm.hpp"

namespace cmhsim::experiment {

/// Encodes results as bytes that decode to the same results on another rank of the same build.
class ResultsEncoding {
 public:
  virtual ~ResultsEncoding() = default;

  /// Returns every field of `results` as bytes.
  [[nodiscard]] virtual TaskBytes encode(const RunResults& results) const = 0;

  /// Returns the results encoded in `bytes`; throws if they do not hold encoded results.
  [[nodiscard]] virtual RunResults decode(const TaskBytes& bytes) const = 0;
};

}  // namespace cmhsim::experiment
