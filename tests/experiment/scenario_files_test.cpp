// Runs the scenario files shipped in scenarios/: every one validates and runs (shortened), the
// PARTNERS2-like trial lands on the trial's delivery, outcome and crisis figures, the ICS
// scenarios' warm-up is the warm-up analysis's and the baseline's results do not depend on how
// long it is observed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "experiment/runner.hpp"
#include "experiment/warmup_analysis.hpp"
#include "model/pathway_outputs.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim;
namespace fs = std::filesystem;

namespace {

constexpr double kShortHorizonDays = 240.0;
/// Horizon of the warm-up analysis behind the ICS files' warm-up (60 years, docs/warmup.md).
constexpr double kWarmupAnalysisHorizonDays = 21915.0;
/// Horizon of the analysis again when a series is at the method's limit over 60 (90 years).
constexpr double kLongerWarmupAnalysisHorizonDays = 32872.5;

std::size_t metric_index(const experiment::RunResults& r, const std::string& name) {
  for (std::size_t i = 0; i < r.metric_infos.size(); ++i) {
    if (r.metric_infos[i].name == name) return i;
  }
  FAIL("no metric named " << name);
  return 0;
}

experiment::RunResults run(const scenario::Scenario& sc, std::uint64_t replications) {
  experiment::RunOptions o;
  o.seed = sc.seed;
  o.replications = replications;
  if (sc.pathways) return experiment::run_replications(*sc.pathways, o);
  return experiment::run_replications(sc.network, o);
}

/// Returns the ICS scenario files (the service scenarios of one place, paired by seed).
std::vector<fs::path> ics_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(CMHSIM_SOURCE_DIR) / "scenarios")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("ics_", 0) == 0 && entry.path().extension() == ".yaml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every scenario file validates and runs with a shortened horizon", "[scenarios]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CMHSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    if (entry.path().filename().string().rfind("sweep", 0) == 0) continue;  // Sweep files.
    ++files;
    INFO(entry.path().filename().string());
    scenario::Scenario sc = scenario::load_scenario_file(entry.path().string());
    const double horizon = std::min(kShortHorizonDays, sc.network.horizon_days);
    if (sc.pathways) {
      sc.pathways->horizon_days = horizon;
      sc.pathways->warmup_days = std::min(sc.pathways->warmup_days, horizon / 4.0);
    } else {
      sc.network.horizon_days = horizon;
      sc.network.warmup_days = std::min(sc.network.warmup_days, horizon / 4.0);
    }
    const experiment::RunResults r = run(sc, 2);
    REQUIRE(r.replications.size() == 2);
    CHECK(r.events > 0);
    if (sc.pathways) {
      CHECK(r.replications[0].months > 0);
      const double qol = r.metric_summary[metric_index(r, "mean_quality_of_life")].mean;
      CHECK(qol >= 1.0);
      CHECK(qol <= 7.0);
    } else {
      CHECK(r.summary.front().metrics[0].n == 2);
    }
  }
  CHECK(files >= 8);
}

TEST_CASE("the PARTNERS2-like trial reproduces the trial's delivery, outcomes and crises",
          "[scenarios][validation]") {
  const scenario::Scenario sc = scenario::load_scenario_file(
      (fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "partners2_trial.yaml").string());
  REQUIRE(sc.pathways);
  REQUIRE(sc.pathways->trial.enabled);
  const int reps = 40;
  const experiment::RunResults r = run(sc, reps);
  const auto& m = r.metric_summary;
  auto summary = [&](const std::string& name) { return m[metric_index(r, name)]; };
  // Delivery (docs/calibration.md rows 7-8): about 9 contacts of 10+ minutes, 9% with none.
  const double contacts = summary("trial_contacts_mean").mean;
  const double none = summary("trial_no_contact_share").mean;
  INFO("contacts " << contacts << ", no-contact share " << none);
  CHECK(contacts >= 8.0);
  CHECK(contacts <= 10.0);
  CHECK(none >= 0.06);
  CHECK(none <= 0.12);
  // The primary outcome (row 9): an adjusted MANSA difference of 0.03. The expected difference
  // lies within 0.05 of it and its interval over the simulated trials includes it.
  const engine::Estimate diff = summary("trial_qol_change_difference");
  INFO("MANSA difference " << diff.mean << " [" << diff.lo << ", " << diff.hi << "]");
  CHECK(std::abs(diff.mean - 0.03) <= 0.05);
  CHECK(diff.lo <= 0.03);
  CHECK(0.03 <= diff.hi);
  // Each arm's change (row 10): +0.25 (SD 0.73, n 116) and +0.21 (SD 0.86, n 82), so within
  // change +/- 1.96 SD / sqrt(n).
  const double intervention = summary("trial_qol_change_intervention").mean;
  const double control = summary("trial_qol_change_control").mean;
  INFO("MANSA change by arm " << intervention << " and " << control);
  CHECK(intervention >= 0.25 - 1.96 * 0.73 / std::sqrt(116.0));
  CHECK(intervention <= 0.25 + 1.96 * 0.73 / std::sqrt(116.0));
  CHECK(control >= 0.21 - 1.96 * 0.86 / std::sqrt(82.0));
  CHECK(control <= 0.21 + 1.96 * 0.86 / std::sqrt(82.0));
  // Acute crises over the trial (row 11): 3 and 4, each within its exact Poisson 95% interval.
  const double crises_intervention = summary("trial_crises_intervention").mean;
  const double crises_control = summary("trial_crises_control").mean;
  INFO("crises by arm " << crises_intervention << " and " << crises_control);
  CHECK(crises_intervention >= 0.62);
  CHECK(crises_intervention <= 8.77);
  CHECK(crises_control >= 1.09);
  CHECK(crises_control <= 10.24);
  // Each replication is one trial: its within-trial 95% CI of the MANSA change difference
  // should include 0 in most trials, as the published one (0.03, -0.25 to 0.31) did.
  const std::size_t lo = metric_index(r, "trial_qol_change_difference_ci_lo");
  const std::size_t hi = metric_index(r, "trial_qol_change_difference_ci_hi");
  int covers_zero = 0;
  for (const auto& rep : r.replications) {
    if (rep.metrics[lo] <= 0.0 && 0.0 <= rep.metrics[hi]) ++covers_zero;
  }
  INFO(covers_zero << " of " << reps << " trials have a CI including 0");
  CHECK(covers_zero >= 28);
}

