// A seeded mutation fuzzer for the scenario loader and the results-file reader: each mutated
// input runs in a forked child under a time limit, and anything but a clean outcome fails.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "../io/io_test_support.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_writer.hpp"
#include "io/io_error.hpp"
#include "scenario/scenario.hpp"

namespace {

/// Marks a child whose input was handled cleanly.
constexpr int kClean = 0;
/// Marks a child that saw an exception of an unexpected type.
constexpr int kUnexpected = 3;
/// Limits the seconds one input may take before it counts as a hang.
constexpr unsigned kPerInputSeconds = 10;

// Fragments that stress the parser and the value checks more than random bytes do.
const std::vector<std::string> kTokens{"1e308",
                                       "-1",
                                       "0",
                                       "5e-324",
                                       "1e-300",
                                       ".nan",
                                       ".inf",
                                       "4294967295",
                                       "18446744073709551616",
                                       "\n---\n",
                                       "!!str ",
                                       "!!int ",
                                       "\"",
                                       "'",
                                       "\\0",
                                       std::string(1, '\0'),
                                       "[",
                                       "]",
                                       "{",
                                       "}",
                                       ": ",
                                       "\n  ",
                                       "&a ",
                                       "*a ",
                                       "<<: ",
                                       "? ",
                                       "- ",
                                       "#",
                                       "\xff\xfe",
                                       "\xc3\xa9",
                                       "~",
                                       "null",
                                       "dist: lognormal",
                                       "dist: empirical",
                                       "values: []",
                                       "mean: ",
                                       "population:\n",
                                       "arrivals:\n"};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Returns `input` with one to eight random edits: bit flips, byte changes, insertions of
/// tokens, deletions, duplications of a span, and splices from another input.
template <typename Bytes>
Bytes mutate(Bytes input, const Bytes& other, std::mt19937_64& rng) {
  const auto pick = [&](std::size_t n) {
    return n == 0 ? std::size_t{0} : static_cast<std::size_t>(rng() % n);
  };
  const std::size_t edits = 1 + pick(8);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t at = pick(input.size() + 1);
    switch (pick(6)) {
      case 0:
        if (at < input.size()) input[at] ^= static_cast<typename Bytes::value_type>(1u << pick(8));
        break;
      case 1:
        if (at < input.size()) input[at] = static_cast<typename Bytes::value_type>(rng());
        break;
      case 2: {
        const std::string& t = kTokens[pick(kTokens.size())];
        input.insert(input.begin() + static_cast<long>(at), t.begin(), t.end());
        break;
      }
      case 3: {
        const std::size_t n = std::min(input.size() - std::min(at, input.size()), 1 + pick(16));
        input.erase(input.begin() + static_cast<long>(at),
                    input.begin() + static_cast<long>(at + n));
        break;
      }
      case 4: {
        if (at >= input.size()) break;
        const std::size_t n = std::min(input.size() - at, 1 + pick(64));
        const Bytes span(input.begin() + static_cast<long>(at),
                         input.begin() + static_cast<long>(at + n));
        input.insert(input.begin() + static_cast<long>(pick(input.size() + 1)), span.begin(),
                     span.end());
        break;
      }
      default: {
        if (other.empty()) break;
        const std::size_t from = pick(other.size());
        const std::size_t n = std::min(other.size() - from, 1 + pick(128));
        input.insert(input.begin() + static_cast<long>(at), other.begin() + static_cast<long>(from),
                     other.begin() + static_cast<long>(from + n));
        break;
      }
    }
  }
  return input;
}

/// Loads a scenario; only success or a ScenarioError is clean.
int load_scenario(const std::string& text) {
  try {
    (void)cmhsim::scenario::parse_scenario(text, "fuzz.yaml");
  } catch (const cmhsim::scenario::ScenarioError&) {
    return kClean;
  } catch (const std::exception& e) {
    std::cerr << "unexpected exception: " << e.what() << "\n";
    return kUnexpected;
  }
  return kClean;
}

/// Reads a results image; only success or an IoError is clean.
int read_results(const std::vector<std::uint8_t>& image) {
  try {
    (void)cmhsim::io::read_results_hdf5_image(image);
  } catch (const cmhsim::io::IoError&) {
    return kClean;
  } catch (const std::exception& e) {
    std::cerr << "unexpected exception: " << e.what() << "\n";
    return kUnexpected;
  }
  return kClean;
}

/// Runs `work` in a child with a time limit; returns an empty string if clean, else what failed.
template <typename Work>
std::string run_isolated(Work work) {
  std::cout.flush();
  const pid_t pid = fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    alarm(kPerInputSeconds);
    _exit(work());
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return "waitpid failed";
  if (WIFEXITED(status) && WEXITSTATUS(status) == kClean) return "";
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
    return "took more than " + std::to_string(kPerInputSeconds) + " s (hang)";
  }
  if (WIFSIGNALED(status)) return "died of signal " + std::to_string(WTERMSIG(status));
  return "exit status " + std::to_string(WEXITSTATUS(status));
}

template <typename Bytes>
void save(const std::filesystem::path& dir, const std::string& name, const Bytes& bytes) {
  std::filesystem::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

struct Options {
  std::filesystem::path corpus;
  double seconds = 10;
  std::uint64_t seed = 1;
  bool loader = true;
  bool reader = false;
  std::filesystem::path failures = std::filesystem::temp_directory_path() / "cmhsim-fuzz";
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

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse_options(argc, argv);
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(o.corpus)) {
    if (entry.is_regular_file()) texts.push_back(read_file(entry.path()));
  }
  if (texts.empty()) {
    std::cerr << "no seed inputs in " << o.corpus << "\n";
    return 2;
  }
  std::vector<std::vector<std::uint8_t>> images;
  if (o.reader)
    images.push_back(cmhsim::io::results_hdf5_image(cmhsim::io::test::sample_results()));

  std::mt19937_64 rng(o.seed);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(o.seconds);
  std::uint64_t loader_runs = 0;
  std::uint64_t reader_runs = 0;
  // Each seed runs unmutated first, so past findings kept in the corpus stay fixed.
  for (std::size_t k = 0; o.loader && k < texts.size(); ++k) {
    const std::string failure = run_isolated([&] { return load_scenario(texts[k]); });
    if (!failure.empty()) {
      std::cerr << "scenario loader " << failure << " on seed input " << k << "\n";
      return 1;
    }
  }
  while (std::chrono::steady_clock::now() < deadline) {
    if (o.loader) {
      const std::string input =
          mutate(texts[rng() % texts.size()], texts[rng() % texts.size()], rng);
      const std::string failure = run_isolated([&] { return load_scenario(input); });
      ++loader_runs;
      if (!failure.empty()) {
        const std::string name =
            "loader-" + std::to_string(o.seed) + "-" + std::to_string(loader_runs) + ".yaml";
        save(o.failures, name, input);
        std::cerr << "scenario loader " << failure << " on " << (o.failures / name) << "\n";
        return 1;
      }
    }
    if (o.reader) {
      const auto input = mutate(images[0], images[0], rng);
      const std::string failure = run_isolated([&] { return read_results(input); });
      ++reader_runs;
      if (!failure.empty()) {
        const std::string name =
            "reader-" + std::to_string(o.seed) + "-" + std::to_string(reader_runs) + ".h5";
        save(o.failures, name, input);
        std::cerr << "results reader " << failure << " on " << (o.failures / name) << "\n";
        return 1;
      }
    }
  }
  std::cout << "fuzzed " << loader_runs << " scenarios and " << reader_runs
            << " results files (seed " << o.seed << ", " << o.seconds << " s): no crash, no hang\n";
  return 0;
}
