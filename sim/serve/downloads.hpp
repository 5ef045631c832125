// The files a page may download after a comparison: the changed scenario as YAML, the paired
// differences as CSV, the whole comparison as HDF5. Knows io/ writers; nothing of HTTP.
#pragma once

#include <string>

#include "experiment/comparison.hpp"
#include "serve/what_if.hpp"

namespace cmhsim::serve {

/// Holds a finished what-if and its results (provenance filled), kept for downloads.
struct Finished {
  WhatIf what_if;
  experiment::ComparisonResults results;
};

/// Returns the changed scenario as a YAML file that `cmhsim run` or `compare` reads.
std::string scenario_yaml(const Finished& f);

/// Returns one CSV row per outcome: both means, the paired difference with its 95% CI, the
/// unpaired CI and the replications.
std::string differences_csv(const Finished& f);

/// Returns the bytes of the comparison's HDF5 file, as `cmhsim compare -o` writes it, made in a
/// private temporary directory that is removed; throws IoError if it cannot be written.
std::string comparison_hdf5(const Finished& f);

}  // namespace cmhsim::serve
