// Provenance, output directories and scenario descriptions shared by `run` and `compare`.
// Knows the command line's conventions; the work is done by experiment/ and io/.
#include "cli/run_support.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "cli/exit_codes.hpp"
#include "cli/version.hpp"
#include "experiment/runner.hpp"

namespace cmhsim::cli {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Called before a run, so a bad output directory fails fast rather than after the run.
void prepare_output_dir(const std::string& path, const char* option) {
  const fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw UsageError{std::string(option) + " " + path + ": cannot create directory '" +
                     dir.string() + "': " + ec.message()};
  }
}

experiment::ModelSpec model_of(const scenario::Scenario& sc) {
  if (sc.pathways) return experiment::ModelSpec(*sc.pathways);
  return experiment::ModelSpec(sc.network);
}

std::string describe_model(const scenario::Scenario& sc) {
  if (sc.pathways) {
    const auto& p = *sc.pathways;
    std::string out = "pathway model: register of " + std::to_string(p.population.register_size) +
                      " people, " + std::to_string(p.population.practices) + " practices";
    if (p.trial.enabled) out += ", trial";
    return out;
  }
  return "queueing network: " + std::to_string(sc.network.arrivals.size()) + " arrival streams, " +
         std::to_string(sc.network.services.size()) + " services";
}

void fill_provenance(experiment::RunResults& results, const scenario::Scenario& sc,
                     const std::string& started, int threads) {
  auto& p = results.provenance;
  p.version = version();
  p.git_commit = git_commit();
  p.scenario_path = sc.path;
  p.scenario_text = sc.text;
  p.seed = sc.seed;
  p.replications = sc.replications;
  // The seed and replications are what ran, which a command line may have changed.
  p.resolved = sc.resolved;
  scenario::set_resolved(p.resolved, "seed", std::to_string(p.seed));
  scenario::set_resolved(p.resolved, "replications", std::to_string(p.replications));
  p.threads = experiment::resolve_threads(threads);
  p.started_utc = started;
  p.finished_utc = utc_now();
  p.host = host_name();
}

std::string scenario_stem(const scenario::Scenario& sc) {
  return sc.name.empty() ? fs::path(sc.path).stem().string() : sc.name;
}

}  // namespace cmhsim::cli
