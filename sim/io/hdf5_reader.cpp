// The HDF5 results reader: checks the schema, then rebuilds provenance, replications and summary.
// Knows nothing of how the results were produced.
#include "io/hdf5_reader.hpp"

#include <array>
#include <filesystem>
#include <limits>

#include "io/hdf5_primitives.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace sc = schema;
using experiment::RunResults;
using model::kServiceMetricCount;
using model::kServiceMetrics;

/// Throws IoError unless the root group identifies this schema and version.
void require_schema(hid_t root) {
  if (!h5::has_attribute(root, "schema")) {
    throw IoError("not a cmhsim results file (the root group has no 'schema' attribute)");
  }
  const std::string name = h5::read_string_attribute(root, "schema");
  if (name != sc::kName) {
    throw IoError("not a cmhsim results file (schema is '" + name + "', expected '" + sc::kName +
                  "')");
  }
  if (!h5::has_attribute(root, "schema_version")) {
    throw IoError("the root group has no 'schema_version' attribute");
  }
  const std::int64_t version = h5::read_i64_attribute(root, "schema_version");
  if (version != sc::kVersion) {
    throw IoError("results schema_version " + std::to_string(version) +
                  " is not supported; this cmhsim reads schema_version " +
                  std::to_string(sc::kVersion));
  }
}

/// Reads the root attributes into `results`.
void read_root_attributes(hid_t root, RunResults& results) {
  auto& p = results.provenance;
  p.version = h5::read_string_attribute(root, "version");
  p.git_commit = h5::read_string_attribute(root, "git_commit");
  p.scenario_path = h5::read_string_attribute(root, "scenario_path");
  p.seed = h5::read_u64_attribute(root, "seed");
  p.replications = h5::read_u64_attribute(root, "replications");
  const std::int64_t threads = h5::read_i64_attribute(root, "threads");
  if (threads < std::numeric_limits<int>::min() || threads > std::numeric_limits<int>::max()) {
    throw IoError("root attribute 'threads' is out of range: " + std::to_string(threads));
  }
  p.threads = static_cast<int>(threads);
  p.started_utc = h5::read_string_attribute(root, "started_utc");
  p.finished_utc = h5::read_string_attribute(root, "finished_utc");
  p.host = h5::read_string_attribute(root, "host");
  results.horizon_days = h5::read_double_attribute(root, "horizon_days");
  results.warmup_days = h5::read_double_attribute(root, "warmup_days");
  results.wall_seconds = h5::read_double_attribute(root, "wall_seconds");
  results.events = h5::read_u64_attribute(root, "events");
}

/// Returns, for each metric of kServiceMetrics, its index in `object`'s `metrics` attribute.
std::array<std::size_t, kServiceMetricCount> metric_columns(hid_t object) {
  const std::vector<std::string> names = h5::read_strings_attribute(object, sc::kMetrics);
  std::array<std::size_t, kServiceMetricCount> columns{};
  for (std::size_t m = 0; m < kServiceMetricCount; ++m) {
    std::size_t c = 0;
    while (c < names.size() && names[c] != kServiceMetrics[m].name) ++c;
    if (c == names.size()) {
      throw IoError("'" + h5::object_path(object) + "' has no metric '" + kServiceMetrics[m].name +
                    "'");
    }
    columns[m] = c;
  }
  return columns;
}

/// Throws IoError unless `values` has `expected` entries.
template <typename T>
void require_length(const std::vector<T>& values, std::size_t expected, hid_t group,
                    const char* name) {
  if (values.size() != expected) {
    throw IoError("'" + h5::object_path(group) + "/" + name + "' has " +
                  std::to_string(values.size()) + " entries, expected " + std::to_string(expected));
  }
}

