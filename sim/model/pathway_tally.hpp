// The pathway model's outputs observer: counts the domain events the model reports, closes each
// month and computes the end-of-run metrics. Writes only people's observation fields; no I/O.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "engine/resource.hpp"
#include "engine/time_weighted.hpp"
#include "engine/welford.hpp"
#include "model/mortality.hpp"
#include "model/pathway_config.hpp"
#include "model/pathway_outputs.hpp"
#include "model/person.hpp"
#include "model/post_group.hpp"
#include "model/quality_of_life.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"
#include "model/stepdown_cohort.hpp"
#include "model/workforce.hpp"

namespace cmhsim::model::pathway {

/// Refers to the parts of the model the outputs observer reads (and, for people, annotates).
struct ModelView {
  PersonList& persons;
  const QualityOfLife& qol;  ///< Everyone's quality of life, by person id.
  const Workforce& workforce;
  const PostGroup& coordinators;  ///< CMHT care coordinator posts.
  const engine::Resource& cmht;
  const engine::Resource& crisis_team;
  const engine::Resource& beds;
  const engine::Resource& vcse;
  const mortality::Hazards& hazards;  ///< The mortality configuration's fixed exponentials.
};

/// Counts the living by clinical state and setting, and those in the gap, at a month end.
struct PeopleCounts {
  /// Counts by state and setting, at index state * kSettingCount + setting.
  std::array<std::uint32_t, kClinicalStateCount * kSettingCount> by_state_setting{};
  std::uint32_t in_gap = 0;  ///< In primary care or on outpatients without a recent contact.
};

/// Counts what happens in one month (reset at each month end).
struct MonthTally {
  std::uint64_t crises = 0, episodes = 0, admissions = 0, out_of_area = 0, deaths = 0;
  std::uint64_t gp = 0, checks = 0, cmht_contacts = 0, outpatient = 0;
};

/// Counts how people left the Care Partner waiting list unallocated, after warm-up.
struct CpListExits {
  std::uint64_t patience = 0;  ///< Left of their own accord (patience ran out).
  std::uint64_t max_wait = 0;  ///< Removed at the maximum wait and signposted.
  double patience_days = 0.0;  ///< Total days on the list of those who left of their own accord.
  double max_wait_days = 0.0;  ///< Total days on the list of those removed at the maximum wait.
};

/// Holds one ended crisis-team episode for the 12-month readmission metric.
struct EpisodeRecord {
  double time;         ///< When the episode ended.
  std::uint32_t prev;  ///< The same person's previous episode record, or kNone.
  bool followed;       ///< Another crisis-team episode or an admission followed within 12 months.
};

/// Counts one replication's outputs from the events the model reports.
class PathwayTally {
 public:
  /// Observes `model`; `warmup` and `window_start` begin the observed period and the 12-month
  /// window. `config` and `recorder` (if given) must outlive the object.
  PathwayTally(const PathwayConfig& config, ModelView model, Recorder* recorder, double warmup,
               double window_start, bool trial);

  // The register.
  /// Counts `p` onto the register at `now`.
  void joined_register(Person& p, double now);
  /// Counts `p` off the register at `now`, by death or by moving away.
  void left_register(Person& p, double now, bool death);
  /// Counts the cause of `p`'s death at `now` (just before left_register).
  void died_of(const Person& p, double now, mortality::Cause cause);

  // Observation periods.
  /// Starts the observed period at `now`: levels restart and living people's counters clear.
  void start_observing(double now);
  /// Opens the 12-month window: living people's window counts and flags clear.
  void open_window();

  // Crises and acute care.
  /// Counts a crisis of `p` at `now`.
  void crisis(Person& p, double now);
  /// Counts a crisis team episode of `p` starting at `now`.
  void crisis_episode_started(Person& p, double now);
  /// Counts a crisis team episode ending at `now`.
  void crisis_episode_ended(double now);
  /// Counts an admission of `p` at `now`, in an in-area bed or out of area; `from_episode` when
  /// it ends the crisis-team episode that just ended.
  void admitted(Person& p, double now, bool out_of_area, bool from_episode);
  /// Counts a bed, in area or out of area, freed at `now`.
  void discharged(double now, bool out_of_area);

