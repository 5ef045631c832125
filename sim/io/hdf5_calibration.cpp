// Writing and reading calibration files: one group per generation (values, weights, distances,
// predictions), the last generation as /parameter_sets, summaries and provenance as attributes.
#include "io/hdf5_calibration.hpp"

#include "io/atomic_file.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_seal.hpp"
#include "io/io_error.hpp"
#include "io/parameter_sets_io.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

using experiment::AbcGeneration;
using experiment::AbcParticle;

constexpr const char* kCalibration = "calibration";
constexpr const char* kCheckpoint = "calibration-checkpoint";

h5::Matrix matrix_of(const AbcGeneration& g, bool predicted) {
  h5::Matrix m;
  m.rows = g.particles.size();
  m.cols =
      m.rows == 0 ? 0 : (predicted ? g.particles[0].predicted.size() : g.particles[0].theta.size());
  for (const AbcParticle& p : g.particles) {
    const auto& row = predicted ? p.predicted : p.theta;
    m.values.insert(m.values.end(), row.begin(), row.end());
  }
  return m;
}

std::vector<double> column(const std::vector<experiment::PosteriorEstimate>& e, int which) {
  std::vector<double> out;
  for (const auto& x : e) out.push_back(which == 0 ? x.mean : which == 1 ? x.lo : x.hi);
  return out;
}

void write_root(hid_t root, const experiment::CalibrationResults& r, bool checkpoint) {
  h5::write_string_attribute(root, "schema", schema::kName);
  h5::write_i32_attribute(root, "schema_version", schema::kVersion);
  h5::write_string_attribute(root, schema::kContent, checkpoint ? kCheckpoint : kCalibration);
  h5::write_string_attribute(root, "calibration_name", r.name);
  h5::write_string_attribute(root, "method", r.method);
  h5::write_string_attribute(root, "command", r.command);
  h5::write_string_attribute(root, "version", r.version);
  h5::write_string_attribute(root, "git_commit", r.git_commit);
  h5::write_string_attribute(root, "host", r.host);
  h5::write_string_attribute(root, "started_utc", r.started_utc);
  h5::write_string_attribute(root, "finished_utc", r.finished_utc);
  h5::write_i32_attribute(root, "threads", r.threads);
  h5::write_i32_attribute(root, "ranks", r.ranks);
  h5::write_u64_attribute(root, "seed", r.seed);
  h5::write_u64_attribute(root, "replications_per_point", r.replications_per_point);
  h5::write_u64_attribute(root, "budget", r.budget);
  h5::write_u64_attribute(root, "population", r.options.population);
  h5::write_u64_attribute(root, "runs", r.state.runs);
  h5::write_u64_attribute(root, "finished", r.state.finished ? 1 : 0);
  h5::write_string_attribute(root, "stop_reason", r.state.stop_reason);
}

void write_parameter_sets(hid_t root, const experiment::CalibrationResults& r) {
  if (r.state.generations.empty()) return;
  write_parameter_sets_group(root, accepted_sets(r));
}

void write_contents(hid_t root, const experiment::CalibrationResults& r, bool checkpoint) {
  write_root(root, r, checkpoint);
  {
    GroupHandle cal = h5::create_group(root, "calibration");
    h5::write_string_attribute(cal.get(), "path", r.calibration_path);
    h5::write_string_dataset(cal.get(), "text", r.calibration_text);
  }
  {
    GroupHandle priors = h5::create_group(root, "priors");
    h5::write_strings_dataset(priors.get(), "keys", {r.keys.size()}, r.keys);
    h5::write_strings_dataset(priors.get(), "kind", {r.prior_kinds.size()}, r.prior_kinds);
    std::vector<double> lo, hi, mean, sd;
    for (const auto& p : r.problem.priors) {
      lo.push_back(p.lo);
      hi.push_back(p.hi);
      mean.push_back(p.normal ? p.mean : 0.5 * (p.lo + p.hi));
      sd.push_back(p.normal ? p.sd : 0.0);
    }
    h5::write_double_vector(priors.get(), "lo", lo);
    h5::write_double_vector(priors.get(), "hi", hi);
    h5::write_double_vector(priors.get(), "mean", mean);
    h5::write_double_vector(priors.get(), "sd", sd);
  }
  {
    GroupHandle targets = h5::create_group(root, "targets");
    h5::write_strings_dataset(targets.get(), "labels", {r.target_labels.size()}, r.target_labels);
    h5::write_double_vector(targets.get(), "observed", r.problem.observed);
    h5::write_double_vector(targets.get(), "sd", r.problem.sd);
    if (!r.predictive.empty()) {
      h5::write_double_vector(targets.get(), "predicted_mean", column(r.predictive, 0));
      h5::write_double_vector(targets.get(), "predicted_lo", column(r.predictive, 1));
      h5::write_double_vector(targets.get(), "predicted_hi", column(r.predictive, 2));
    }
  }
  if (!r.posterior.empty()) {
    GroupHandle posterior = h5::create_group(root, "posterior");
    h5::write_strings_dataset(posterior.get(), "keys", {r.keys.size()}, r.keys);
    h5::write_double_vector(posterior.get(), "mean", column(r.posterior, 0));
    h5::write_double_vector(posterior.get(), "lo", column(r.posterior, 1));
    h5::write_double_vector(posterior.get(), "hi", column(r.posterior, 2));
  }
  GroupHandle gens = h5::create_group(root, "generations");
  std::vector<double> tolerance;
  std::vector<std::uint64_t> proposals;
  std::vector<std::uint64_t> simulated;
  for (std::size_t t = 0; t < r.state.generations.size(); ++t) {
    const AbcGeneration& g = r.state.generations[t];
    tolerance.push_back(g.tolerance);
    proposals.push_back(g.proposals);
    simulated.push_back(g.simulated);
    GroupHandle group = h5::create_group(gens.get(), std::to_string(t));
    h5::write_double_matrix(group.get(), "values", matrix_of(g, false));
    h5::write_double_matrix(group.get(), "predicted", matrix_of(g, true));
    std::vector<double> weights;
    std::vector<double> distances;
    for (const AbcParticle& p : g.particles) {
      weights.push_back(p.weight);
      distances.push_back(p.distance);
    }
    h5::write_double_vector(group.get(), "weights", weights);
    h5::write_double_vector(group.get(), "distances", distances);
  }
  h5::write_double_vector(gens.get(), "tolerance", tolerance);
  h5::write_u64_vector(gens.get(), "proposals", proposals);
  h5::write_u64_vector(gens.get(), "simulated", simulated);
  write_parameter_sets(root, r);
}

}  // namespace

