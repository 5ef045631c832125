// The HDF5 results writer: schema identification at the root, then one run (results files) or
// every scenario's run and the paired differences (comparison files).
#include "io/hdf5_writer.hpp"

#include <set>

#include "io/atomic_file.hpp"
#include "io/hdf5_arrays.hpp"
#include "io/hdf5_cost_effectiveness.hpp"
#include "io/hdf5_image.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/hdf5_seal.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace sc = schema;

/// Writes a [rows, cols] double dataset from estimates' `field`.
template <typename Field>
void write_field(hid_t group, const char* name,
                 const std::vector<std::vector<experiment::Difference>>& rows, std::size_t cols,
                 Field field) {
  std::vector<double> values;
  for (const auto& row : rows) {
    for (const auto& d : row) values.push_back(field(d));
  }
  h5::write_double_array(group, name, {rows.size(), cols}, values);
}

/// Writes the /comparison group: the compared outcomes and each scenario's differences.
void write_comparison_group(hid_t root, const experiment::ComparisonResults& results) {
  const std::size_t m = results.outcomes.size();
  const std::size_t k = results.names.size();
  if (results.estimates.size() != k || results.differences.size() + 1 != k) {
    throw IoError("the comparison has " + std::to_string(k) + " scenarios but " +
                  std::to_string(results.estimates.size()) + " sets of estimates and " +
                  std::to_string(results.differences.size()) + " sets of differences");
  }
  for (const auto& row : results.estimates) {
    if (row.size() != m) throw IoError("a scenario's estimates do not cover every outcome");
  }
  for (const auto& row : results.differences) {
    if (row.size() != m) throw IoError("a scenario's differences do not cover every outcome");
  }
  GroupHandle group = h5::create_group(root, sc::kComparisonGroup);
  std::vector<std::string> names, units, descriptions;
  for (const auto& info : results.outcomes) {
    names.push_back(info.name);
    units.push_back(info.unit);
    descriptions.push_back(info.description);
  }
  h5::write_strings_attribute(group.get(), sc::kNames, names);
  h5::write_strings_attribute(group.get(), sc::kUnits, units);
  h5::write_strings_attribute(group.get(), sc::kDescriptions, descriptions);
  h5::write_string_attribute(group.get(), sc::kBaseline, results.names.front());
  h5::write_strings_attribute(group.get(), sc::kCompared,
                              {results.names.begin() + 1, results.names.end()});

  const auto& diffs = results.differences;
  write_field(group.get(), sc::kDifferenceMean, diffs, m,
              [](const experiment::Difference& d) { return d.paired.mean; });
  write_field(group.get(), sc::kCiLo, diffs, m,
              [](const experiment::Difference& d) { return d.paired.lo; });
  write_field(group.get(), sc::kCiHi, diffs, m,
              [](const experiment::Difference& d) { return d.paired.hi; });
  write_field(group.get(), sc::kUnpairedCiLo, diffs, m,
              [](const experiment::Difference& d) { return d.unpaired.lo; });
  write_field(group.get(), sc::kUnpairedCiHi, diffs, m,
              [](const experiment::Difference& d) { return d.unpaired.hi; });
  std::vector<std::uint64_t> n;
  for (const auto& row : diffs) {
    for (const auto& d : row) n.push_back(d.paired.n);
  }
  h5::write_u64_array(group.get(), sc::kCount, {diffs.size(), m}, n);

  // Each scenario's own estimate of every outcome, [scenario, outcome].
  std::vector<double> mean, lo, hi;
  std::vector<std::uint64_t> count;
  for (const auto& row : results.estimates) {
    for (const auto& e : row) {
      mean.push_back(e.mean);
      lo.push_back(e.lo);
      hi.push_back(e.hi);
      count.push_back(e.n);
    }
  }
  h5::write_double_array(group.get(), "scenario_mean", {k, m}, mean);
  h5::write_double_array(group.get(), "scenario_ci95_lo", {k, m}, lo);
  h5::write_double_array(group.get(), "scenario_ci95_hi", {k, m}, hi);
  h5::write_u64_array(group.get(), "scenario_n", {k, m}, count);
}

/// Writes a comparison file at `path` (a temporary path) and closes it.
void write_comparison_file(const experiment::ComparisonResults& results, const std::string& path) {
  if (results.runs.size() != results.names.size() || results.names.empty()) {
    throw IoError("the comparison has " + std::to_string(results.names.size()) + " names and " +
                  std::to_string(results.runs.size()) + " runs");
  }
  std::set<std::string> seen;
  for (const auto& name : results.names) {
    detail::require_group_name(name, "scenario name");
    if (!seen.insert(name).second) throw IoError("scenario '" + name + "' appears twice");
  }
  FileHandle file = h5::create_file(path);
  {
    GroupHandle root = h5::open_root(file.get());
    detail::write_schema_attributes(root.get(), sc::kContentComparison);
    const auto& first = results.runs.front();
    h5::write_string_attribute(root.get(), sc::kModel,
                               std::string(experiment::model_kind_name(first.model)));
    h5::write_string_attribute(root.get(), "version", first.provenance.version);
    h5::write_string_attribute(root.get(), "git_commit", first.provenance.git_commit);
    h5::write_u64_attribute(root.get(), "seed", results.seed);
    h5::write_u64_attribute(root.get(), "replications", results.replications);
    h5::write_double_attribute(root.get(), "wall_seconds", results.wall_seconds);

    GroupHandle scenarios = h5::create_group(root.get(), sc::kScenariosGroup);
    h5::write_strings_attribute(scenarios.get(), sc::kOrder, results.names);
    for (std::size_t s = 0; s < results.names.size(); ++s) {
      GroupHandle group = h5::create_group(scenarios.get(), results.names[s]);
      detail::write_run_group(group.get(), results.runs[s]);
    }
    write_comparison_group(root.get(), results);
    write_cost_effectiveness_group(root.get(), results);
  }
  file.close("cannot close HDF5 file '" + path + "'");
  seal_file(path);
}

/// Writes the schema attributes and `results` at the root of the empty file `file`.
void write_run_root(hid_t file, const experiment::RunResults& results) {
  GroupHandle root = h5::open_root(file);
  detail::write_schema_attributes(root.get(), sc::kContentRun);
  detail::write_run_group(root.get(), results);
}

/// Writes a results file at `path` (a temporary path) and closes it.
void write_run_file(const experiment::RunResults& results, const std::string& path) {
  FileHandle file = h5::create_file(path);
  write_run_root(file.get(), results);
  file.close("cannot close HDF5 file '" + path + "'");
  seal_file(path);
}

}  // namespace

void write_results_hdf5(const experiment::RunResults& results, const std::string& path) {
  const ErrorSilencer quiet;
  write_atomically(path, [&](const std::string& temp) { write_run_file(results, temp); });
}

std::vector<std::uint8_t> results_hdf5_image(const experiment::RunResults& results) {
  const ErrorSilencer quiet;
  try {
    FileHandle file = h5::create_memory_file();
    write_run_root(file.get(), results);
    return h5::file_image(file.get());
  } catch (const IoError& e) {
    throw IoError(std::string("cannot write results to an HDF5 file image: ") + e.what());
  }
}

void write_comparison_hdf5(const experiment::ComparisonResults& results, const std::string& path) {
  const ErrorSilencer quiet;
  write_atomically(path, [&](const std::string& temp) { write_comparison_file(results, temp); });
}

}  // namespace cmhsim::io