  // Acute capacity (beds full, delays, repatriation).
  /// Starts the 12-month readmission follow-up of `p`'s crisis-team episode ending at `now`.
  void follow_up_episode(Person& p, double now);
  /// Counts someone waiting for a bed from `now` because every bed and place is taken.
  void bed_wait_started(double now);
  /// Counts a discharge delayed at `now` by `days`.
  void discharge_delayed(double now, double days);
  /// Counts a person moved at `now` from an out-of-area place to an in-area bed.
  void repatriated(double now);
  /// Counts the follow-up contact after crisis care or a bed.
  void followup_contact(Person& p);
  /// Counts an assessment taken up by someone an identification sweep found.
  void assessment(Person& p);

  // Primary care, CMHT, outpatients and VCSE.
  /// Counts `n` GP consultations, settled after warm-up when `observed`.
  void gp_consultations(bool observed, std::uint32_t n);
  /// Counts CMHT or outpatient contacts (by `p`'s setting) settled at `now`.
  void secondary_contacts(Person& p, double now, std::uint32_t n);
  /// Counts `n` CMHT contacts or outpatient appointments of `p` in the person's own counters
  /// only: the totals come from cmht_bulk_contacts and outpatient_bulk_appointments.
  void person_contacts(Person& p, std::uint32_t n);
  /// Counts `n` CMHT contacts of the caseload settled in bulk, after warm-up when `observed`.
  void cmht_bulk_contacts(bool observed, std::uint32_t n);
  /// Counts `n` outpatient appointments of the lists settled in bulk, after warm-up when
  /// `observed`.
  void outpatient_bulk_appointments(bool observed, std::uint32_t n);
  /// Notes that `p` is under neither a CMHT nor an outpatient list (for the 12-month window).
  void outside_secondary_care(Person& p);
  /// Counts a second CMHT contact of an episode at `now`, `days` after the referral.
  void cmht_second_contact(double now, double days);
  /// Counts a physical health check of `p` at `now`.
  void physical_check(Person& p, double now);
  /// Counts a VCSE place taken at `now`.
  void vcse_started(double now);
  /// Counts a VCSE place freed at `now`.
  void vcse_ended(double now);

  // Care Partners.
  /// Counts an offer of a Care Partner (joining the waiting list) at `now`.
  void cp_queued(double now);
  /// Counts someone dropped from the Care Partner waiting list at `now`.
  void cp_dropped(double now);
  /// Counts why someone waiting since `since` left the list at `now` (after cp_dropped).
  void cp_left_list(double now, double since, bool at_max_wait);
  /// Counts `p`, waiting since `since`, joining a caseload at `now`.
  void cp_allocated(Person& p, double now, double since);
  /// Counts someone leaving a caseload at `now`.
  void cp_discharged(double now);
  /// Counts a taken-up Care Partner contact of `p`.
  void care_partner_contact(Person& p);
  /// Counts a goal set by `p`.
  void goal_set(Person& p);
  /// Counts a goal achieved by `p`.
  void goal_achieved(Person& p);
  /// Changes the FTE of filled Care Partner posts by `delta` at `now`.
  void cp_fte(double now, double delta);
  /// Sets the caseload capacity of filled Care Partner posts at `now`.
  void cp_capacity(double now, std::uint64_t capacity);
  /// Changes the FTE of filled supervisor posts by `delta` at `now`.
  void supervisor_fte(double now, double delta);

  // Step-down cohort.
  /// Counts living person `p` three years after a step-down to a Care Partner.
  void stepdown_followed(const Person& p) { stepdown_.add(p); }

  // Outputs (pathway_metrics.cpp, pathway_end_metrics.cpp).
  /// Computes month `month`'s series at its end `now` from the month's counts, the levels, the
  /// living people's counts `people` and the month's quality-of-life sums `qol`; records it if
  /// the month is observed.
  void close_month(std::uint64_t month, double now, const PeopleCounts& people,
                   const QualityOfLife::MonthSums& qol);
  /// Returns the series values of the month just closed.
  [[nodiscard]] const std::array<double, kSeriesCount>& last_month() const noexcept {
    return month_values_;
  }
  /// Computes the end-of-run outcome at `now`, recording person summaries; call once.
  ReplicationOutcome finish(double now, std::uint64_t events);

