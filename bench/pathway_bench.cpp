// Whole-scenario benchmark of the pathway model: one replication of each scenario file given,
// each in its own child process so wall time and peak memory are its own, optionally interleaved
// with another build's pathway_bench to compare the two side by side. Prints JSON lines.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "model/pathway_model.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;

namespace {

constexpr const char* kUsage =
    "usage: pathway_bench [--repeats N] [--against OTHER_PATHWAY_BENCH] [FILE.yaml[=OTHER.yaml] "
    "...]\n"
    "  Runs replication 0 of each pathway scenario file (default: the shipped ICS baseline and\n"
    "  England) N times (default 1), each run in its own child process, and prints one JSON line\n"
    "  per run. With --against, each run alternates with a run of the other build's\n"
    "  pathway_bench on OTHER.yaml (default: the same file), the two taking turns to go first,\n"
    "  and a summary line per file gives both medians and their ratio.\n";

// Runs replication 0 of `path` and writes its figures (without the closing brace) to `out`;
// returns the process exit code.
int run_one(const std::string& path, int out) {
  try {
    const scenario::Scenario sc = scenario::load_scenario_file(path);
    if (!sc.pathways) {
      std::fprintf(stderr, "%s: not a pathway scenario\n", path.c_str());
      return 2;
    }
    model::ReplicationOutcome result;
    const double wall = bench::time_seconds([&] {
      model::PathwayModel m(*sc.pathways, engine::RngKey{sc.seed, 0});
      result = m.run();
    });
    char line[512];
    const int n = std::snprintf(
        line, sizeof line,
        "{\"bench\":\"pathway\",\"scenario\":\"%s\",\"register_size\":%u,\"horizon_days\":%g,"
        "\"replications\":1,\"events\":%llu,\"wall_s\":%.4f,\"events_per_s\":%.4g",
        sc.name.c_str(), sc.pathways->population.register_size, sc.pathways->horizon_days,
        static_cast<unsigned long long>(result.events), wall,
        static_cast<double>(result.events) / wall);
    if (n <= 0 || write(out, line, static_cast<std::size_t>(n)) != n) return 1;
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), e.what());
    return 1;
  }
}

// Returns the number after `"key":` in a JSON line, or a negative value when it is missing.
double json_number(const std::string& line, const char* key) {
  const std::string needle = std::string("\"") + key + "\":";
  const std::size_t at = line.find(needle);
  return at == std::string::npos ? -1.0 : std::strtod(line.c_str() + at + needle.size(), nullptr);
}

// Runs `path` in a child process of this build; prints its line and returns its wall time
// (negative on failure).
double run_this(const std::string& path) {
  int fds[2];
  if (pipe(fds) != 0) return -1.0;
  std::fflush(stdout);
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    _exit(run_one(path, fds[1]));
  }
  close(fds[1]);
  std::string line;
  char buf[512];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
    line.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || line.empty()) return -1.0;
  // ru_maxrss is in KiB on Linux; the child's own peak, not the parent's.
  std::printf("%s,\"peak_rss_mib\":%.1f}\n", line.c_str(),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::fflush(stdout);
  return json_number(line, "wall_s");
}

// Runs the pathway_bench `binary` on `path`; prints its line tagged with `build` and returns its
// wall time (negative on failure).
double run_binary(const std::string& binary, const std::string& path, const char* build) {
  std::fflush(stdout);
  const std::string command = "'" + binary + "' '" + path + "'";
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return -1.0;
  std::string line;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p) != nullptr) line += buf;
  const int status = pclose(p);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (status != 0 || line.size() < 2 || line[0] != '{') return -1.0;
  std::printf("{\"build\":\"%s\",%s\n", build, line.c_str() + 1);
  std::fflush(stdout);
  return json_number(line, "wall_s");
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 1;
  std::string against;
  std::vector<std::string> specs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if ((arg == "--repeats" || arg == "--against") && i + 1 >= argc) {
      std::fprintf(stderr, "pathway_bench: %s needs a value\n%s", arg.c_str(), kUsage);
      return 2;
    }
    if (arg == "--repeats") {
      const std::optional<long> n = bench::whole_number(argv[++i], 1, 1000);
      if (!n) {
        std::fprintf(stderr,
                     "pathway_bench: --repeats: expected a whole number in [1, 1000], "
                     "got '%s'\n",
                     argv[i]);
        return 2;
      }
      repeats = static_cast<int>(*n);
    } else if (arg == "--against") {
      against = argv[++i];
    } else if (arg.rfind("--", 0) == 0) {
      std::fprintf(stderr, "pathway_bench: unknown option '%s'\n%s", arg.c_str(), kUsage);
      return 2;
    } else {
      specs.push_back(arg);
    }
  }
  if (specs.empty()) {
    const std::string dir = CMHSIM_SOURCE_DIR "/scenarios/";
    specs = {dir + "ics_baseline.yaml", dir + "england.yaml"};
  }
  char self_path[4096];
  const ssize_t self_size = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
  if (!against.empty() && self_size <= 0) {
    std::fprintf(stderr, "pathway_bench: cannot find this build's own binary\n");
    return 1;
  }
  const std::string self(self_path, self_size > 0 ? static_cast<std::size_t>(self_size) : 0);
  int status = 0;
  for (const std::string& spec : specs) {
    const std::size_t eq = spec.find('=');
    const std::string path = spec.substr(0, eq);
    const std::string other = eq == std::string::npos ? path : spec.substr(eq + 1);
    std::vector<double> mine;
    std::vector<double> theirs;
    for (int r = 0; r < repeats; ++r) {
      if (against.empty()) {
        const double t = run_this(path);
        if (t < 0.0)
          status = 1;
        else
          mine.push_back(t);
        continue;
      }
      // Both builds start the same way (a new process each) and take turns going first, so
      // neither gains from its place in the pair.
      const auto run = [&](const std::string& binary, const std::string& file, const char* build,
                           std::vector<double>& times) {
        const double t = run_binary(binary, file, build);
        if (t < 0.0) {
          std::fprintf(stderr, "pathway_bench: '%s %s' failed\n", binary.c_str(), file.c_str());
          status = 1;
        } else {
          times.push_back(t);
        }
      };
      if (r % 2 == 0) run(self, path, "this", mine);
      run(against, other, "against", theirs);
      if (r % 2 == 1) run(self, path, "this", mine);
    }
    if (against.empty() || mine.empty() || theirs.empty()) continue;
    const double a = bench::median(mine);
    const double b = bench::median(theirs);
    std::printf(
        "{\"bench\":\"pathway_summary\",\"file\":\"%s\",\"against_file\":\"%s\",\"runs\":%zu,"
        "\"this_median_s\":%.4f,\"against_median_s\":%.4f,\"speedup\":%.3f}\n",
        path.c_str(), other.c_str(), mine.size(), a, b, b / a);
    std::fflush(stdout);
  }
  return status;
}