TEST_CASE("the ICS baseline's headline metrics agree between 10 and 20 observed years",
          "[scenarios][validation]") {
  scenario::Scenario sc = scenario::load_scenario_file(
      (fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "ics_baseline.yaml").string());
  REQUIRE(sc.pathways);
  const double warmup = sc.pathways->warmup_days;
  sc.pathways->horizon_days = warmup + 10 * 365.25;
  const experiment::RunResults ten = run(sc, 10);
  sc.pathways->horizon_days = warmup + 20 * 365.25;
  const experiment::RunResults twenty = run(sc, 10);
  int compared = 0;
  for (std::size_t i = 0; i < ten.metric_infos.size(); ++i) {
    const std::string& metric = ten.metric_infos[i].name;
    if (metric.find(".by_") != std::string::npos) continue;  // Headline metrics only.
    // The economic metrics are totals over the observed period, so they grow with its length.
    if (i >= model::pathway::kMQalysPerPerson) continue;
    const engine::Estimate& a = ten.metric_summary[i];
    const engine::Estimate& b = twenty.metric_summary[i];
    if (!std::isfinite(a.mean) && !std::isfinite(b.mean)) continue;  // Undefined in both.
    ++compared;
    INFO(metric << ": 10 years " << a.mean << " [" << a.lo << ", " << a.hi << "], 20 years "
                << b.mean << " [" << b.lo << ", " << b.hi << "]");
    // The 95% intervals overlap (for a metric constant over replications, the values agree).
    CHECK(a.lo <= b.hi);
    CHECK(b.lo <= a.hi);
  }
  CHECK(compared >= 30);
}

TEST_CASE("the ICS scenarios' warm-up is the largest the warm-up analysis recommends for them",
          "[scenarios][warmup]") {
  const std::vector<fs::path> files = ics_files();
  REQUIRE(files.size() >= 4);
  std::uint64_t largest = 0;
  std::vector<double> file_warmups;
  for (const fs::path& file : files) {
    INFO(file.filename().string());
    scenario::Scenario sc = scenario::load_scenario_file(file.string());
    REQUIRE(sc.pathways);
    file_warmups.push_back(sc.pathways->warmup_days);
    // As `cmhsim warmup FILE --set horizon_days=21915` does: the whole run observed, MSER-5 on
    // the default series, at most 20 replications. A series at the method's limit (half the run)
    // may still be moving, so the procedure runs that scenario again over 90 years.
    sc.pathways->warmup_days = 0.0;
    experiment::WarmupRecommendation w;
    for (const double horizon : {kWarmupAnalysisHorizonDays, kLongerWarmupAnalysisHorizonDays}) {
      sc.pathways->horizon_days = horizon;
      const experiment::RunResults r = run(sc, std::min<std::uint64_t>(sc.replications, 20));
      const experiment::MeanSeries means = experiment::replication_mean_series(
          r.replications, r.series_infos, experiment::default_warmup_series());
      w = experiment::recommend_warmup(means.names, means.values, experiment::WarmupMethod::Mser5);
      const bool at_limit = std::any_of(w.series.begin(), w.series.end(),
                                        [](const auto& one) { return one.at_limit; });
      if (!at_limit) break;
    }
    INFO("recommended " << w.days << " days (" << w.months << " months, driven by " << w.driven_by
                        << ")");
    for (const auto& one : w.series) {
      INFO(one.name);
      CHECK_FALSE(one.at_limit);
    }
    largest = std::max(largest, w.days);
  }
  // One warm-up for all, so that paired scenarios are observed over the same years.
  for (const double warmup : file_warmups) CHECK(warmup == static_cast<double>(largest));
}