  [[nodiscard]] std::uint64_t alive() const noexcept { return alive_; }
  [[nodiscard]] std::uint64_t deaths() const noexcept { return deaths_; }
  [[nodiscard]] std::uint64_t migrated() const noexcept { return migrated_; }
  [[nodiscard]] std::uint64_t care_partner_waiting() const noexcept { return cp_waiting_; }
  [[nodiscard]] const CpListExits& cp_list_exits() const noexcept { return cp_list_exits_; }

  /// Returns true when `now` is in the observed period (from the end of warm-up).
  [[nodiscard]] bool observed(double now) const noexcept { return now >= warmup_; }

 private:
  /// Holds the month-end snapshot of the people: counts by setting and in the gap, and
  /// quality of life overall and by group.
  void change_alive(const Person& p, double now, double delta);
  void add_person_time(const Person& p, double now);
  void mark_followed(std::uint32_t record, double now);
  [[nodiscard]] std::vector<double> end_metrics(double now) const;
  void record_persons(double now) const;
  [[nodiscard]] ServiceOutcome care_partner_outcome(double now) const;

  const PathwayConfig& config_;
  ModelView model_;
  Recorder* recorder_;
  double warmup_;
  double window_start_;
  bool trial_;
  bool window_open_ = false;

  // Counts and levels.
  std::uint64_t alive_ = 0, deaths_ = 0, migrated_ = 0, cp_waiting_ = 0;
  MonthTally month_;
  engine::TimeWeighted alive_level_, crisis_level_, beds_level_, ooa_level_, vcse_level_,
      cp_wait_level_, cp_caseload_level_, cp_capacity_level_, cp_fte_level_, sup_fte_level_;
  std::array<engine::TimeWeighted, kGroupCount> group_alive_;
  std::array<double, kSeriesCount> month_values_{};
  /// Bed, out-of-area, crisis, VCSE, Care Partner FTE and supervisor FTE areas.
  std::array<double, 6> month_start_area_{};
  std::uint64_t cp_leavers_closed_ = 0;  ///< Care Partner leavers up to the last month closed.
  /// A deque, so that growing it never copies the records or touches fresh pages twice.
  std::deque<EpisodeRecord> episode_records_;

  // Totals after warm-up.
  std::uint64_t t_crises_ = 0, t_admissions_ = 0, t_ooa_ = 0, t_deaths_u75_ = 0;
  std::uint64_t t_gp_ = 0, t_checks_ = 0, t_cmht_contacts_ = 0, t_outpatient_ = 0;
  std::uint64_t cp_arrivals_ = 0, cp_dropped_ = 0, cp_exits_ = 0;
  // Care Partner access after warm-up: list exits, people newly reached, recorded leavers.
  CpListExits cp_list_exits_;
  std::uint64_t cp_reached_ = 0;
  double t_cp_leavers_ = 0.0;
  engine::Welford m_cp_waiting_;
  std::uint64_t t_repatriations_ = 0, t_bed_waits_ = 0, t_delayed_ = 0;
  double t_delay_days_ = 0.0;
  StepDownCohort stepdown_;  ///< Step-downs after warm-up followed for three years.
  double t_expected_u75_ = 0.0;
  std::uint64_t t_deaths_ = 0;
  std::array<std::uint64_t, mortality::kCauseCount> t_cause_deaths_{};
  /// Deaths and person-years after warm-up by sex (male first) and life-table band.
  std::array<std::array<double, mortality::kLifeTableBands>, 2> band_deaths_{}, band_years_{};
  std::array<std::uint64_t, kGroupCount> t_group_crises_{};
  engine::Welford cp_wait_;
  engine::Welford m_gap_, m_qol_, m_in_post_, m_coverage_;
  engine::Welford cmht_second_contact_days_, m_cmht_vacancy_;
  std::uint64_t cmht_seen_4_weeks_ = 0;  ///< Second CMHT contacts within 28 days of referral.
  std::array<engine::Welford, kGroupCount> m_group_qol_;
  std::vector<double> series_;
  std::size_t months_recorded_ = 0;
  double t_qalys_ = 0.0;            ///< Discounted QALYs of the recorded months.
  double t_discounted_cost_ = 0.0;  ///< Discounted costs of the recorded months.
  /// Adds the recorded month starting at `month_start` to the discounted QALYs and costs.
  void add_economics(double month_start, double utility_sum, double cost);
};

}  // namespace cmhsim::model::pathway
