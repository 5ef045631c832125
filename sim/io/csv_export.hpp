// Tidy CSV tables (one observation per row) from run, comparison and sweep results files, for
// spreadsheets. Knows the results readers; writes every table atomically.
#pragma once

#include <string>
#include <vector>

namespace cmhsim::io {

/// Writes metrics_summary.csv, metrics_replications.csv, series_summary.csv,
/// services_summary.csv (and differences.csv for a comparison) from the results file at
/// `results_path` into `dir` (created if needed); returns the files written. Throws IoError if the
/// file is not a cmhsim results file or a table cannot be written.
std::vector<std::string> export_csv(const std::string& results_path, const std::string& dir);

/// Returns `field` quoted for CSV when it holds a comma, quote or line break.
std::string csv_field(const std::string& field);

/// Returns `value` in the shortest form that reads back exactly; empty for NaN.
std::string csv_number(double value);

}  // namespace cmhsim::io
