// Reads one run back from an HDF5 group: provenance, services, metrics, series and person
// tables, checking shapes against the replication count. Knows no model code.
#include <array>
#include <limits>

#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_read_checks.hpp"
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

/// Reads the run attributes of `group` into `results`.
void read_run_attributes(hid_t group, RunResults& results, std::int64_t version) {
  auto& p = results.provenance;
  results.model = experiment::ModelKind::Network;
  if (version >= 2) {
    const std::string kind = h5::read_string_attribute(group, sc::kModel);
    if (kind == "pathway") {
      results.model = experiment::ModelKind::Pathway;
    } else if (kind != "network") {
      throw IoError("attribute 'model' of '" + h5::object_path(group) + "' is '" + kind +
                    "', expected 'network' or 'pathway'");
    }
  }
  p.version = h5::read_string_attribute(group, "version");
  p.git_commit = h5::read_string_attribute(group, "git_commit");
  p.scenario_path = h5::read_string_attribute(group, "scenario_path");
  p.seed = h5::read_u64_attribute(group, "seed");
  p.replications = h5::read_u64_attribute(group, "replications");
  const std::int64_t threads = h5::read_i64_attribute(group, "threads");
  if (threads < std::numeric_limits<int>::min() || threads > std::numeric_limits<int>::max()) {
    throw IoError("attribute 'threads' is out of range: " + std::to_string(threads));
  }
  p.threads = static_cast<int>(threads);
  p.started_utc = h5::read_string_attribute(group, "started_utc");
  p.finished_utc = h5::read_string_attribute(group, "finished_utc");
  p.host = h5::read_string_attribute(group, "host");
  results.horizon_days = h5::read_double_attribute(group, "horizon_days");
  results.warmup_days = h5::read_double_attribute(group, "warmup_days");
  results.wall_seconds = h5::read_double_attribute(group, "wall_seconds");
  results.events = h5::read_u64_attribute(group, "events");
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

/// Throws IoError unless `dims` equals `expected` for dataset `name` under `group`.
void require_dims(const std::vector<std::size_t>& dims, const std::vector<std::size_t>& expected,
                  hid_t group, const char* name) {
  if (dims == expected) return;
  const auto text = [](const std::vector<std::size_t>& d) {
    std::string s = "[";
    for (std::size_t i = 0; i < d.size(); ++i) s += (i ? ", " : "") + std::to_string(d[i]);
    return s + "]";
  };
  throw IoError("'" + h5::object_path(group) + "/" + name + "' has shape " + text(dims) +
                ", expected " + text(expected));
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
  const std::size_t named = h5::read_strings_attribute(ds.get(), sc::kMetrics).size();
  if (table.cols != named) {
    throw IoError("'" + h5::object_path(ds.get()) + "' has " + std::to_string(table.cols) +
                  " columns for " + std::to_string(named) + " metrics");
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

/// Reads the estimates (mean, ci95_lo, ci95_hi, n) of shape `dims` stored under `group`.
std::vector<engine::Estimate> read_estimates(hid_t group, const std::vector<std::size_t>& dims) {
  const int rank = static_cast<int>(dims.size());
  const auto mean = h5::read_double_array(group, sc::kMean, rank);
  const auto lo = h5::read_double_array(group, sc::kCiLo, rank);
  const auto hi = h5::read_double_array(group, sc::kCiHi, rank);
  const auto n = h5::read_u64_array(group, sc::kCount, rank);
  require_dims(mean.dims, dims, group, sc::kMean);
  require_dims(lo.dims, dims, group, sc::kCiLo);
  require_dims(hi.dims, dims, group, sc::kCiHi);
  require_dims(n.dims, dims, group, sc::kCount);
  std::vector<engine::Estimate> out(mean.values.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = engine::Estimate{mean.values[i], lo.values[i], hi.values[i], n.values[i]};
  }
  return out;
}

/// Returns the summary of the service whose group is `group`.
experiment::ServiceSummary read_service_summary(hid_t group, const std::string& name) {
  GroupHandle summary = h5::open_group(group, sc::kSummaryGroup);
  const auto columns = metric_columns(summary.get());
  const std::size_t width = h5::read_strings_attribute(summary.get(), sc::kMetrics).size();
  const auto estimates = read_estimates(summary.get(), {width});
  experiment::ServiceSummary out;
  out.name = name;
  for (std::size_t m = 0; m < kServiceMetricCount; ++m) out.metrics[m] = estimates[columns[m]];
  return out;
}

/// Returns the output axis (names, units, descriptions) stored on `object`.
std::vector<model::OutputInfo> read_output_axis(hid_t object) {
  const auto names = h5::read_strings_attribute(object, sc::kNames);
  const auto units = h5::read_strings_attribute(object, sc::kUnits);
  const auto descriptions = h5::read_strings_attribute(object, sc::kDescriptions);
  if (units.size() != names.size() || descriptions.size() != names.size()) {
    throw IoError("'" + h5::object_path(object) +
                  "' has different numbers of names, units and descriptions");
  }
  std::vector<model::OutputInfo> out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out.push_back({names[i], units[i], descriptions[i]});
  return out;
}

/// Reads /metrics into `results`.
void read_metrics(hid_t parent, RunResults& results) {
  GroupHandle group = h5::open_group(parent, sc::kMetricsGroup);
  {
    DatasetHandle ds = h5::open_dataset(group.get(), sc::kReplications);
    results.metric_infos = read_output_axis(ds.get());
  }
  const std::size_t count = results.metric_infos.size();
  const std::size_t reps = results.replications.size();
  const auto table = h5::read_double_array(group.get(), sc::kReplications, 2);
  require_dims(table.dims, {reps, count}, group.get(), sc::kReplications);
  for (std::size_t r = 0; r < reps; ++r) {
    const auto begin = table.values.begin() + static_cast<std::ptrdiff_t>(r * count);
    results.replications[r].metrics.assign(begin, begin + static_cast<std::ptrdiff_t>(count));
  }
  if (h5::has_link(group.get(), sc::kSummaryGroup)) {
    GroupHandle summary = h5::open_group(group.get(), sc::kSummaryGroup);
    results.metric_summary = read_estimates(summary.get(), {count});
  }
}

/// Reads /series into `results`.
void read_series(hid_t parent, RunResults& results) {
  GroupHandle group = h5::open_group(parent, sc::kSeriesGroup);
  {
    DatasetHandle ds = h5::open_dataset(group.get(), sc::kReplications);
    results.series_infos = read_output_axis(ds.get());
  }
  const std::size_t width = results.series_infos.size();
  const std::size_t reps = results.replications.size();
  const auto table = h5::read_double_array(group.get(), sc::kReplications, 3);
  if (table.dims.at(0) != reps || table.dims.at(2) != width) {
    require_dims(table.dims, {reps, table.dims.at(1), width}, group.get(), sc::kReplications);
  }
  const std::size_t months = table.dims[1];
  const std::size_t block = months * width;
  for (std::size_t r = 0; r < reps; ++r) {
    const auto begin = table.values.begin() + static_cast<std::ptrdiff_t>(r * block);
    results.replications[r].series.assign(begin, begin + static_cast<std::ptrdiff_t>(block));
    results.replications[r].months = width == 0 ? 0 : months;
  }
  if (!h5::has_link(group.get(), sc::kSummaryGroup)) return;
  GroupHandle summary = h5::open_group(group.get(), sc::kSummaryGroup);
  // With no replications stored, the summary alone says how many months there are.
  const std::size_t summary_months =
      reps > 0 ? months : h5::read_double_array(summary.get(), sc::kMean, 2).dims.at(0);
  const auto flat = read_estimates(summary.get(), {summary_months, width});
  results.series_summary.assign(summary_months, {});
  for (std::size_t m = 0; m < summary_months; ++m) {
    const auto begin = flat.begin() + static_cast<std::ptrdiff_t>(m * width);
    results.series_summary[m].assign(begin, begin + static_cast<std::ptrdiff_t>(width));
  }
}

/// Reads the run's parameter sets and the set of each replication (under `replications`).
void read_parameter_sets_into(hid_t group, hid_t replications, RunResults& results) {
  try {
    results.parameter_sets = read_parameter_sets_group(group, sc::kParameterSetsGroup);
  } catch (const experiment::ParameterSetsError& e) {
    throw IoError(e.what());
  }
  results.parameter_set_of = h5::read_u64_vector(replications, sc::kParameterSet);
  if (results.parameter_set_of.size() != results.replications.size()) {
    throw IoError("replications/parameter_set has " +
                  std::to_string(results.parameter_set_of.size()) + " entries for " +
                  std::to_string(results.replications.size()) + " replications");
  }
  for (const std::uint64_t i : results.parameter_set_of) {
    if (i >= results.parameter_sets.values.size()) {
      throw IoError("replications/parameter_set names set " + std::to_string(i) + " of " +
                    std::to_string(results.parameter_sets.values.size()));
    }
  }
}

/// Reads /persons/<r> for every replication into `results`.
void read_persons(hid_t parent, RunResults& results) {
  GroupHandle group = h5::open_group(parent, sc::kPersonsGroup);
  results.persons.resize(results.replications.size());
  for (std::size_t r = 0; r < results.persons.size(); ++r) {
    results.persons[r] = read_person_table(group.get(), std::to_string(r));
  }
}

}  // namespace

RunResults read_run_group(hid_t group, std::int64_t version) {
  RunResults results;
  read_run_attributes(group, results, version);
  {
    GroupHandle provenance = h5::open_group(group, sc::kProvenanceGroup);
    results.provenance.scenario_text = h5::read_string_dataset(provenance.get(), sc::kScenarioText);
    // Files written before the resolved values were stored lack the dataset.
    if (h5::has_link(provenance.get(), sc::kParameters)) {
      std::vector<std::size_t> dims;
      const auto values = h5::read_strings_dataset(provenance.get(), sc::kParameters, &dims);
      if (dims.size() != 2 || dims[1] != 2) {
        throw IoError("provenance/parameters is not a table of (key, value) rows");
      }
      for (std::size_t i = 0; i + 1 < values.size(); i += 2) {
        results.provenance.resolved.emplace_back(values[i], values[i + 1]);
      }
    }
  }
  {
    GroupHandle replications = h5::open_group(group, sc::kReplicationsGroup);
    const auto events = h5::read_u64_vector(replications.get(), sc::kEvents);
    results.replications.resize(events.size());
    for (std::size_t r = 0; r < events.size(); ++r) results.replications[r].events = events[r];
    if (h5::has_link(group, sc::kParameterSetsGroup)) {
      read_parameter_sets_into(group, replications.get(), results);
    }
  }

  GroupHandle all = h5::open_group(group, sc::kServicesGroup);
  const std::vector<std::string> order = h5::read_strings_attribute(all.get(), sc::kOrder);
  // Each service stores 8 bytes a replication at least, so a file bounds their product.
  if (!order.empty()) {
    h5::require_within_file(all.get(), results.replications.size(), 8 * order.size(),
                            "the replications of every service");
  }
  for (auto& rep : results.replications) rep.services.resize(order.size());
  std::size_t with_summary = 0;
  for (std::size_t s = 0; s < order.size(); ++s) {
    GroupHandle service = h5::open_group(all.get(), order[s]);
    read_service_replications(service.get(), s, order[s], results);
    if (h5::has_link(service.get(), sc::kSummaryGroup)) {
      results.summary.push_back(read_service_summary(service.get(), order[s]));
      ++with_summary;
    }
  }
  if (with_summary != 0 && with_summary != order.size()) {
    throw IoError("only " + std::to_string(with_summary) + " of " + std::to_string(order.size()) +
                  " services have a summary");
  }
  // Version 1 files hold network runs only: no metrics, series or person tables.
  if (version >= 2) {
    read_metrics(group, results);
    read_series(group, results);
    if (h5::has_link(group, sc::kPersonsGroup)) read_persons(group, results);
  }
  return results;
}

}  // namespace cmhsim::io::detail
