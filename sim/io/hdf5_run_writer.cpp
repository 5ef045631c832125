// Writes one run into an HDF5 group: provenance, per-replication tables and summaries per
// service, end-of-run metrics, monthly series and (if kept) person tables. Knows no model code.
#include <set>

#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_recorder.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/parameter_sets_io.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io::detail {
namespace {

namespace sc = schema;
using experiment::RunResults;
using model::kServiceMetricCount;
using model::kServiceMetrics;

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
    require_group_name(name, "service name");
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

/// Writes the names, units and meanings of the service metric axis onto `object`.
void write_service_metric_axis(hid_t object, bool with_descriptions) {
  std::vector<std::string> names, units, descriptions;
  for (const auto& m : kServiceMetrics) {
    names.emplace_back(m.name);
    units.emplace_back(m.unit);
    descriptions.emplace_back(m.description);
  }
  h5::write_strings_attribute(object, sc::kMetrics, names);
  h5::write_strings_attribute(object, sc::kUnits, units);
  if (with_descriptions) h5::write_strings_attribute(object, sc::kDescriptions, descriptions);
}

/// Writes an output axis (names, units and, if asked, descriptions) onto `object`.
void write_output_axis(hid_t object, const std::vector<model::OutputInfo>& infos,
                       bool with_descriptions) {
  std::vector<std::string> names, units, descriptions;
  for (const auto& info : infos) {
    names.push_back(info.name);
    units.push_back(info.unit);
    descriptions.push_back(info.description);
  }
  h5::write_strings_attribute(object, sc::kNames, names);
  h5::write_strings_attribute(object, sc::kUnits, units);
  if (with_descriptions) h5::write_strings_attribute(object, sc::kDescriptions, descriptions);
}

/// Writes the run's provenance and settings as attributes of `group`.
void write_run_attributes(hid_t group, const RunResults& results) {
  const auto& p = results.provenance;
  h5::write_string_attribute(group, sc::kModel,
                             std::string(experiment::model_kind_name(results.model)));
  h5::write_string_attribute(group, "version", p.version);
  h5::write_string_attribute(group, "git_commit", p.git_commit);
  h5::write_string_attribute(group, "scenario_path", p.scenario_path);
  h5::write_u64_attribute(group, "seed", p.seed);
  h5::write_u64_attribute(group, "replications", p.replications);
  h5::write_i32_attribute(group, "threads", static_cast<std::int32_t>(p.threads));
  h5::write_string_attribute(group, "started_utc", p.started_utc);
  h5::write_string_attribute(group, "finished_utc", p.finished_utc);
  h5::write_string_attribute(group, "host", p.host);
  h5::write_double_attribute(group, "horizon_days", results.horizon_days);
  h5::write_double_attribute(group, "warmup_days", results.warmup_days);
  h5::write_double_attribute(group, "wall_seconds", results.wall_seconds);
  h5::write_u64_attribute(group, "events", results.events);
}

/// Writes mean, ci95_lo, ci95_hi and n of `estimates` (shape `dims`) under `group`.
void write_estimates(hid_t group, const std::vector<std::size_t>& dims,
                     const std::vector<engine::Estimate>& estimates) {
  std::vector<double> mean, lo, hi;
  std::vector<std::uint64_t> n;
  for (const auto& e : estimates) {
    mean.push_back(e.mean);
    lo.push_back(e.lo);
    hi.push_back(e.hi);
    n.push_back(e.n);
  }
  h5::write_double_array(group, sc::kMean, dims, mean);
  h5::write_double_array(group, sc::kCiLo, dims, lo);
  h5::write_double_array(group, sc::kCiHi, dims, hi);
  h5::write_u64_array(group, sc::kCount, dims, n);
}

/// Writes service `s`'s replication table, counts and (if any) summary under `group`.
void write_service(hid_t group, std::size_t s, const RunResults& results) {
  const auto& reps = results.replications;
  std::vector<double> table;
  table.reserve(reps.size() * kServiceMetricCount);
  std::vector<std::uint64_t> arrivals;
  std::vector<std::uint64_t> completions;
  for (const auto& rep : reps) {
    const auto& outcome = rep.services[s];
    table.insert(table.end(), outcome.values.begin(), outcome.values.end());
    arrivals.push_back(outcome.arrivals);
    completions.push_back(outcome.completions);
  }
  DatasetHandle ds =
      h5::write_double_array(group, sc::kReplications, {reps.size(), kServiceMetricCount}, table);
  write_service_metric_axis(ds.get(), true);
  ds.close("cannot close " + h5::object_path(group) + "/" + sc::kReplications);
  h5::write_u64_vector(group, sc::kArrivals, arrivals);
  h5::write_u64_vector(group, sc::kCompletions, completions);

  if (results.summary.empty()) return;
  GroupHandle summary = h5::create_group(group, sc::kSummaryGroup);
  write_service_metric_axis(summary.get(), false);
  const auto& m = results.summary[s].metrics;
  write_estimates(summary.get(), {kServiceMetricCount}, {m.begin(), m.end()});
}

/// Writes /metrics: the [R, M] table and, when present, its summary.
void write_metrics(hid_t parent, const RunResults& results) {
  const std::size_t count = results.metric_infos.size();
  std::vector<double> table;
  for (std::size_t r = 0; r < results.replications.size(); ++r) {
    const auto& values = results.replications[r].metrics;
    if (values.size() != count) {
      throw IoError("replication " + std::to_string(r) + " has " + std::to_string(values.size()) +
                    " metrics, but " + std::to_string(count) + " are named");
    }
    table.insert(table.end(), values.begin(), values.end());
  }
  GroupHandle group = h5::create_group(parent, sc::kMetricsGroup);
  DatasetHandle ds = h5::write_double_array(group.get(), sc::kReplications,
                                            {results.replications.size(), count}, table);
  write_output_axis(ds.get(), results.metric_infos, true);
  if (results.metric_summary.empty() && count > 0) return;
  if (results.metric_summary.size() != count) {
    throw IoError("the metric summary has " + std::to_string(results.metric_summary.size()) +
                  " entries, but " + std::to_string(count) + " metrics are named");
  }
  GroupHandle summary = h5::create_group(group.get(), sc::kSummaryGroup);
  write_output_axis(summary.get(), results.metric_infos, false);
  write_estimates(summary.get(), {count}, results.metric_summary);
}

/// Returns the months every replication's series covers (or the summary's, with none).
std::size_t series_months(const RunResults& results) {
  const std::size_t width = results.series_infos.size();
  if (results.replications.empty()) return results.series_summary.size();
  const std::size_t months = width == 0 ? 0 : results.replications.front().months;
  for (std::size_t r = 0; r < results.replications.size(); ++r) {
    const auto& rep = results.replications[r];
    if (rep.series.size() != months * width || (width > 0 && rep.months != months)) {
      throw IoError("replication " + std::to_string(r) + " has " +
                    std::to_string(rep.series.size()) + " series values, expected " +
                    std::to_string(months) + " months x " + std::to_string(width) + " series");
    }
  }
  return months;
}

/// Writes /series: the [R, months, S] table and, when present, its [months, S] summary.
void write_series(hid_t parent, const RunResults& results) {
  const std::size_t width = results.series_infos.size();
  const std::size_t months = series_months(results);
  std::vector<double> table;
  for (const auto& rep : results.replications) {
    table.insert(table.end(), rep.series.begin(), rep.series.end());
  }
  GroupHandle group = h5::create_group(parent, sc::kSeriesGroup);
  DatasetHandle ds = h5::write_double_array(group.get(), sc::kReplications,
                                            {results.replications.size(), months, width}, table);
  write_output_axis(ds.get(), results.series_infos, true);
  const auto& summary = results.series_summary;
  if (summary.empty() && months > 0) return;
  if (summary.size() != months) {
    throw IoError("the series summary has " + std::to_string(summary.size()) +
                  " months, expected " + std::to_string(months));
  }
  std::vector<engine::Estimate> flat;
  for (const auto& row : summary) {
    if (row.size() != width) {
      throw IoError("a series summary month has " + std::to_string(row.size()) +
                    " entries, expected " + std::to_string(width));
    }
    flat.insert(flat.end(), row.begin(), row.end());
  }
  GroupHandle sgroup = h5::create_group(group.get(), sc::kSummaryGroup);
  write_output_axis(sgroup.get(), results.series_infos, false);
  write_estimates(sgroup.get(), {months, width}, flat);
}

/// Writes /persons/<r> person tables for every replication.
void write_persons(hid_t parent, const RunResults& results) {
  if (results.persons.size() != results.replications.size()) {
    throw IoError("person tables for " + std::to_string(results.persons.size()) +
                  " replications, expected " + std::to_string(results.replications.size()));
  }
  GroupHandle group = h5::create_group(parent, sc::kPersonsGroup);
  for (std::size_t r = 0; r < results.persons.size(); ++r) {
    Hdf5Recorder table(group.get(), {}, "", std::to_string(r));
    for (const auto& person : results.persons[r]) table.record_person(person);
    table.finish();
  }
}

}  // namespace

