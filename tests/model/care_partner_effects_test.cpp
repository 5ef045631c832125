// Tests of what Care Partners change and how: effects need contacts, contact rates do not reward
// deterioration, supervision has diminishing returns, engagement follows network type, VCSE is
// open to primary care and gap-finding assesses and offers. Paired by common random numbers.
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "engine/confidence.hpp"
#include "engine/welford.hpp"
#include "model/pathway_model.hpp"
#include "model/pathway_outputs.hpp"
#include "model/population.hpp"
#include "pathway_test_config.hpp"

namespace cmhsim::model {
namespace {

using testing::small_place;

/// Holds a paired difference's mean and 95% interval over replications.
using Paired = engine::Estimate;

/// Returns the 95% interval of value(b) - value(a) over `reps` paired replications.
Paired paired_by(const PathwayConfig& a, const PathwayConfig& b,
                 const std::function<double(const ReplicationOutcome&)>& value, std::uint64_t reps,
                 std::uint64_t seed) {
  engine::Welford d;
  for (std::uint64_t r = 0; r < reps; ++r) {
    const ReplicationOutcome oa = PathwayModel(a, engine::RngKey{seed, r}).run();
    const ReplicationOutcome ob = PathwayModel(b, engine::RngKey{seed, r}).run();
    d.add(value(ob) - value(oa));
  }
  return engine::confidence_interval(d);
}

/// Returns the 95% interval of metric `k` of b minus a over `reps` paired replications.
Paired paired(const PathwayConfig& a, const PathwayConfig& b, std::size_t k, std::uint64_t reps,
              std::uint64_t seed) {
  return paired_by(
      a, b, [k](const ReplicationOutcome& o) { return o.metrics[k]; }, reps, seed);
}

/// Returns the mean over months of series `k`.
double series_mean(const ReplicationOutcome& o, std::size_t k) {
  const std::size_t n = PathwayModel::series_infos().size();
  double sum = 0.0;
  for (std::size_t m = 0; m < o.months; ++m) sum += o.series[m * n + k];
  return sum / static_cast<double>(o.months);
}

/// Returns the value of `metric` for the service called `name`.
double service(const ReplicationOutcome& o, const std::string& name, ServiceMetric metric) {
  for (const ServiceOutcome& s : o.services) {
    if (s.name == name) return s[metric];
  }
  FAIL("no service " << name);
  return 0.0;
}

/// Returns the partners scenario scaled to a third, with 13 Care Partner FTE and 1 supervisor.
PathwayConfig partners() {
  PathwayConfig c = small_place(testing::ics_partners_config());
  c.care_partners.fte = 13;
  c.supervision.supervisor_fte = 1;
  return c;
}

}  // namespace

TEST_CASE("a Care Partner caseload without contacts changes neither quality of life nor crises",
          "[pathway][care-partners][crn]") {
  const PathwayConfig baseline = small_place(testing::ics_baseline_config());
  PathwayConfig no_time = partners();
  // Posts with no contact hours: people join caseloads but are never seen.
  no_time.care_partners.contact_hours = 23.0;
  no_time.care_partners.hours_per_fte_per_month = 1.0;
  const PathwayConfig working = partners();
  const Paired qol_none = paired(baseline, no_time, pathway::kMMeanQol, 4, 51);
  const Paired qol_working = paired(baseline, working, pathway::kMMeanQol, 4, 51);
  INFO("mean QoL difference without contacts " << qol_none.mean << " [" << qol_none.lo << ", "
                                               << qol_none.hi << "], with contacts "
                                               << qol_working.mean);
  // Membership alone is worth less than a tenth of what contacts bring.
  CHECK(std::abs(qol_none.mean) < 0.1 * qol_working.mean);
  CHECK(qol_working.lo > 0.0);
  const Paired crises = paired(baseline, no_time, pathway::kMCrisesPer1000, 4, 51);
  INFO("crises per 1000 without contacts " << crises.mean << " [" << crises.lo << ", " << crises.hi
                                           << "]");
  CHECK(crises.lo <= 0.0);
  CHECK(0.0 <= crises.hi);
}

TEST_CASE("unsupervised Care Partners do not record more contacts than supervised ones",
          "[pathway][care-partners][crn]") {
  const PathwayConfig supervised = partners();
  PathwayConfig unsupervised = supervised;
  unsupervised.supervision.supervisor_fte = 0;
  const Paired d = paired(supervised, unsupervised, pathway::kMCarePartnerContactsPerPerson, 4, 61);
  INFO("contacts per person, unsupervised minus supervised " << d.mean << " [" << d.lo << ", "
                                                             << d.hi << "]");
  // Clients of unsupervised workers struggle more; their contacts must not rise with it.
  CHECK(d.lo < 0.0);
}

TEST_CASE("more supervision raises quality of life with diminishing returns and no kink",
          "[pathway][care-partners][crn][monotone]") {
  // 13 Care Partners need 13 x 1.5 = 19.5 hours, which 1 FTE of 20 hours covers: the old
  // threshold. Gains must go on beyond it, each smaller than the last.
  const std::vector<double> fte{0.0, 0.5, 1.0, 2.0, 4.0};
  std::vector<PathwayConfig> configs;
  for (const double f : fte) {
    PathwayConfig c = partners();
    c.supervision.supervisor_fte = f;
    configs.push_back(c);
  }
  const std::uint64_t reps = 8;
  std::vector<engine::Welford> gain(fte.size() - 1);
  for (std::uint64_t r = 0; r < reps; ++r) {
    std::vector<double> qol;
    for (const PathwayConfig& c : configs) {
      qol.push_back(PathwayModel(c, engine::RngKey{71, r}).run().metrics[pathway::kMMeanQol]);
    }
    for (std::size_t i = 0; i + 1 < fte.size(); ++i) {
      gain[i].add((qol[i + 1] - qol[i]) / (fte[i + 1] - fte[i]));  // Gain per supervisor FTE.
    }
  }
  for (std::size_t i = 0; i + 1 < gain.size(); ++i) {
    INFO("gain per FTE from " << fte[i] << " to " << fte[i + 1] << ": " << gain[i].mean()
                              << ", next " << gain[i + 1].mean());
    // Positive with 95% confidence up to twice full cover (1 to 2 FTE), and shrinking.
    CHECK(engine::confidence_interval(gain[i]).lo > 0.0);
    CHECK(gain[i + 1].mean() < gain[i].mean());
  }
}

TEST_CASE("engagement follows personal network type", "[pathway][population]") {
  const PathwayConfig c = testing::ics_baseline_config();
  const pathway::RegisterAges ages(c.population, c.mortality);
  std::array<engine::Welford, kNetworkTypeCount> by_network;
  for (std::uint32_t id = 0; id < 30000; ++id) {
    const pathway::Person p = pathway::synthesize_person(c, &ages, engine::RngKey{81, 0}, id,
                                                         pathway::Origin::Register, 0.0);
    by_network[static_cast<std::size_t>(p.network)].add(p.engagement);
  }
  for (std::size_t k = 0; k < kNetworkTypeCount; ++k) {
    const double expected =
        c.population.engagement_mean * c.population.engagement_ratio_by_network[k];
    const double se = by_network[k].sd() / std::sqrt(static_cast<double>(by_network[k].count()));
    INFO(kNetworkTypeNames[k] << ": mean " << by_network[k].mean() << ", expected " << expected);
    CHECK(std::abs(by_network[k].mean() - expected) < 4.0 * se);
  }
  CHECK(by_network[0].mean() > by_network[2].mean());
}

TEST_CASE("people in primary care reach VCSE through their GP and by referring themselves",
          "[pathway][vcse][crn]") {
  const PathwayConfig open = small_place(testing::ics_baseline_config());
  PathwayConfig closed = open;
  closed.services.vcse_gp_referral_probability = 0.0;
  closed.services.vcse_self_referral_per_year = 0.0;
  const ReplicationOutcome a = PathwayModel(open, engine::RngKey{91, 0}).run();
  const ReplicationOutcome b = PathwayModel(closed, engine::RngKey{91, 0}).run();
  auto vcse_throughput = [](const ReplicationOutcome& o) {
    return service(o, "vcse", ServiceMetric::ThroughputPerDay);
  };
  INFO("VCSE starts a day: open " << vcse_throughput(a) << ", closed " << vcse_throughput(b));
  CHECK(vcse_throughput(b) == 0.0);
  // About 0.15 x the GP visits of people starting to struggle plus 2% a year self-referring.
  CHECK(vcse_throughput(a) > 0.2);
}

TEST_CASE("gap-finding assesses the people it finds and offers what the policy says",
          "[pathway][proactive][crn]") {
  const PathwayConfig none = small_place(testing::ics_baseline_config());
  PathwayConfig review = none;
  review.policies.proactive_coverage = 0.5;
  review.policies.proactive_interval_days = 182.625;
  review.policies.proactive_offer = ProactiveOffer::Review;
  // Found people who take up the assessment leave the gap.
  const Paired gap = paired(none, review, pathway::kMPeopleInGap, 3, 101);
  INFO("people in the gap, review minus none " << gap.mean);
  CHECK(gap.hi < 0.0);
  // The review refers those who struggle to a CMHT: more referrals reach it (accepted at
  // triage), whether or not a caseload slot is free for them.
  const Paired referrals = paired_by(
      none, review,
      [](const ReplicationOutcome& o) {
        for (const ServiceOutcome& s : o.services) {
          if (s.name == "cmht") return static_cast<double>(s.arrivals);
        }
        FAIL("no service cmht");
        return 0.0;
      },
      3, 101);
  INFO("CMHT referrals after warm-up, review minus none " << referrals.mean);
  CHECK(referrals.lo > 0.0);
  // With Care Partners on offer, people found are offered one: more wait for one.
  PathwayConfig offered = partners();
  offered.policies.proactive_coverage = 0.5;
  offered.policies.proactive_interval_days = 182.625;
  const std::size_t k = pathway::kWaitingCarePartner;
  const Paired waiting = paired_by(
      partners(), offered, [k](const ReplicationOutcome& o) { return series_mean(o, k); }, 3, 101);
  INFO("Care Partner waiting list, offered minus not " << waiting.mean);
  CHECK(waiting.lo > 0.0);
}

}  // namespace cmhsim::model
