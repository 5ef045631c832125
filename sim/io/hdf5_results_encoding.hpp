// The encoding that carries a sweep point's results between MPI ranks: the bytes of a results
// file built in memory, so results have one format. Knows nothing of MPI or of sweeps.
#pragma once

#include "experiment/results_encoding.hpp"

namespace cmhsim::io {

/// Encodes results as the image of an HDF5 results file (docs/results-schema.md).
class Hdf5ResultsEncoding final : public experiment::ResultsEncoding {
 public:
  /// Returns the bytes of the results file holding `results`; throws IoError if they are invalid.
  [[nodiscard]] experiment::TaskBytes encode(const experiment::RunResults& results) const override;

  /// Returns the results of the file image `bytes`; throws IoError if it is not one.
  [[nodiscard]] experiment::RunResults decode(const experiment::TaskBytes& bytes) const override;
};

}  // namespace cmhsim::io
