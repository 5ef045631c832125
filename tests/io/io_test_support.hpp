// Shared fixtures for the io tests: a scratch directory, hand-built RunResults and a field-by-field
// comparison of two results. Knows nothing of the file formats under test.
#pragma once

#include <unistd.h>

#include <atomic>
#include <bit>
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>
#include <string>

#include "experiment/comparison.hpp"
#include "experiment/run_results.hpp"
#include "io/hdf5_sweep.hpp"

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
  p.resolved = {{"seed", "18446744073709551557"},
                {"services.triage.service_time", "{dist: gamma, shape: 2, scale: 7}"},
                {"description", "café, \"quoted\"\nand a new line"}};
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

/// Returns sample_results() as a pathway run: two named metrics (one NaN in a replication),
/// three monthly series over 4 months, their summaries and person tables.
inline experiment::RunResults sample_pathway_results() {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  experiment::RunResults r = sample_results();
  r.model = experiment::ModelKind::Pathway;
  r.metric_infos = {{"crises_per_1000_per_year", "per 1000 person-years", "crises — café"},
                    {"crises_per_1000_per_year.by_network.formal_sparse", "per 1000 person-years",
                     "crises among people with a formal, sparse network"}};
  r.series_infos = {{"people_in_gap", "people", "people without proactive contact"},
                    {"mean_qol", "score 1-7", "mean quality of life"},
                    {"cost_cmht", "GBP", "CMHT cost in the month"}};
  for (std::size_t rep = 0; rep < r.replications.size(); ++rep) {
    auto& out = r.replications[rep];
    out.metrics = {12.5 + static_cast<double>(rep), 1.0 / (3.0 + static_cast<double>(rep))};
    out.months = 4;
    for (std::size_t m = 0; m < 4; ++m) {
      for (std::size_t k = 0; k < 3; ++k) {
        out.series.push_back(100.0 * static_cast<double>(k) + static_cast<double>(m) +
                             0.1 * static_cast<double>(rep));
      }
    }
  }
  r.replications[1].metrics[1] = nan;
  r.replications[2].series[5] = -0.0;
  for (std::size_t m = 0; m < 2; ++m) {
    r.metric_summary.push_back(engine::Estimate{1.5 + static_cast<double>(m), 1.0, 2.0, 3});
  }
  r.metric_summary[1] = engine::Estimate{0.3, nan, nan, 1};
  for (std::size_t m = 0; m < 4; ++m) {
    std::vector<engine::Estimate> row;
    for (std::size_t k = 0; k < 3; ++k) {
      const double mean = static_cast<double>(10 * m + k) + 1.0 / 3.0;
      row.push_back(engine::Estimate{mean, mean - 0.5, mean + 0.25, 3});
    }
    r.series_summary.push_back(row);
  }
  r.persons.resize(r.replications.size());
  for (std::size_t rep = 0; rep < r.persons.size(); ++rep) {
    for (std::uint32_t i = 0; i < 5 + rep; ++i) {
      model::PersonSummary p;
      p.person = 4294967296ULL + i;  // ids above 32 bits survive
      p.diagnosis = static_cast<std::uint8_t>(i % 3);
      p.network = static_cast<std::uint8_t>((i + 1) % 3);
      p.ethnicity = static_cast<std::uint8_t>(i % 5);
      p.trial_arm = static_cast<std::uint8_t>(i % 3);
      p.care_partner_contacts = 9 + i;
      p.mental_health_contacts = 4000000000U + i;
      p.crises = i;
      p.admissions = i / 2;
      p.goals_set = 3;
      p.goals_achieved = 2;
      p.days_observed = 304.4375 + i;
      p.qol_start = 4.1 + 0.01 * i;
      p.qol_end = 4.6 - 0.02 * i;
      p.died = i == 3;
      r.persons[rep].push_back(p);
    }
  }
  return r;
}