experiment::ParameterSets accepted_sets(const experiment::CalibrationResults& results) {
  experiment::ParameterSets sets;
  sets.keys = results.keys;
  sets.provenance =
      results.command + " (cmhsim " + results.version + ", commit " + results.git_commit + ")";
  if (results.state.generations.empty()) return sets;
  for (const AbcParticle& p : results.state.generations.back().particles) {
    sets.values.push_back(p.theta);
    sets.weights.push_back(p.weight);
  }
  return sets;
}

void write_calibration_hdf5(const experiment::CalibrationResults& results, const std::string& path,
                            bool checkpoint) {
  const ErrorSilencer quiet;
  write_atomically(path, [&](const std::string& temp) {
    FileHandle file = h5::create_file(temp);
    {
      GroupHandle root = h5::open_root(file.get());
      write_contents(root.get(), results, checkpoint);
    }
    file.close("cannot close HDF5 file '" + temp + "'");
    seal_file(temp);
  });
}

experiment::AbcState read_calibration_state(const std::string& path,
                                            std::string& calibration_text) {
  const ErrorSilencer quiet;
  check_seal(path);
  FileHandle file = h5::open_file_readonly(path);
  GroupHandle root = h5::open_root(file.get());
  const std::string content = h5::read_string_attribute(root.get(), schema::kContent);
  if (content != kCalibration && content != kCheckpoint) {
    throw IoError(path + " is not a calibration file (content '" + content + "')");
  }
  {
    GroupHandle cal = h5::open_group(root.get(), "calibration");
    calibration_text = h5::read_string_dataset(cal.get(), "text");
  }
  experiment::AbcState state;
  state.runs = h5::read_u64_attribute(root.get(), "runs");
  state.finished = h5::read_u64_attribute(root.get(), "finished") != 0;
  state.stop_reason = h5::read_string_attribute(root.get(), "stop_reason");
  GroupHandle gens = h5::open_group(root.get(), "generations");
  const std::vector<double> tolerance = h5::read_double_vector(gens.get(), "tolerance");
  const std::vector<std::uint64_t> proposals = h5::read_u64_vector(gens.get(), "proposals");
  const std::vector<std::uint64_t> simulated = h5::read_u64_vector(gens.get(), "simulated");
  for (std::size_t t = 0; t < tolerance.size(); ++t) {
    GroupHandle group = h5::open_group(gens.get(), std::to_string(t));
    const h5::Matrix values = h5::read_double_matrix(group.get(), "values");
    const h5::Matrix predicted = h5::read_double_matrix(group.get(), "predicted");
    const std::vector<double> weights = h5::read_double_vector(group.get(), "weights");
    const std::vector<double> distances = h5::read_double_vector(group.get(), "distances");
    if (weights.size() != values.rows || distances.size() != values.rows ||
        predicted.rows != values.rows || t >= proposals.size() || t >= simulated.size()) {
      throw IoError(path + ": generation " + std::to_string(t) + " is inconsistent");
    }
    AbcGeneration g;
    g.tolerance = tolerance[t];
    g.proposals = proposals[t];
    g.simulated = simulated[t];
    for (std::size_t i = 0; i < values.rows; ++i) {
      AbcParticle p;
      p.theta.assign(values.values.begin() + static_cast<long>(i * values.cols),
                     values.values.begin() + static_cast<long>((i + 1) * values.cols));
      p.predicted.assign(predicted.values.begin() + static_cast<long>(i * predicted.cols),
                         predicted.values.begin() + static_cast<long>((i + 1) * predicted.cols));
      p.weight = weights[i];
      p.distance = distances[i];
      g.particles.push_back(std::move(p));
    }
    state.generations.push_back(std::move(g));
  }
  return state;
}

}  // namespace cmhsim::io