void require_group_name(const std::string& name, const std::string& what) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    throw IoError(what + " '" + name + "' cannot name an HDF5 group (empty, '.', '/' or NUL)");
  }
}

void write_schema_attributes(hid_t root, const char* content) {
  h5::write_string_attribute(root, "schema", sc::kName);
  h5::write_i32_attribute(root, "schema_version", sc::kVersion);
  h5::write_string_attribute(root, sc::kContent, content);
}

void write_run_group(hid_t group, const RunResults& results) {
  const std::vector<std::string> services = service_order(results);
  write_run_attributes(group, results);

  GroupHandle provenance = h5::create_group(group, sc::kProvenanceGroup);
  h5::write_string_dataset(provenance.get(), sc::kScenarioText, results.provenance.scenario_text);
  std::vector<std::string> parameters;
  for (const auto& [key, value] : results.provenance.resolved) {
    parameters.push_back(key);
    parameters.push_back(value);
  }
  if (!parameters.empty()) {
    h5::write_strings_dataset(provenance.get(), sc::kParameters,
                              {results.provenance.resolved.size(), 2}, parameters);
  }

  GroupHandle replications = h5::create_group(group, sc::kReplicationsGroup);
  std::vector<std::uint64_t> events;
  for (const auto& rep : results.replications) events.push_back(rep.events);
  h5::write_u64_vector(replications.get(), sc::kEvents, events);
  if (!results.parameter_sets.keys.empty()) {
    if (results.parameter_set_of.size() != results.replications.size()) {
      throw IoError("parameter set indices for " + std::to_string(results.parameter_set_of.size()) +
                    " of " + std::to_string(results.replications.size()) + " replications");
    }
    write_parameter_sets_group(group, results.parameter_sets, sc::kParameterSetsGroup);
    h5::write_u64_vector(replications.get(), sc::kParameterSet, results.parameter_set_of);
  }

  GroupHandle all = h5::create_group(group, sc::kServicesGroup);
  h5::write_strings_attribute(all.get(), sc::kOrder, services);
  for (std::size_t s = 0; s < services.size(); ++s) {
    GroupHandle service = h5::create_group(all.get(), services[s]);
    write_service(service.get(), s, results);
  }
  write_metrics(group, results);
  write_series(group, results);
  if (!results.persons.empty()) write_persons(group, results);
}

}  // namespace cmhsim::io::detail
