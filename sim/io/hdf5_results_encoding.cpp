// Results as HDF5 file images: the results writer and reader, with the file held in memory.
// Knows nothing of MPI or of sweeps.
#include "io/hdf5_results_encoding.hpp"

#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"

namespace cmhsim::io {

experiment::TaskBytes Hdf5ResultsEncoding::encode(const experiment::RunResults& results) const {
  return results_hdf5_image(results);
}

experiment::RunResults Hdf5ResultsEncoding::decode(const experiment::TaskBytes& bytes) const {
  return read_results_hdf5_image(bytes);
}

}  // namespace cmhsim::io