/// Reads service `s` called `name` from `group` into every replication of `results`.
void read_service_replications(hid_t group, std::size_t s, const std::string& name,
                               RunResults& results) {
  const std::size_t reps = results.replications.size();
  DatasetHandle ds = h5::open_dataset(group, sc::kReplications);
  const auto columns = metric_columns(ds.get());
  const h5::Matrix table = h5::read_double_matrix(group, sc::kReplications);
  if (table.rows != reps) {
    throw IoError("'" + h5::object_path(ds.get()) + "' has " + std::to_string(table.rows) +
                  " rows, expected one per replication (" + std::to_string(reps) + ")");
  }
  const auto arrivals = h5::read_u64_vector(group, sc::kArrivals);
  const auto completions = h5::read_u64_vector(group, sc::kCompletions);
  require_length(arrivals, reps, group, sc::kArrivals);
  require_length(completions, reps, group, sc::kCompletions);
  for (std::size_t r = 0; r < reps; ++r) {
    model::ServiceOutcome& out = results.replications[r].services[s];
    out.name = name;
    for (std::size_t m = 0; m < kServiceMetricCount; ++m) {
      out.values[m] = table.values[r * table.cols + columns[m]];
    }
    out.arrivals = arrivals[r];
    out.completions = completions[r];
  }
}

/// Returns the summary of the service whose group is `group`.
experiment::ServiceSummary read_service_summary(hid_t group, const std::string& name) {
  GroupHandle summary = h5::open_group(group, sc::kSummaryGroup);
  const auto columns = metric_columns(summary.get());
  const auto mean = h5::read_double_vector(summary.get(), sc::kMean);
  const auto lo = h5::read_double_vector(summary.get(), sc::kCiLo);
  const auto hi = h5::read_double_vector(summary.get(), sc::kCiHi);
  const auto n = h5::read_u64_vector(summary.get(), sc::kCount);
  const std::size_t width = h5::read_strings_attribute(summary.get(), sc::kMetrics).size();
  require_length(mean, width, summary.get(), sc::kMean);
  require_length(lo, width, summary.get(), sc::kCiLo);
  require_length(hi, width, summary.get(), sc::kCiHi);
  require_length(n, width, summary.get(), sc::kCount);
  experiment::ServiceSummary out;
  out.name = name;
  for (std::size_t m = 0; m < kServiceMetricCount; ++m) {
    const std::size_t c = columns[m];
    out.metrics[m] = engine::Estimate{mean[c], lo[c], hi[c], n[c]};
  }
  return out;
}

/// Reads the whole file.
RunResults read_file(const std::string& path) {
  FileHandle file = h5::open_file_readonly(path);
  GroupHandle root = h5::open_root(file.get());
  require_schema(root.get());

  RunResults results;
  read_root_attributes(root.get(), results);
  {
    GroupHandle provenance = h5::open_group(root.get(), sc::kProvenanceGroup);
    results.provenance.scenario_text = h5::read_string_dataset(provenance.get(), sc::kScenarioText);
  }
  {
    GroupHandle replications = h5::open_group(root.get(), sc::kReplicationsGroup);
    const auto events = h5::read_u64_vector(replications.get(), sc::kEvents);
    results.replications.resize(events.size());
    for (std::size_t r = 0; r < events.size(); ++r) results.replications[r].events = events[r];
  }

  GroupHandle all = h5::open_group(root.get(), sc::kServicesGroup);
  const std::vector<std::string> order = h5::read_strings_attribute(all.get(), sc::kOrder);
  for (auto& rep : results.replications) rep.services.resize(order.size());
  std::size_t with_summary = 0;
  for (std::size_t s = 0; s < order.size(); ++s) {
    GroupHandle group = h5::open_group(all.get(), order[s]);
    read_service_replications(group.get(), s, order[s], results);
    if (h5::has_link(group.get(), sc::kSummaryGroup)) {
      results.summary.push_back(read_service_summary(group.get(), order[s]));
      ++with_summary;
    }
  }
  if (with_summary != 0 && with_summary != order.size()) {
    throw IoError("only " + std::to_string(with_summary) + " of " + std::to_string(order.size()) +
                  " services have a summary");
  }
  return results;
}

}  // namespace

RunResults read_results_hdf5(const std::string& path) {
  const ErrorSilencer quiet;
  const std::string prefix = "cannot read results file '" + path + "': ";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw IoError(prefix +
                  (std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
  }
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) {
    take_hdf5_error_stack();
    throw IoError(prefix + "not an HDF5 file");
  }
  try {
    return read_file(path);
  } catch (const IoError& e) {
    throw IoError(prefix + e.what());
  }
}

}  // namespace cmhsim::io
