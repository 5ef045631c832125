// Replications per second of a whole scenario at 1 and 2 threads, parallel efficiency, and peak
// memory per configuration, each measured in a forked child. One JSON object per line.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "bench_util.hpp"
#include "experiment/runner.hpp"
#include "scenario/scenario.hpp"

namespace {

/// Holds one configuration's measurements.
struct Measured {
  double seconds = 0.0;
  double replications_per_second = 0.0;
  double peak_rss_mib = 0.0;
};

/// Runs `reps` replications of `path` on `threads` threads in a child; returns its figures.
Measured measure(const std::string& path, std::uint64_t reps, int threads) {
  int fds[2];
  if (pipe(fds) != 0) std::abort();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const auto sc = cmhsim::scenario::load_scenario_file(path);
    cmhsim::experiment::RunOptions options;
    options.seed = sc.seed;
    options.replications = reps;
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    const auto results = cmhsim::experiment::run_replications(*sc.pathways, options);
    Measured m;
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.replications_per_second = static_cast<double>(results.replications.size()) / m.seconds;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    m.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    if (write(fds[1], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  Measured m;
  const bool ok = read(fds[0], &m, sizeof m) == static_cast<ssize_t>(sizeof m);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "replication_bench: the child for %d threads failed\n", threads);
    std::exit(1);
  }
  return m;
}

}  // namespace

constexpr const char* kUsage =
    "usage: replication_bench [SCENARIO.yaml [REPLICATIONS]]\n"
    "  Runs REPLICATIONS (default 8) replications of the scenario file (default: the shipped ICS\n"
    "  baseline) at 1 and at 2 worker threads, each configuration in its own child process, and\n"
    "  prints one JSON line per configuration and one with the parallel efficiency.\n";

int main(int argc, char** argv) {
  if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
    const bool help = std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h";
    std::fputs(kUsage, help ? stdout : stderr);
    return help ? 0 : 2;
  }
  const std::string path =
      argc > 1 ? argv[1] : std::string(CMHSIM_SOURCE_DIR) + "/scenarios/ics_baseline.yaml";
  std::uint64_t reps = 8;
  if (argc > 2) {
    const std::optional<long> n = cmhsim::bench::whole_number(argv[2], 1, 100000);
    if (!n) {
      std::fprintf(stderr,
                   "replication_bench: REPLICATIONS: expected a whole number in [1, 100000], got "
                   "'%s'\n%s",
                   argv[2], kUsage);
      return 2;
    }
    reps = static_cast<std::uint64_t>(*n);
  }
  const Measured one = measure(path, reps, 1);
  const Measured two = measure(path, reps, 2);
  for (const auto& [threads, m] : {std::pair{1, one}, std::pair{2, two}}) {
    std::printf(
        "{\"bench\":\"replications\",\"scenario\":\"%s\",\"replications\":%llu,\"threads\":%d,"
        "\"seconds\":%.4f,\"replications_per_second\":%.4f,\"peak_rss_mib\":%.2f}\n",
        path.c_str(), static_cast<unsigned long long>(reps), threads, m.seconds,
        m.replications_per_second, m.peak_rss_mib);
  }
  std::printf(
      "{\"bench\":\"replication_scaling\",\"parallel_efficiency\":%.4f,"
      "\"memory_per_worker_mib\":%.2f}\n",
      two.replications_per_second / (2.0 * one.replications_per_second),
      two.peak_rss_mib - one.peak_rss_mib);
  return 0;
}