/// Returns a comparison of three pathway scenarios over sample_pathway_results().
inline experiment::ComparisonResults sample_comparison() {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  experiment::ComparisonResults c;
  c.names = {"baseline", "partners", "stepdown"};
  for (std::size_t s = 0; s < 3; ++s) {
    experiment::RunResults run = sample_pathway_results();
    run.provenance.scenario_path = "scenarios/" + c.names[s] + ".yaml";
    run.persons.clear();
    c.runs.push_back(run);
  }
  c.outcomes = {{"crises_per_1000_per_year", "per 1000 person-years", "crises"},
                {"crises_per_1000_per_year.by_network.formal_sparse", "per 1000 person-years",
                 "crises, formal sparse"},
                {"services.cmht.mean_wait", "days", "service cmht: mean wait"}};
  for (std::size_t s = 0; s < 3; ++s) {
    std::vector<engine::Estimate> row;
    for (std::size_t k = 0; k < 3; ++k) {
      const double m = 10.0 * static_cast<double>(s) + static_cast<double>(k) + 0.125;
      row.push_back({m, m - 1.0, m + 1.0, 3});
    }
    c.estimates.push_back(row);
  }
  for (std::size_t s = 1; s < 3; ++s) {
    std::vector<experiment::Difference> row;
    for (std::size_t k = 0; k < 3; ++k) {
      const double d = c.estimates[s][k].mean - c.estimates[0][k].mean;
      row.push_back({{d, d - 0.25, d + 0.25, 3}, {d, d - 2.0, d + 2.0, 3}});
    }
    c.differences.push_back(row);
  }
  c.differences[1][1].paired = {nan, nan, nan, 0};
  c.seed = 20261123;
  c.replications = 3;
  c.wall_seconds = 1.5;
  return c;
}

/// Returns the header of a 3-point sweep over one axis.
inline SweepHeader three_points(const std::string& text = "name: s\n") {
  SweepHeader h;
  h.name = "s";
  h.design = "factorial";
  h.path = "s.yaml";
  h.text = text;
  h.axes = {"care_partners.fte"};
  h.settings = {{"1"}, {"2"}, {"3"}};
  h.version = "0.1.0";
  h.git_commit = "abc";
  h.started_utc = "2024-05-01T09:00:00Z";
  return h;
}

/// Returns true when two person summaries hold the same values, doubles compared by bits.
inline bool same_person(const model::PersonSummary& a, const model::PersonSummary& b) {
  return a.person == b.person && a.diagnosis == b.diagnosis && a.network == b.network &&
         a.ethnicity == b.ethnicity && a.trial_arm == b.trial_arm &&
         a.care_partner_contacts == b.care_partner_contacts &&
         a.mental_health_contacts == b.mental_health_contacts && a.crises == b.crises &&
         a.admissions == b.admissions && a.goals_set == b.goals_set &&
         a.goals_achieved == b.goals_achieved && bits(a.days_observed) == bits(b.days_observed) &&
         bits(a.qol_start) == bits(b.qol_start) && bits(a.qol_end) == bits(b.qol_end) &&
         a.died == b.died;
}

