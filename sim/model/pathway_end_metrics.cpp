// The pathway outputs observer's end of run: the metrics in metric order (rates over person-time
// after warm-up, 12-month window shares, equity breakdowns, the trial comparison with a Welch
// interval), person summaries and service outcomes. No I/O beyond the Recorder.
#include <cmath>
#include <limits>

#include "engine/confidence.hpp"
#include "model/pathway_costs.hpp"
#include "model/pathway_tally.hpp"
#include "model/service_outcome.hpp"

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

}  // namespace

ReplicationOutcome PathwayTally::finish(double now, std::uint64_t events) {
  for (const Person& p : model_.persons) {
    if (p.has(kAlive)) add_person_time(p, now);
  }
  ReplicationOutcome out;
  out.metrics = end_metrics(now);
  record_persons(now);
  out.services.push_back(service_outcome(model_.cmht.name(), model_.cmht.statistics(now)));
  out.services.push_back(care_partner_outcome(now));
  for (const engine::Resource* r : {&model_.crisis_team, &model_.beds, &model_.vcse}) {
    out.services.push_back(service_outcome(r->name(), r->statistics(now)));
  }
  out.series = std::move(series_);
  out.months = months_recorded_;
  out.events = events;
  return out;
}

std::vector<double> PathwayTally::end_metrics(double now) const {
  const double observed_days = now - warmup_;
  const double person_years = alive_level_.area(now) / kYearDays;
  std::vector<double> m(kMetricCount, kNaN);

  Share readmitted;
  for (const EpisodeRecord& r : episode_records_) {
    if (r.time >= warmup_ && r.time + kYearDays <= now) readmitted.add(r.followed);
  }
  Share primary_only, two_or_fewer, checked, no_contact;
  std::array<Share, kGroupCount> group_primary_only{};
  std::array<double, kGroupCount> group_contacts{};
  std::array<double, kGroupCount> group_cp_people{};
  double contacts = 0.0;
  engine::Welford change[2];
  double arm_crises[2] = {0.0, 0.0};
  double people_observed = 0.0;
  for (std::uint32_t id = 0; id < model_.persons.size(); ++id) {
    const Person& p = model_.persons[id];
    if (p.has(kObserved)) people_observed += 1.0;
    const bool alive = p.has(kAlive);
    if (alive && p.entry_time <= window_start_) {
      const bool only = p.last_care_contact < window_start_;
      primary_only.add(only);
      checked.add(p.has(kWindowCheck));
      for (const std::size_t g : groups_of(p)) group_primary_only[g].add(only);
    }
    if (alive && p.entry_time <= window_start_ && p.has(kWindowSecondary))
      two_or_fewer.add(p.window_secondary_contacts <= 2);
    const bool cp_person = trial_ ? p.trial_arm == 1 : p.has(kCpObserved);
    if (cp_person) {
      contacts += p.care_partner_contacts;
      no_contact.add(p.care_partner_contacts == 0);
      for (const std::size_t g : groups_of(p)) {
        group_contacts[g] += p.care_partner_contacts;
        group_cp_people[g] += 1.0;
      }
    }
    if (trial_ && alive && p.trial_arm != 0)
      change[p.trial_arm - 1].add(model_.qol.value(id) - p.qol_start);
    if (trial_ && p.trial_arm != 0) arm_crises[p.trial_arm - 1] += p.crises;
  }

  CostActivity activity;
  activity.gp_consultations = static_cast<double>(t_gp_);
  activity.physical_checks = static_cast<double>(t_checks_);
  activity.care_partner_fte_days = cp_fte_level_.area(now);
  activity.supervisor_fte_days = sup_fte_level_.area(now);
  activity.cmht_contacts = static_cast<double>(t_cmht_contacts_);
  activity.crisis_days = crisis_level_.area(now);
  activity.bed_days = beds_level_.area(now);
  activity.out_of_area_bed_days = ooa_level_.area(now);
  activity.outpatient_appointments = static_cast<double>(t_outpatient_);
  activity.vcse_place_days = vcse_level_.area(now);
  const double cost = total_cost(costs_by_kind(activity, config_));

  m[kMPeopleInGap] = m_gap_.mean();
  m[kMCrisesPer1000] = ratio(1000.0 * static_cast<double>(t_crises_), person_years);
  m[kMAdmissionsPer1000] = ratio(1000.0 * static_cast<double>(t_admissions_), person_years);
  const double bed_days_available = static_cast<double>(model_.beds.servers()) * observed_days;
  m[kMBedOccupancy] =
      ratio((1.0 - config_.services.leave_share) * beds_level_.area(now), bed_days_available);
  m[kMOutOfAreaPerYear] = ratio(static_cast<double>(t_ooa_), observed_days / kYearDays);
  m[kMReadmission12m] = readmitted.value();
  m[kMPrimaryCareOnlyShare] = primary_only.value();
  m[kMSecondaryTwoOrFewerShare] = two_or_fewer.value();
  m[kMCmhtMeanWait] = model_.cmht.statistics(now).wait.mean();
  m[kMPhysicalCheckCoverage] = checked.value();
  m[kMCarePartnerContactsPerPerson] = ratio(contacts, no_contact.total);
  m[kMCarePartnerNoContactShare] = no_contact.value();
  m[kMCarePartnersInPost] = m_in_post_.mean();
  m[kMSupervisionCoverage] = m_coverage_.mean();
  m[kMMeanQol] = m_qol_.mean();
  m[kMMortalityRatioUnder75] = ratio(static_cast<double>(t_deaths_u75_), t_expected_u75_);
  m[kMDeathsPer1000] = ratio(1000.0 * static_cast<double>(t_deaths_), person_years);
  for (std::size_t c = 0; c < mortality::kCauseCount; ++c) {
    m[kMDeathsPer1000ByCause + c] =
        ratio(1000.0 * static_cast<double>(t_cause_deaths_[c]), person_years);
  }
  double lost = 0.0;
  double lost_years = 0.0;
  for (std::size_t sex = 0; sex < 2; ++sex) {
    const double value = mortality::life_years_lost(config_.mortality, sex == 0, band_deaths_[sex],
                                                    band_years_[sex]);
    m[sex == 0 ? kMLifeYearsLostMen : kMLifeYearsLostWomen] = value;
    if (std::isnan(value)) continue;
    double years = 0.0;
    for (const double y : band_years_[sex]) years += y;
    lost += value * years;
    lost_years += years;
  }
  m[kMLifeYearsLost] = ratio(lost, lost_years);
  m[kMCostPerPersonYear] = ratio(cost, person_years);
  const bool care_partners = model_.workforce.size() > 0;
  const double recorded_years = static_cast<double>(months_recorded_) * kMonthDays / kYearDays;
  m[kMCarePartnerMeanWait] = cp_wait_.mean();
  m[kMCarePartnerWaitingList] = m_cp_waiting_.mean();
  m[kMCarePartnerVacancyRate] =
      care_partners
          ? 1.0 - ratio(cp_fte_level_.area(now), config_.care_partners.fte * observed_days)
          : kNaN;
  m[kMCarePartnerLeaversPerYear] = care_partners ? ratio(t_cp_leavers_, recorded_years) : kNaN;
  m[kMCarePartnerReachedPerYear] =
      care_partners ? ratio(static_cast<double>(cp_reached_), observed_days / kYearDays) : kNaN;
  const auto followed = static_cast<double>(stepdown_.followed);
  m[kMStepDownPrimaryCareOnly3y] =
      ratio(static_cast<double>(stepdown_.primary_care_only), followed);
  m[kMStepDownReturnedSecondary3y] = ratio(static_cast<double>(stepdown_.secondary), followed);
  m[kMStepDownCohortSize] = followed;
  m[kMCmhtReferralToSecondContactDays] =
      cmht_second_contact_days_.count() > 0 ? cmht_second_contact_days_.mean() : kNaN;
  m[kMCmhtSeenWithin4WeeksShare] = ratio(static_cast<double>(cmht_seen_4_weeks_),
                                         static_cast<double>(cmht_second_contact_days_.count()));
  m[kMCmhtVacancyRate] = m_cmht_vacancy_.count() > 0 ? m_cmht_vacancy_.mean() : kNaN;
  if (trial_) {
    const engine::Estimate difference = engine::welch_interval(change[0], change[1]);
    m[kMTrialQolDifference] = difference.mean;
    m[kMTrialQolDifferenceLo] = difference.lo;
    m[kMTrialQolDifferenceHi] = difference.hi;
    m[kMTrialContactsMean] = m[kMCarePartnerContactsPerPerson];
    m[kMTrialNoContactShare] = m[kMCarePartnerNoContactShare];
    m[kMTrialQolChangeIntervention] = change[0].count() > 0 ? change[0].mean() : kNaN;
    m[kMTrialQolChangeControl] = change[1].count() > 0 ? change[1].mean() : kNaN;
    m[kMTrialCrisesIntervention] = arm_crises[0];
    m[kMTrialCrisesControl] = arm_crises[1];
  }
  // Acute capacity.
  const double observed_years = observed_days / kYearDays;
  m[kMBedOccupancyIncludingLeave] = ratio(beds_level_.area(now), bed_days_available);
  m[kMRepatriationsPerYear] = ratio(static_cast<double>(t_repatriations_), observed_years);
  m[kMBedWaitsPerYear] = ratio(static_cast<double>(t_bed_waits_), observed_years);
  m[kMDelayedDischargeShare] =
      ratio(static_cast<double>(t_delayed_), static_cast<double>(t_admissions_));
  m[kMDelayedDischargeMeanDays] = ratio(t_delay_days_, static_cast<double>(t_delayed_));
  for (std::size_t g = 0; g < kGroupCount; ++g) {
    const double years = group_alive_[g].area(now) / kYearDays;
    m[equity_index(kEqCrises, g)] = ratio(1000.0 * static_cast<double>(t_group_crises_[g]), years);
    m[equity_index(kEqMeanQol, g)] = m_group_qol_[g].mean();
    m[equity_index(kEqCarePartnerContacts, g)] = ratio(group_contacts[g], group_cp_people[g]);
    m[equity_index(kEqPrimaryCareOnly, g)] = group_primary_only[g].value();
  }
  m[kMQalysPerPerson] = ratio(t_qalys_, people_observed);
  m[kMDiscountedCostPerPerson] = ratio(t_discounted_cost_, people_observed);
  m[kMPeopleObserved] = people_observed;
  return m;
}

void PathwayTally::record_persons(double now) const {
  if (recorder_ == nullptr) return;
  const auto n = static_cast<std::uint32_t>(model_.persons.size());
  for (std::uint32_t id = 0; id < n; ++id) {
    const Person& p = model_.persons[id];
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
    ps.qol_end = model_.qol.value(id);
    ps.died = !p.has(kAlive) && !p.has(kMigrated);
    recorder_->record_person(ps);
  }
}

ServiceOutcome PathwayTally::care_partner_outcome(double now) const {
  // The Care Partner line is not a resource: its statistics come from the observer's own counts.
  const double span = now - warmup_;
  engine::ResourceStatistics st;
  st.arrivals = cp_arrivals_;
  st.reneged = cp_dropped_;
  st.completed = cp_exits_;
  st.wait = cp_wait_;
  st.mean_in_queue = ratio(cp_wait_level_.area(now), span);
  st.mean_busy = ratio(cp_caseload_level_.area(now), span);
  st.utilisation = ratio(cp_caseload_level_.area(now), cp_capacity_level_.area(now));
  st.span = span;
  return service_outcome("care_partners", st);
}

}  // namespace cmhsim::model::pathway
