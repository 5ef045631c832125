// The HDF5 results writer: provenance, per-replication tables and summaries per service.
// Knows nothing of how the results were produced.
#include "io/hdf5_writer.hpp"

#include <set>

#include "io/atomic_file.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace sc = schema;
using experiment::RunResults;
using model::kServiceMetricCount;
using model::kServiceMetrics;

/// Throws IoError unless `name` can be an HDF5 group name.
void require_valid_service_name(const std::string& name) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    throw IoError("service name '" + name + "' cannot name an HDF5 group (empty, '.', '/' or NUL)");
  }
}

/// Returns the services in scenario order, checking every replication and the summary agree.
std::vector<std::string> service_order(const RunResults& results) {
  std::vector<std::string> names;
  if (!results.summary.empty()) {
    for (const auto& s : results.summary) names.push_back(s.name);
  } else if (!results.replications.empty()) {
    for (const auto& s : results.replications.front().services) names.push_back(s.name);
  }
  std::set<std::string> seen;
  for (const auto& name : names) {
    require_valid_service_name(name);
    if (!seen.insert(name).second) throw IoError("service '" + name + "' appears twice");
  }
  for (std::size_t r = 0; r < results.replications.size(); ++r) {
    const auto& services = results.replications[r].services;
    bool same = services.size() == names.size();
    for (std::size_t s = 0; same && s < services.size(); ++s) same = services[s].name == names[s];
    if (!same) {
      throw IoError("replication " + std::to_string(r) +
                    " does not list the same services in the same order as the summary");
    }
  }
  return names;
}

std::vector<std::string> metric_names() {
  std::vector<std::string> out;
  for (const auto& m : kServiceMetrics) out.emplace_back(m.name);
  return out;
}

std::vector<std::string> metric_units() {
  std::vector<std::string> out;
  for (const auto& m : kServiceMetrics) out.emplace_back(m.unit);
  return out;
}

std::vector<std::string> metric_descriptions() {
  std::vector<std::string> out;
  for (const auto& m : kServiceMetrics) out.emplace_back(m.description);
  return out;
}

/// Writes the schema identification and the run's provenance as root attributes.
void write_root_attributes(hid_t root, const RunResults& results) {
  const auto& p = results.provenance;
  h5::write_string_attribute(root, "schema", sc::kName);
  h5::write_i32_attribute(root, "schema_version", sc::kVersion);
  h5::write_string_attribute(root, "version", p.version);
  h5::write_string_attribute(root, "git_commit", p.git_commit);
  h5::write_string_attribute(root, "scenario_path", p.scenario_path);
  h5::write_u64_attribute(root, "seed", p.seed);
  h5::write_u64_attribute(root, "replications", p.replications);
  h5::write_i32_attribute(root, "threads", static_cast<std::int32_t>(p.threads));
  h5::write_string_attribute(root, "started_utc", p.started_utc);
  h5::write_string_attribute(root, "finished_utc", p.finished_utc);
  h5::write_string_attribute(root, "host", p.host);
  h5::write_double_attribute(root, "horizon_days", results.horizon_days);
  h5::write_double_attribute(root, "warmup_days", results.warmup_days);
  h5::write_double_attribute(root, "wall_seconds", results.wall_seconds);
  h5::write_u64_attribute(root, "events", results.events);
}

/// Writes the names, units and meanings of the metric axis onto `object`.
void write_metric_axis(hid_t object, bool with_descriptions) {
  h5::write_strings_attribute(object, sc::kMetrics, metric_names());
  h5::write_strings_attribute(object, sc::kUnits, metric_units());
  if (with_descriptions)
    h5::write_strings_attribute(object, sc::kDescriptions, metric_descriptions());
}

/// Writes service `s`'s replication table, counts and (if any) summary under `group`.
void write_service(hid_t group, std::size_t s, const RunResults& results) {
  const auto& reps = results.replications;
  h5::Matrix table{reps.size(), kServiceMetricCount, {}};
  table.values.reserve(reps.size() * kServiceMetricCount);
  std::vector<std::uint64_t> arrivals;
  std::vector<std::uint64_t> completions;
  for (const auto& rep : reps) {
    const auto& outcome = rep.services[s];
    table.values.insert(table.values.end(), outcome.values.begin(), outcome.values.end());
    arrivals.push_back(outcome.arrivals);
    completions.push_back(outcome.completions);
  }
  DatasetHandle ds = h5::write_double_matrix(group, sc::kReplications, table);
  write_metric_axis(ds.get(), true);
  ds.close("cannot close " + h5::object_path(group) + "/" + sc::kReplications);
  h5::write_u64_vector(group, sc::kArrivals, arrivals);
  h5::write_u64_vector(group, sc::kCompletions, completions);

  if (results.summary.empty()) return;
  const auto& estimates = results.summary[s].metrics;
  std::vector<double> mean;
  std::vector<double> lo;
  std::vector<double> hi;
  std::vector<std::uint64_t> n;
  for (const auto& e : estimates) {
    mean.push_back(e.mean);
    lo.push_back(e.lo);
    hi.push_back(e.hi);
    n.push_back(e.n);
  }
  GroupHandle summary = h5::create_group(group, sc::kSummaryGroup);
  write_metric_axis(summary.get(), false);
  h5::write_double_vector(summary.get(), sc::kMean, mean);
  h5::write_double_vector(summary.get(), sc::kCiLo, lo);
  h5::write_double_vector(summary.get(), sc::kCiHi, hi);
  h5::write_u64_vector(summary.get(), sc::kCount, n);
}

/// Writes the whole file at `path` (a temporary path) and closes it.
void write_file(const RunResults& results, const std::vector<std::string>& services,
                const std::string& path) {
  FileHandle file = h5::create_file(path);
  {
    GroupHandle root = h5::open_root(file.get());
    write_root_attributes(root.get(), results);

    GroupHandle provenance = h5::create_group(root.get(), sc::kProvenanceGroup);
    h5::write_string_dataset(provenance.get(), sc::kScenarioText, results.provenance.scenario_text);

    GroupHandle replications = h5::create_group(root.get(), sc::kReplicationsGroup);
    std::vector<std::uint64_t> events;
    for (const auto& rep : results.replications) events.push_back(rep.events);
    h5::write_u64_vector(replications.get(), sc::kEvents, events);

    GroupHandle all = h5::create_group(root.get(), sc::kServicesGroup);
    h5::write_strings_attribute(all.get(), sc::kOrder, services);
    for (std::size_t s = 0; s < services.size(); ++s) {
      GroupHandle group = h5::create_group(all.get(), services[s]);
      write_service(group.get(), s, results);
    }
  }
  file.close("cannot close HDF5 file '" + path + "'");
}

}  // namespace

void write_results_hdf5(const RunResults& results, const std::string& path) {
  const ErrorSilencer quiet;
  std::vector<std::string> services;
  try {
    services = service_order(results);
  } catch (const IoError& e) {
    throw IoError("cannot write results file '" + path + "': " + e.what());
  }
  AtomicOutput out(path);
  try {
    write_file(results, services, out.temp_path());
  } catch (const IoError& e) {
    throw IoError("cannot write results file '" + path + "': " + e.what());
  }
  out.commit();
}

}  // namespace cmhsim::io