/// Checks that every field of `b` equals `a`, doubles compared by bit pattern.
inline void require_identical(const experiment::RunResults& a, const experiment::RunResults& b) {
  CHECK(b.provenance.version == a.provenance.version);
  CHECK(b.provenance.git_commit == a.provenance.git_commit);
  CHECK(b.provenance.scenario_path == a.provenance.scenario_path);
  CHECK(b.provenance.scenario_text == a.provenance.scenario_text);
  CHECK(b.provenance.resolved == a.provenance.resolved);
  CHECK(b.provenance.seed == a.provenance.seed);
  CHECK(b.provenance.replications == a.provenance.replications);
  CHECK(b.provenance.threads == a.provenance.threads);
  CHECK(b.provenance.started_utc == a.provenance.started_utc);
  CHECK(b.provenance.finished_utc == a.provenance.finished_utc);
  CHECK(b.provenance.host == a.provenance.host);
  CHECK(bits(b.horizon_days) == bits(a.horizon_days));
  CHECK(bits(b.warmup_days) == bits(a.warmup_days));
  CHECK(bits(b.wall_seconds) == bits(a.wall_seconds));
  CHECK(b.events == a.events);
  CHECK(b.model == a.model);
  const auto same_infos = [](const std::vector<model::OutputInfo>& x,
                             const std::vector<model::OutputInfo>& y) {
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CHECK(x[i].name == y[i].name);
      CHECK(x[i].unit == y[i].unit);
      CHECK(x[i].description == y[i].description);
    }
  };
  same_infos(a.metric_infos, b.metric_infos);
  same_infos(a.series_infos, b.series_infos);
  const auto same_estimate = [](const engine::Estimate& x, const engine::Estimate& y) {
    CHECK(bits(y.mean) == bits(x.mean));
    CHECK(bits(y.lo) == bits(x.lo));
    CHECK(bits(y.hi) == bits(x.hi));
    CHECK(y.n == x.n);
  };
  REQUIRE(b.metric_summary.size() == a.metric_summary.size());
  for (std::size_t m = 0; m < a.metric_summary.size(); ++m) {
    same_estimate(a.metric_summary[m], b.metric_summary[m]);
  }
  REQUIRE(b.series_summary.size() == a.series_summary.size());
  for (std::size_t m = 0; m < a.series_summary.size(); ++m) {
    REQUIRE(b.series_summary[m].size() == a.series_summary[m].size());
    for (std::size_t k = 0; k < a.series_summary[m].size(); ++k) {
      same_estimate(a.series_summary[m][k], b.series_summary[m][k]);
    }
  }
  REQUIRE(b.persons.size() == a.persons.size());
  for (std::size_t r = 0; r < a.persons.size(); ++r) {
    REQUIRE(b.persons[r].size() == a.persons[r].size());
    for (std::size_t i = 0; i < a.persons[r].size(); ++i) {
      CHECK(same_person(a.persons[r][i], b.persons[r][i]));
    }
  }

  REQUIRE(b.replications.size() == a.replications.size());
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    INFO("replication " << r);
    CHECK(b.replications[r].events == a.replications[r].events);
    CHECK(b.replications[r].months == a.replications[r].months);
    REQUIRE(b.replications[r].metrics.size() == a.replications[r].metrics.size());
    for (std::size_t m = 0; m < a.replications[r].metrics.size(); ++m) {
      CHECK(bits(b.replications[r].metrics[m]) == bits(a.replications[r].metrics[m]));
    }
    REQUIRE(b.replications[r].series.size() == a.replications[r].series.size());
    for (std::size_t i = 0; i < a.replications[r].series.size(); ++i) {
      CHECK(bits(b.replications[r].series[i]) == bits(a.replications[r].series[i]));
    }
    REQUIRE(b.replications[r].services.size() == a.replications[r].services.size());
    for (std::size_t s = 0; s < a.replications[r].services.size(); ++s) {
      const auto& x = a.replications[r].services[s];
      const auto& y = b.replications[r].services[s];
      INFO("service " << x.name);
      CHECK(y.name == x.name);
      CHECK(y.arrivals == x.arrivals);
      CHECK(y.completions == x.completions);
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        INFO("metric " << model::kServiceMetrics[m].name);
        CHECK(bits(y.values[m]) == bits(x.values[m]));
      }
    }
  }

  REQUIRE(b.summary.size() == a.summary.size());
  for (std::size_t s = 0; s < a.summary.size(); ++s) {
    INFO("summary of " << a.summary[s].name);
    CHECK(b.summary[s].name == a.summary[s].name);
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      INFO("metric " << model::kServiceMetrics[m].name);
      const auto& x = a.summary[s].metrics[m];
      const auto& y = b.summary[s].metrics[m];
      CHECK(bits(y.mean) == bits(x.mean));
      CHECK(bits(y.lo) == bits(x.lo));
      CHECK(bits(y.hi) == bits(x.hi));
      CHECK(y.n == x.n);
    }
  }
}

}  // namespace cmhsim::io::test
