// Tests the runner on the pathway model: determinism across threads, metric and series
// summaries, and the in-memory recorder against the replication outcome.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "experiment/memory_recorder.hpp"
#include "experiment/runner.hpp"
#include "model/pathway_model.hpp"
#include "pathway_test_support.hpp"

using namespace cmhsim;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!same_bits(a[i], b[i])) return false;
  }
  return true;
}

bool same_person(const model::PersonSummary& a, const model::PersonSummary& b) {
  return a.person == b.person && a.diagnosis == b.diagnosis && a.network == b.network &&
         a.ethnicity == b.ethnicity && a.trial_arm == b.trial_arm &&
         a.care_partner_contacts == b.care_partner_contacts &&
         a.mental_health_contacts == b.mental_health_contacts && a.crises == b.crises &&
         a.admissions == b.admissions && a.goals_set == b.goals_set &&
         a.goals_achieved == b.goals_achieved && same_bits(a.days_observed, b.days_observed) &&
         same_bits(a.qol_start, b.qol_start) && same_bits(a.qol_end, b.qol_end) && a.died == b.died;
}

experiment::RunResults run(const model::PathwayConfig& config, int threads, bool persons = false) {
  experiment::RunOptions o;
  o.seed = 11;
  o.replications = 4;
  o.threads = threads;
  o.record_persons = persons;
  return experiment::run_replications(config, o);
}

}  // namespace

TEST_CASE("pathway replications are bit-identical for one thread and two", "[determinism]") {
  const scenario::Scenario sc = experiment::test::small_pathway();
  const auto a = run(*sc.pathways, 1);
  const auto b = run(*sc.pathways, 2);
  REQUIRE(a.replications.size() == 4);
  REQUIRE(b.replications.size() == 4);
  for (std::size_t r = 0; r < 4; ++r) {
    INFO("replication " << r);
    const auto& x = a.replications[r];
    const auto& y = b.replications[r];
    CHECK(x.events == y.events);
    CHECK(x.months == y.months);
    CHECK(same_bits(x.metrics, y.metrics));
    CHECK(same_bits(x.series, y.series));
    REQUIRE(x.services.size() == y.services.size());
    for (std::size_t s = 0; s < x.services.size(); ++s) {
      CHECK(
          same_bits(std::vector<double>(x.services[s].values.begin(), x.services[s].values.end()),
                    std::vector<double>(y.services[s].values.begin(), y.services[s].values.end())));
    }
  }
  REQUIRE(a.metric_summary.size() == b.metric_summary.size());
  for (std::size_t m = 0; m < a.metric_summary.size(); ++m) {
    CHECK(same_bits(a.metric_summary[m].mean, b.metric_summary[m].mean));
    CHECK(same_bits(a.metric_summary[m].lo, b.metric_summary[m].lo));
  }
  // Different replications are different draws, so the test above is not vacuous.
  CHECK_FALSE(same_bits(a.replications[0].series, a.replications[1].series));
}

TEST_CASE("a pathway run names and summarises every metric and month", "[experiment]") {
  const scenario::Scenario sc = experiment::test::small_pathway();
  const auto r = run(*sc.pathways, 2);
  CHECK(r.model == experiment::ModelKind::Pathway);
  CHECK(r.horizon_days == 730.5);
  REQUIRE(r.metric_infos.size() == model::PathwayModel::metric_infos().size());
  REQUIRE_FALSE(r.metric_infos.empty());
  REQUIRE(r.series_infos.size() == model::PathwayModel::series_infos().size());
  REQUIRE(r.metric_summary.size() == r.metric_infos.size());
  const std::size_t months = r.replications.front().months;
  CHECK(months == 24);  // two years of whole months after a zero warm-up
  REQUIRE(r.series_summary.size() == months);
  const std::size_t width = r.series_infos.size();
  for (const auto& rep : r.replications) {
    CHECK(rep.metrics.size() == r.metric_infos.size());
    CHECK(rep.series.size() == months * width);
  }
  // Every metric's summary is the mean of its finite replication values.
  for (std::size_t m = 0; m < r.metric_infos.size(); ++m) {
    INFO(r.metric_infos[m].name);
    double sum = 0.0;
    std::uint64_t n = 0;
    for (const auto& rep : r.replications) {
      if (std::isfinite(rep.metrics[m])) {
        sum += rep.metrics[m];
        ++n;
      }
    }
    CHECK(r.metric_summary[m].n == n);
    if (n > 0) CHECK(r.metric_summary[m].mean == Approx(sum / static_cast<double>(n)));
  }
  // The last month's first series, likewise.
  double sum = 0.0;
  for (const auto& rep : r.replications) sum += rep.series[(months - 1) * width];
  CHECK(r.series_summary[months - 1][0].mean == Approx(sum / 4.0));
  CHECK(r.series_summary[months - 1][0].n == 4);
}

TEST_CASE("the memory recorder sees exactly the outcome's monthly series", "[experiment]") {
  const scenario::Scenario sc = experiment::test::small_pathway();
  experiment::MemoryRecorder recorder;
  const model::ReplicationOutcome outcome =
      experiment::run_one(*sc.pathways, engine::RngKey{11, 2}, &recorder);
  CHECK(recorder.months() == outcome.months);
  CHECK(recorder.width() == model::PathwayModel::series_infos().size());
  CHECK(same_bits(recorder.series(), outcome.series));
  CHECK(recorder.persons().size() >= 500);
  // A recorder does not change the replication.
  const model::ReplicationOutcome plain = experiment::run_one(*sc.pathways, engine::RngKey{11, 2});
  CHECK(same_bits(plain.metrics, outcome.metrics));
  CHECK(plain.events == outcome.events);
}

TEST_CASE("the runner keeps person summaries only when asked", "[experiment]") {
  const scenario::Scenario sc = experiment::test::small_pathway();
  CHECK(run(*sc.pathways, 2).persons.empty());
  const auto r = run(*sc.pathways, 2, true);
  REQUIRE(r.persons.size() == 4);
  experiment::MemoryRecorder recorder;
  experiment::run_one(*sc.pathways, engine::RngKey{11, 3}, &recorder);
  REQUIRE(r.persons[3].size() == recorder.persons().size());
  for (std::size_t i = 0; i < r.persons[3].size(); ++i) {
    INFO("person " << i);
    REQUIRE(same_person(r.persons[3][i], recorder.persons()[i]));
  }
}

TEST_CASE("the memory recorder rejects skipped months and ragged rows", "[experiment]") {
  experiment::MemoryRecorder recorder;
  const std::vector<double> row{1.0, 2.0};
  recorder.record_month(0, row);
  CHECK_THROWS_AS(recorder.record_month(2, row), std::invalid_argument);
  const std::vector<double> short_row{1.0};
  CHECK_THROWS_AS(recorder.record_month(1, short_row), std::invalid_argument);
  recorder.record_month(1, row);
  CHECK(recorder.months() == 2);
  CHECK(recorder.series() == std::vector<double>{1.0, 2.0, 1.0, 2.0});
}
