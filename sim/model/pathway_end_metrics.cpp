// End-of-run outputs of the pathway model: the metrics in metric order (rates over person-time
// after warm-up, 12-month window shares, equity breakdowns, the trial comparison with a Welch
// interval), person summaries and service outcomes. No I/O beyond the Recorder.
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den > 0.0 ? num / den : kNaN; }

/// Counts a share: members of a denominator and those meeting a condition.
struct Share {
  double hits = 0.0;
  double total = 0.0;
  void add(bool hit) {
    total += 1.0;
    hits += hit ? 1.0 : 0.0;
  }
  [[nodiscard]] double value() const { return ratio(hits, total); }
};

std::array<std::size_t, 3> groups_of(const Person& p) {
  return {network_group(p.network), ethnicity_group(p.ethnicity), diagnosis_group(p.diagnosis)};
}

/// Sets metrics [lo, hi] to the Welch 95% interval of mean(a) - mean(b).
void welch_interval(const engine::Welford& a, const engine::Welford& b, double& lo, double& hi) {
  if (a.count() < 2 || b.count() < 2) return;
  const double va = a.variance() / static_cast<double>(a.count());
  const double vb = b.variance() / static_cast<double>(b.count());
  const double se = std::sqrt(va + vb);
  const double diff = a.mean() - b.mean();
  if (!(se > 0.0)) {
    lo = hi = diff;
    return;
  }
  const double df =
      (va + vb) * (va + vb) /
      (va * va / static_cast<double>(a.count() - 1) + vb * vb / static_cast<double>(b.count() - 1));
  const boost::math::students_t t(df);
  const double q = boost::math::quantile(boost::math::complement(t, 0.025));
  lo = diff - q * se;
  hi = diff + q * se;
}

}  // namespace

