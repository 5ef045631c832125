// Shared fixtures for the io tests: a scratch directory and a hand-built RunResults.
// Knows nothing of the file formats under test.
#pragma once

#include <unistd.h>

#include <atomic>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <string>

#include "experiment/run_results.hpp"

namespace cmhsim::io::test {

/// Creates a fresh empty directory under the system temp directory and removes it afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("cmhsim-io-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Returns the path of `name` inside the directory.
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// Returns the directory's path.
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// Returns the names of every entry in the directory, hidden ones included.
  [[nodiscard]] std::set<std::string> entries() const {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(path_)) {
      out.insert(e.path().filename().string());
    }
    return out;
  }

 private:
  std::filesystem::path path_;
};

/// Returns a file's bytes.
inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Writes `bytes` to a file.
inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

/// Returns a double's bit pattern, so NaNs and signed zeros compare exactly.
inline std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

/// Returns results for 2 services ("triage" before "cmht", not alphabetical) over 3 replications,
/// with awkward values: NaN, signed zero, subnormals, huge integers and non-ASCII text.
inline experiment::RunResults sample_results() {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  experiment::RunResults r;
  auto& p = r.provenance;
  p.version = "0.1.0";
  p.git_commit = "0123456789ab-dirty";
  p.scenario_path = "scenarios/mm1 \"test\".yaml";
  p.scenario_text =
      "# M/M/c test network — café\nservices:\n  - name: triage\n    servers: 2\n"
      "  - name: cmht\n    servers: 3\n";
  p.seed = 18446744073709551557ULL;  // above 2^53: must survive without rounding
  p.replications = 3;
  p.threads = 2;
  p.started_utc = "2024-05-01T09:00:00Z";
  p.finished_utc = "2024-05-01T09:00:07Z";
  p.host = "node-ü1";
  r.horizon_days = 3650.0;
  r.warmup_days = 365.25;
  r.wall_seconds = 7.123456789012345;
  r.events = 9007199254740993ULL;  // 2^53 + 1

  const char* names[] = {"triage", "cmht"};
  for (std::size_t rep = 0; rep < 3; ++rep) {
    model::ReplicationOutcome out;
    out.events = 1000003ULL * (rep + 1);
    for (std::size_t s = 0; s < 2; ++s) {
      model::ServiceOutcome so;
      so.name = names[s];
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        so.values[m] = 0.1 * static_cast<double>(rep + 1) + 1.0 / static_cast<double>(3 + m + s);
      }
      so.arrivals = 4000000000ULL + rep * 7 + s;
      so.completions = 3999999990ULL + rep * 5 + s;
      out.services.push_back(so);
    }
    r.replications.push_back(out);
  }
  r.replications[1].services[0].values[0] = nan;  // an undefined metric in one replication
  r.replications[2].services[1].values[5] = -0.0;
  r.replications[0].services[1].values[6] = 4.9406564584124654e-324;  // smallest subnormal

  for (std::size_t s = 0; s < 2; ++s) {
    experiment::ServiceSummary sum;
    sum.name = names[s];
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      const double mean = 1.0 / 7.0 + static_cast<double>(m) + 10.0 * static_cast<double>(s);
      sum.metrics[m] = engine::Estimate{mean, mean - 0.123456789, mean + 0.123456789, 3};
    }
    sum.metrics[0] = engine::Estimate{0.25, nan, nan, 1};  // too few replications for an interval
    r.summary.push_back(sum);
  }
  return r;
}

}  // namespace cmhsim::io::test
