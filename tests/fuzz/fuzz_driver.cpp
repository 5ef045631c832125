// A seeded mutation fuzzer for the scenario loader and the results-file readers: each mutated
// input runs in a forked child under a time limit, and anything but a clean outcome fails.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "fuzz_mutations.hpp"
#include "fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;
using cmhsim::fuzz::kClean;
using cmhsim::fuzz::kReadWhole;

/// Limits the seconds one input may take before it counts as a hang.
constexpr unsigned kPerInputSeconds = 10;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Describes how one child ended: `failure` is empty when it ended cleanly.
struct Outcome {
  std::string failure;
  bool read_whole = false;
};

/// Runs `work` in a child with a time limit and reports how it ended.
template <typename Work>
Outcome run_isolated(Work work) {
  std::cout.flush();
  const pid_t pid = fork();
  if (pid < 0) return {"fork failed"};
  if (pid == 0) {
    alarm(kPerInputSeconds);
    _exit(work());
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return {"waitpid failed"};
  if (WIFEXITED(status) && WEXITSTATUS(status) == kClean) return {};
  if (WIFEXITED(status) && WEXITSTATUS(status) == kReadWhole) return {"", true};
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
    return {"took more than " + std::to_string(kPerInputSeconds) + " s (hang)"};
  }
  if (WIFSIGNALED(status)) return {"died of signal " + std::to_string(WTERMSIG(status))};
  return {"exit status " + std::to_string(WEXITSTATUS(status))};
}

template <typename Bytes>
void save(const fs::path& dir, const std::string& name, const Bytes& bytes) {
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

struct Options {
  fs::path corpus;
  double seconds = 10;
  std::uint64_t seed = 1;
  bool loader = true;
  bool reader = false;
  fs::path failures = fs::temp_directory_path() / "cmhsim-fuzz";
};

Options parse_options(int argc, char** argv) {
  Options o;
  if (const char* s = std::getenv("CMHSIM_FUZZ_SECONDS")) o.seconds = std::atof(s);
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--seconds") {
      if (!std::getenv("CMHSIM_FUZZ_SECONDS")) o.seconds = std::atof(next().c_str());
    } else if (a == "--seed") {
      o.seed = std::strtoull(next().c_str(), nullptr, 10);
    } else if (a == "--targets") {
      const std::string t = next();
      o.loader = t.find("loader") != std::string::npos;
      o.reader = t.find("reader") != std::string::npos;
    } else if (a == "--failures") {
      o.failures = next();
    } else {
      o.corpus = a;
    }
  }
  return o;
}

/// Owns a fresh scratch directory for results files and removes it at the end.
struct Scratch {
  fs::path path = fs::temp_directory_path() / ("cmhsim-fuzz-scratch-" + std::to_string(getpid()));
  Scratch() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(o.corpus)) {
    if (entry.is_regular_file()) texts.push_back(read_file(entry.path()));
  }
  if (texts.empty()) {
    std::cerr << "no seed inputs in " << o.corpus << "\n";
    return 2;
  }
  const Scratch scratch;
  std::vector<std::vector<std::uint8_t>> files;
  if (o.reader) files = cmhsim::fuzz::results_seeds(scratch.path);

  std::mt19937_64 rng(o.seed);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(o.seconds);
  std::uint64_t loader_runs = 0;
  std::uint64_t reader_runs = 0;
  std::uint64_t read_whole = 0;
  // Each seed runs unmutated first, so past findings kept in the corpus stay fixed; every
  // results seed must read whole, so the checks refuse no good file.
  for (std::size_t k = 0; o.loader && k < texts.size(); ++k) {
    const Outcome out = run_isolated([&] { return cmhsim::fuzz::load_scenario(texts[k]); });
    if (!out.failure.empty()) {
      std::cerr << "scenario loader " << out.failure << " on seed input " << k << "\n";
      return 1;
    }
  }
  for (std::size_t k = 0; k < files.size(); ++k) {
    const Outcome out =
        run_isolated([&] { return cmhsim::fuzz::read_results(files[k], scratch.path); });
    if (!out.failure.empty() || !out.read_whole) {
      std::cerr << "results readers " << (out.failure.empty() ? "refused" : out.failure)
                << " results seed " << k << "\n";
      return 1;
    }
  }
  while (std::chrono::steady_clock::now() < deadline) {
    if (o.loader) {
      const std::string input =
          cmhsim::fuzz::mutate_text(texts[rng() % texts.size()], texts[rng() % texts.size()], rng);
      const Outcome out = run_isolated([&] { return cmhsim::fuzz::load_scenario(input); });
      ++loader_runs;
      if (!out.failure.empty()) {
        const std::string name =
            "loader-" + std::to_string(o.seed) + "-" + std::to_string(loader_runs) + ".yaml";
        save(o.failures, name, input);
        std::cerr << "scenario loader " << out.failure << " on " << (o.failures / name) << "\n";
        return 1;
      }
    }
    if (o.reader) {
      const auto input = cmhsim::fuzz::mutate_results(files[rng() % files.size()], rng);
      const Outcome out =
          run_isolated([&] { return cmhsim::fuzz::read_results(input, scratch.path); });
      ++reader_runs;
      read_whole += out.read_whole ? 1 : 0;
      if (!out.failure.empty()) {
        const std::string name =
            "reader-" + std::to_string(o.seed) + "-" + std::to_string(reader_runs) + ".h5";
        save(o.failures, name, input);
        std::cerr << "results reader " << out.failure << " on " << (o.failures / name) << "\n";
        return 1;
      }
    }
  }
  std::cout << "fuzzed " << loader_runs << " scenarios and " << reader_runs
            << " results files, of which " << read_whole << " read whole (seed " << o.seed << ", "
            << o.seconds << " s): no crash, no hang\n";
  return 0;
}