ReplicationOutcome PathwaySimulation::finish() {
  const double now = sim_.now();
  const auto n = static_cast<std::uint32_t>(persons_.size());
  for (std::uint32_t id = 0; id < n; ++id) {
    if (!persons_[id].has(kAlive)) continue;
    settle(id);
    add_expected_deaths(persons_[id]);
  }
  const double observed_days = now - warmup_;
  const double person_years = alive_level_.area_to(now) / kYearDays;
  std::vector<double> m(kMetricCount, kNaN);

  Share readmitted;
  for (const CrisisRecord& r : crisis_records_) {
    if (r.time >= warmup_ && r.time + kYearDays <= now) readmitted.add(r.followed);
  }
  Share primary_only, two_or_fewer, checked, no_contact;
  std::array<Share, kGroupCount> group_primary_only{};
  std::array<double, kGroupCount> group_contacts{};
  std::array<double, kGroupCount> group_cp_people{};
  double contacts = 0.0;
  engine::Welford change[2];
  for (const Person& p : persons_) {
    const bool alive = p.has(kAlive);
    if (alive && p.entry_time <= window_start_) {
      const bool only = p.last_care_contact < window_start_;
      primary_only.add(only);
      checked.add(p.has(kWindowCheck));
      for (const std::size_t g : groups_of(p)) group_primary_only[g].add(only);
    }
    if (alive && p.has(kWindowSecondary)) two_or_fewer.add(p.window_secondary_contacts <= 2);
    const bool cp_person = trial_ ? p.trial_arm == 1 : p.has(kCpObserved);
    if (cp_person) {
      contacts += p.care_partner_contacts;
      no_contact.add(p.care_partner_contacts == 0);
      for (const std::size_t g : groups_of(p)) {
        group_contacts[g] += p.care_partner_contacts;
        group_cp_people[g] += 1.0;
      }
    }
    if (trial_ && alive && p.trial_arm != 0) change[p.trial_arm - 1].add(p.qol - p.qol_start);
  }

  const CostConfig& c = config_.costs;
  const double total_cost =
      static_cast<double>(t_gp_) * c.gp_consultation +
      static_cast<double>(t_checks_) * c.physical_health_check +
      cp_fte_level_.area_to(now) / kYearDays * c.care_partner_fte_year +
      config_.supervision.supervisor_fte * c.supervisor_fte_year * observed_days / kYearDays +
      static_cast<double>(t_cmht_contacts_) * c.cmht_contact +
      crisis_level_.area_to(now) * c.crisis_team_day +
      beds_level_.area_to(now) * c.inpatient_bed_day +
      ooa_level_.area_to(now) * c.out_of_area_bed_day +
      static_cast<double>(t_outpatient_) * c.outpatient_appointment +
      vcse_level_.area_to(now) * c.vcse_place_day;

  m[kMPeopleInGap] = m_gap_.mean();
  m[kMCrisesPer1000] = ratio(1000.0 * static_cast<double>(t_crises_), person_years);
  m[kMAdmissionsPer1000] = ratio(1000.0 * static_cast<double>(t_admissions_), person_years);
  m[kMBedOccupancy] =
      ratio(beds_level_.area_to(now), static_cast<double>(beds_.servers()) * observed_days);
  m[kMOutOfAreaPerYear] = ratio(static_cast<double>(t_ooa_), observed_days / kYearDays);
  m[kMReadmission12m] = readmitted.value();
  m[kMPrimaryCareOnlyShare] = primary_only.value();
  m[kMSecondaryTwoOrFewerShare] = two_or_fewer.value();
  m[kMCmhtMeanWait] = cmht_.statistics(now).wait.mean();
  m[kMPhysicalCheckCoverage] = checked.value();
  m[kMCarePartnerContactsPerPerson] = ratio(contacts, no_contact.total);
  m[kMCarePartnerNoContactShare] = no_contact.value();
  m[kMCarePartnersInPost] = m_in_post_.mean();
  m[kMSupervisionCoverage] = m_coverage_.mean();
  m[kMMeanQol] = m_qol_.mean();
  m[kMMortalityRatioUnder75] = ratio(static_cast<double>(t_deaths_u75_), t_expected_u75_);
  m[kMCostPerPersonYear] = ratio(total_cost, person_years);
  if (trial_) {
    m[kMTrialQolDifference] = change[0].mean() - change[1].mean();
    welch_interval(change[0], change[1], m[kMTrialQolDifferenceLo], m[kMTrialQolDifferenceHi]);
    m[kMTrialContactsMean] = m[kMCarePartnerContactsPerPerson];
    m[kMTrialNoContactShare] = m[kMCarePartnerNoContactShare];
  }
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    const double years = group_alive_[g].area_to(now) / kYearDays;
    m[equity_index(kEqCrises, g)] = ratio(1000.0 * static_cast<double>(t_group_crises_[g]), years);
    m[equity_index(kEqMeanQol, g)] = m_group_qol_[g].mean();
    m[equity_index(kEqCarePartnerContacts, g)] = ratio(group_contacts[g], group_cp_people[g]);
    m[equity_index(kEqPrimaryCareOnly, g)] = group_primary_only[g].value();
  }

  if (recorder_ != nullptr) {
    for (std::uint32_t id = 0; id < n; ++id) {
      const Person& p = persons_[id];
      if (!p.has(kObserved)) continue;
      PersonSummary ps;
      ps.person = id;
      ps.diagnosis = static_cast<std::uint8_t>(p.diagnosis);
      ps.network = static_cast<std::uint8_t>(p.network);
      ps.ethnicity = static_cast<std::uint8_t>(p.ethnicity);
      ps.trial_arm = p.trial_arm;
      ps.care_partner_contacts = p.care_partner_contacts;
      ps.mental_health_contacts = p.mental_health_contacts;
      ps.crises = p.crises;
      ps.admissions = p.admissions;
      ps.goals_set = p.goals_set;
      ps.goals_achieved = p.goals_achieved;
      const double end = p.has(kAlive) ? now : static_cast<double>(p.settled_at);
      ps.days_observed = std::max(0.0, end - std::max<double>(p.entry_time, warmup_));
      ps.qol_start = p.qol_start;
      ps.qol_end = p.qol;
      ps.died = !p.has(kAlive) && !p.has(kMigrated);
      recorder_->record_person(ps);
    }
  }

  ReplicationOutcome out;
  out.services.push_back(resource_outcome(cmht_));
  out.services.push_back(care_partner_outcome());
  out.services.push_back(resource_outcome(crisis_team_));
  out.services.push_back(resource_outcome(beds_));
  out.services.push_back(resource_outcome(vcse_));
  out.metrics = std::move(m);
  out.series = std::move(series_);
  out.months = months_recorded_;
  out.events = sim_.events_processed();
  return out;
}

}  // namespace cmhsim::model::pathway
