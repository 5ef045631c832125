// Whole-scenario benchmark of the pathway model: one replication of each scenario file given,
// each in its own child process so wall time and peak memory are its own. Prints JSON lines.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "model/pathway_model.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;

namespace {

// Runs replication 0 of `path` and prints its figures; returns the process exit code.
int run_one(const std::string& path) {
  try {
    const scenario::Scenario sc = scenario::load_scenario_file(path);
    if (!sc.pathways) {
      std::fprintf(stderr, "%s: not a pathway scenario\n", path.c_str());
      return 2;
    }
    model::ReplicationOutcome out;
    const double wall = bench::time_seconds([&] {
      model::PathwayModel m(*sc.pathways, engine::RngKey{sc.seed, 0});
      out = m.run();
    });
    std::printf(
        "{\"bench\":\"pathway\",\"scenario\":\"%s\",\"register_size\":%u,\"horizon_days\":%g,"
        "\"replications\":1,\"events\":%llu,\"wall_s\":%.3f,\"events_per_s\":%.4g",
        sc.name.c_str(), sc.pathways->population.register_size, sc.pathways->horizon_days,
        static_cast<unsigned long long>(out.events), wall, static_cast<double>(out.events) / wall);
    std::fflush(stdout);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), e.what());
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) {
    const std::string dir = CMHSIM_SOURCE_DIR "/scenarios/";
    paths = {dir + "ics_baseline.yaml", dir + "england.yaml"};
  }
  int status = 0;
  for (const std::string& path : paths) {
    const pid_t child = fork();
    if (child == 0) _exit(run_one(path));
    int child_status = 0;
    rusage usage{};
    wait4(child, &child_status, 0, &usage);
    if (WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0) {
      // ru_maxrss is in KiB on Linux; the child's own peak, not the parent's.
      std::printf(",\"peak_rss_mib\":%.1f}\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    } else {
      status = 1;
    }
    std::fflush(stdout);
  }
  return status;
}
