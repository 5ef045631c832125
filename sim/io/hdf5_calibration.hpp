// Calibration files (CAL.h5) and their checkpoints: the priors, the targets with their posterior
// predictive checks, every generation's particles, the accepted parameter sets and provenance.
// Knows nothing of how the calibration ran.
#pragma once

#include <string>

#include "experiment/calibration_results.hpp"
#include "experiment/parameter_sets.hpp"

namespace cmhsim::io {

/// Returns the last generation's particles as weighted parameter sets, with the command as
/// provenance.
experiment::ParameterSets accepted_sets(const experiment::CalibrationResults& results);

/// Writes `results` to `path` atomically as a calibration file (content "calibration"), or as a
/// checkpoint (content "calibration-checkpoint") when `checkpoint` is true; throws IoError.
void write_calibration_hdf5(const experiment::CalibrationResults& results, const std::string& path,
                            bool checkpoint = false);

/// Reads the ABC-SMC state a calibration file or checkpoint holds, with the calibration text
/// it was made from; throws IoError if it is not one.
experiment::AbcState read_calibration_state(const std::string& path, std::string& calibration_text);

}  // namespace cmhsim::io
