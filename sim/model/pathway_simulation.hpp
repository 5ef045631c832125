// The state and event handlers of one pathway replication: people, services, Care Partners and
// policies on one future-event list, reporting what happens to an outputs observer (PathwayTally).
// Its member functions are defined in pathway_model.cpp (dispatch), pathway_clinical.cpp,
// pathway_services.cpp, pathway_stepdown.cpp, pathway_care_partners.cpp and pathway_mortality.cpp.
// No I/O, no threads.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/resource.hpp"
#include "engine/simulator.hpp"
#include "engine/time_weighted.hpp"
#include "model/draws.hpp"
#include "model/due_calendar.hpp"
#include "model/mortality.hpp"
#include "model/pathway_config.hpp"
#include "model/pathway_tally.hpp"
#include "model/person.hpp"
#include "model/population.hpp"
#include "model/post_group.hpp"
#include "model/quality_of_life.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"
#include "model/workforce.hpp"

namespace cmhsim::model::pathway {

/// Waits for a Care Partner.
struct CpEntry {
  std::uint32_t person;
  std::uint16_t seq;
  double since;
};

/// Names the routes by which a person may be offered a Care Partner (the referral criteria).
enum class CpRoute : std::uint8_t {
  Struggling,  ///< Struggling in primary care and seen by the GP.
  StepDown,    ///< Discharged by a CMHT to a Care Partner.
  PostCrisis,  ///< Back in primary care after crisis care without a CMHT referral.
  GapFinding,  ///< Found by an identification sweep and assessed.
  Listed,      ///< Named at day 0: a warm start's caseloads and lists, or a trial's arm.
};

/// Waits for an acute bed while every in-area bed and out-of-area place is taken.
struct BedWait {
  std::uint32_t person;
  bool from_episode;  ///< The admission ends the crisis-team episode that just ended.
};

/// Simulates one replication; tests may inspect it through the accessors and month_observer.
class PathwaySimulation {
 public:
  PathwaySimulation(const PathwayConfig& config, engine::RngKey key, Recorder* recorder);
  /// Is deleted: the simulation keeps a reference to its config, which must outlive it.
  PathwaySimulation(PathwayConfig&& config, engine::RngKey key, Recorder* recorder) = delete;
  PathwaySimulation(const PathwaySimulation&) = delete;
  PathwaySimulation& operator=(const PathwaySimulation&) = delete;

  /// Runs to the horizon and returns the outcome.
  ReplicationOutcome run();

  /// Is called after each month end's bookkeeping (for tests and diagnostics).
  std::function<void(const PathwaySimulation&)> month_observer;
  /// Does every living person's month-end work every month, not only when due (for tests: the
  /// results must be the same).
  bool month_work_for_everyone = false;

  [[nodiscard]] const PersonList& persons() const noexcept { return persons_; }
  [[nodiscard]] const Workforce& workforce() const noexcept { return workforce_; }
  [[nodiscard]] const engine::Resource& cmht() const noexcept { return cmht_; }
  /// Returns the CMHT care coordinator posts.
  [[nodiscard]] const PostGroup& coordinators() const noexcept { return coordinators_; }
  /// Returns the share of each CMHT contact rate that coordinators' hours allow this month.
  [[nodiscard]] double cmht_contact_scale() const noexcept { return cmht_contact_scale_; }
  /// Returns the sum of the CMHT contact rates counted in bulk now.
  [[nodiscard]] double cmht_bulk_rate() const noexcept { return cmht_bulk_level_.level(); }
  /// Returns how many people's GP consultations accrue in bulk now.
  [[nodiscard]] double gp_people() const noexcept { return gp_level_.level(); }
  /// Returns how many people's outpatient appointments accrue in bulk now.
  [[nodiscard]] double outpatient_people() const noexcept { return outpatient_level_.level(); }
  [[nodiscard]] std::uint64_t alive() const noexcept { return outputs_.alive(); }
  [[nodiscard]] std::uint64_t deaths() const noexcept { return outputs_.deaths(); }
  [[nodiscard]] std::uint64_t migrated() const noexcept { return outputs_.migrated(); }
  [[nodiscard]] std::uint64_t care_partner_waiting() const noexcept {
    return outputs_.care_partner_waiting();
  }
  /// Returns how people left the Care Partner waiting list unallocated after warm-up.
  [[nodiscard]] const CpListExits& care_partner_list_exits() const noexcept {
    return outputs_.cp_list_exits();
  }
  [[nodiscard]] double now() const noexcept { return sim_.now(); }
  [[nodiscard]] double horizon() const noexcept { return horizon_; }
  /// Returns the monthly series values of the month just ended (valid in month_observer).
  [[nodiscard]] const std::array<double, kSeriesCount>& last_month() const noexcept {
    return outputs_.last_month();
  }

 private:
  // Opens a person's stored stream and saves its position when it goes out of scope.
  class PersonStream {
   public:
    PersonStream(PathwaySimulation& s, std::uint32_t id, StreamSlot slot)
        : person_(s.persons_[id]),
          slot_(slot),
          rng_(s.key_, id, static_cast<std::uint64_t>(kSlotPurpose[slot]), person_.position[slot]) {
    }
    ~PersonStream() { person_.position[slot_] = static_cast<std::uint32_t>(rng_.position()); }
    PersonStream(const PersonStream&) = delete;
    PersonStream& operator=(const PersonStream&) = delete;
    engine::RandomStream& operator*() noexcept { return rng_; }
    double uniform() noexcept { return rng_.uniform01(); }

   private:
    Person& person_;
    StreamSlot slot_;
    engine::RandomStream rng_;
  };

  // Dispatch and population (pathway_model.cpp).
  void register_handlers();
  std::uint32_t add_person(Origin origin);
  void place_initial(std::uint32_t id);
  void on_arrival(const engine::Event& e);
  void on_exit(const engine::Event& e);
  void on_month_end(const engine::Event& e);
  void on_warmup_end(const engine::Event& e);
  void on_window_start(const engine::Event& e);
  void settle_all();
  void prune_living();
  /// Starts loading every cache line of the record of `id`, so a handler about to need it waits
  /// less (a hint only: nothing it does changes results).
  void prefetch_person(std::uint32_t id) const noexcept {
    const char* record = reinterpret_cast<const char*>(persons_.data() + id);
    __builtin_prefetch(record);
    __builtin_prefetch(record + 64);
    __builtin_prefetch(record + sizeof(Person) - 1);
  }

  // Death: one cumulative-hazard budget per person, spent under a changing hazard
  // (pathway_mortality.cpp).
  [[nodiscard]] mortality::HazardState hazard_state(const Person& p) const;
  [[nodiscard]] double remaining_hazard(std::uint32_t id) const;
  void start_mortality(std::uint32_t id);
  void schedule_death(std::uint32_t id, double budget);
  void on_death(const engine::Event& e);
  void note_crisis(std::uint32_t id);
  void note_crisis_end(std::uint32_t id);
  /// Applies the check's effect on vascular risk treatment: `found_bits` and `uptake_bits` are the
  /// check's words for finding the risk and taking up treatment.
  void cardiovascular_check(std::uint32_t id, bool checked, std::uint64_t found_bits,
                            std::uint64_t uptake_bits);

  // Clinical dynamics, crises, acute care, leaving, quality of life (pathway_clinical.cpp).
  [[nodiscard]] double support_ratio(const Person& p) const;
  /// Returns the hazard of leaving the stable state per year for `p` as they are now.
  [[nodiscard]] double stable_hazard_per_year(const Person& p) const;
  /// Holds the hazards per year of leaving the struggling state, by destination.
  struct StrugglingHazards {
    double to_crisis;
    double to_stable;
  };
  /// Returns the hazards of leaving the struggling state for `p` as they are now.
  [[nodiscard]] StrugglingHazards struggling_hazards_per_year(const Person& p) const;
  [[nodiscard]] double competence(const Person& p) const;
  [[nodiscard]] double care_partner_effect(const Person& p) const;
  void schedule_transition(std::uint32_t id);
  void on_transition(const engine::Event& e);
  void start_crisis(std::uint32_t id);
  void on_crisis_end(const engine::Event& e);
  void on_followup(const engine::Event& e);
  void end_crisis_episode();
  void end_acute_care(std::uint32_t id);
  void leave_register(std::uint32_t id, bool death);
  /// Returns the quality-of-life target of `p` without goal gain.
  [[nodiscard]] double qol_target(const Person& p) const;
  /// Brings what follows person `id` in bulk up to date after any change to the person: the
  /// quality-of-life target, the GP, outpatient and CMHT bulk levels, the counts by state and
  /// setting, the caseload's CMHT contact demand, the gap array and the month-end due time.
  void sync_person(std::uint32_t id);
  /// Returns the earliest time a month end may have work for `id` given its state now and `gap`,
  /// its entry in the gap array.
  [[nodiscard]] double month_work_due(std::uint32_t id, float gap) const;
  /// Sets the time from which month ends have work for `id` and files it under the first month
  /// end at or after that time.
  void set_due(std::uint32_t id, double due) {
    const auto stored = static_cast<float>(due);
    const float old = std::exchange(due_[id], stored);
    // Unchanged and after the last month end opened (at next_month_ × kMonthDays), so filed
    // under one yet to open: the common case, with nothing to do.
    if (stored == old &&
        static_cast<double>(stored) > static_cast<double>(next_month_) * kMonthDays) {
      return;
    }
    refile_due(id, stored, old);
  }
  /// Files `id`, whose due time changed from `old` to `due`, unless it is filed already under the
  /// month end `due` falls at, which has yet to open.
  void refile_due(std::uint32_t id, float due, float old);
  /// Files `id` under month end `month`, or under the next to open (and the open one, which has
  /// not yet reached `id` when it is later in id order) if `month` has opened already.
  void file_due(std::uint32_t id, std::size_t month);
  /// Returns the time of month end `k`, as on_month_end schedules it.
  [[nodiscard]] static double month_end_time(std::size_t k) noexcept {
    return static_cast<double>(k + 1) * kMonthDays;
  }
  /// Returns the index of the first month end at or after time `t` (0 when `t` is NaN), or one
  /// past the last month end when it falls after the horizon.
  [[nodiscard]] std::size_t month_end_at_or_after(double t) const;
  /// Sets `id`'s home setting.
  void set_home(std::uint32_t id, Setting home) {
    persons_[id].home = home;
    sync_person(id);
  }

  // Acute beds: in area, out of area, waiting, delayed discharge, repatriation
  // (pathway_acute.cpp).
  void admit(std::uint32_t id, bool from_episode);
  void start_stay(std::uint32_t id, bool from_episode, bool out_of_area);
  void on_bed_discharge(const engine::Event& e);
  void free_bed(Person& p);
  void fill_freed_bed(bool in_area);
  bool drop_bed_waiting(std::uint32_t id);

  // Contact counting, in bulk and per person (pathway_contacts.cpp).
  /// Counts a person's secondary-care contacts up to now from the Services stream, into the
  /// person's counters only: the totals are drawn in bulk (draw_bulk_contacts).
  void settle(std::uint32_t id);
  /// Counts the CMHT contacts of `id` over [start, now], past the first two of the episode.
  void settle_cmht_bulk(std::uint32_t id, double start, double now);
  /// Holds a person's contact count over a stretch and where the latest falls in it (a fraction).
  struct ContactDraw {
    std::uint32_t count;
    double latest;
  };
  /// Draws `id`'s contact count with mean `mean` from the Services stream, and the latest's place.
  ContactDraw draw_person_contacts(std::uint32_t id, PoissonSampler& sampler, double mean);
  /// Counts `n` contacts of `id` in its own counters, the latest at time `last`.
  void note_person_contacts(std::uint32_t id, std::uint32_t n, double last);
  /// Draws the GP consultations, CMHT contacts and outpatient appointments accrued since the last
  /// draw for the register at once and hands them to the outputs.
  void draw_bulk_contacts();
  /// Returns the integral of the CMHT contact scale from day 0 to `t`.
  [[nodiscard]] double scale_integral(double t) const;
  /// Returns the time in [from, to] at which the scale integral reaches `s`.
  [[nodiscard]] double scale_integral_inverse(double s, double from, double to) const;
  void move_to(std::uint32_t id, Setting s);

  // CMHT, VCSE, primary care, outpatients, monthly policy checks and proactive sweeps
  // (pathway_services.cpp).
  void refer_to_cmht(std::uint32_t id, bool by_care_partner);
  void on_referral(const engine::Event& e);
  void on_cmht_renege(const engine::Event& e);
  void on_vcse_renege(const engine::Event& e);
  /// Schedules `kind` for `id` after an exponential wait of mean `patience` days (none if 0).
  void schedule_renege(std::uint32_t id, double patience, std::uint32_t kind, std::uint64_t ticket);
  void join_cmht(std::uint32_t id, std::uint64_t ticket);
  void start_cmht(std::uint32_t id, bool initial = false);
  void stagger_initial_episode(std::uint32_t id);
  void on_cmht_contact(const engine::Event& e);
  void leave_cmht(std::uint32_t id);
  void discharge_from_cmht(std::uint32_t id);
  void refer_to_vcse(std::uint32_t id);
  void start_vcse(std::uint32_t id);
  void on_vcse_end(const engine::Event& e);
  void on_vcse_self_referral(const engine::Event& e);
  void leave_vcse(std::uint32_t id);
  void monthly_checks(std::uint32_t id);
  void on_sweep(const engine::Event& e);

  // Step-down with outpatient follow-up and the step-down cohort (pathway_stepdown.cpp).
  void keep_on_outpatients(std::uint32_t id);
  void step_down_to_care_partner(std::uint32_t id, bool outpatients);
  void outpatient_follow_up_month(std::uint32_t id);
  void on_stepdown_followed(const engine::Event& e);
  // CMHT care coordinators: posts, caseload capacity and contact time (pathway_cmht_staff.cpp).
  void cmht_staff_month();
  void set_cmht_capacity();
  void set_cmht_contact_scale(double contacts_per_day);

  // Care Partners (pathway_care_partners.cpp).
  [[nodiscard]] bool may_offer_care_partner(const Person& p, CpRoute route) const;
  void offer_care_partner(std::uint32_t id, bool priority, bool front = false);
  void on_cp_renege(const engine::Event& e);
  void on_cp_episode_end(const engine::Event& e);
  [[nodiscard]] bool care_partner_goals_met(const Person& p) const;
  void assign_care_partners();
  void join_caseload(std::uint32_t id, std::uint32_t post, double since);
  void leave_caseload(std::uint32_t id, bool reassign = true);
  void drop_cp_waiting(std::uint32_t id);
  void schedule_contact(std::uint32_t id);
  void on_contact(const engine::Event& e);
  void on_hire(const engine::Event& e);
  void workforce_month();

  const PathwayConfig& config_;
  mortality::Hazards hazards_;  ///< The mortality configuration's fixed exponentials.
  engine::RngKey key_;
  bool trial_;
  double horizon_;
  double warmup_;
  double window_start_;

  engine::WindowedSimulator sim_;
  PersonList persons_;
  /// Lists the ids of everyone on the register in id order, so passes over the living skip those
  /// who left; pruned at month ends, so it may still hold some who left since.
  engine::HugePageVector<std::uint32_t> living_;
  /// Lists the ids of those who left the register since `living_` was last pruned.
  std::vector<std::uint32_t> departed_;
  Workforce workforce_;
  std::optional<RegisterAges> ages_;      ///< Stationary ages of the register, when held so.
  double in_migration_per_day_ = 0.0;     ///< People moving in a day (balancing, or as set).
  double self_referral_per_check_ = 0.0;  ///< Chance of a VCSE self-referral in a year.
  PostGroup coordinators_;
  engine::Resource cmht_;
  engine::Resource crisis_team_;
  engine::Resource beds_;
  engine::Resource vcse_;
  std::uint32_t out_of_area_places_ = 0;    ///< Out-of-area places the register can use.
  std::vector<std::uint32_t> out_of_area_;  ///< People placed out of area, longest placed first.
  std::deque<BedWait> bed_waiting_;         ///< People waiting for any bed, in arrival order.
  std::deque<CpEntry> cp_priority_;
  std::deque<CpEntry> cp_normal_;
  engine::RandomStream incidence_rng_;
  engine::RandomStream in_migration_rng_;
  std::uint32_t newcomers_ = 0;
  std::uint64_t sweeps_ = 0;

  std::uint32_t k_transition_ = 0, k_exit_ = 0, k_arrival_ = 0, k_crisis_end_ = 0,
                k_bed_discharge_ = 0, k_referral_ = 0, k_cmht_renege_ = 0, k_vcse_renege_ = 0,
                k_vcse_end_ = 0, k_contact_ = 0, k_hire_ = 0, k_month_ = 0, k_sweep_ = 0,
                k_window_ = 0, k_warmup_ = 0, k_followup_ = 0, k_vcse_self_referral_ = 0,
                k_death_ = 0, k_cp_renege_ = 0, k_cp_episode_end_ = 0, k_stepdown_followed_ = 0,
                k_cmht_contact_ = 0;
  double next_month_end_ = kMonthDays;
  std::size_t month_ends_ = 0;  ///< Month ends up to the horizon.
  std::size_t next_month_ = 0;  ///< The first month end not yet opened.
  DueCalendar calendar_;        ///< Who each month end visits beyond the quality-of-life step.

  double cmht_contact_scale_ = 1.0;  ///< Share of contact rates coordinators' hours allow.
  /// Counts the living out of acute care, whose GP consultations (output only as totals) accrue
  /// at one rate and are drawn for everyone at once.
  engine::TimeWeighted gp_level_;
  /// Sums the CMHT contact rates (per day at full staffing) of those on a caseload past their
  /// first two contacts, whose contacts accrue in bulk for the totals.
  engine::TimeWeighted cmht_bulk_level_;
  /// Counts the living on an outpatient list out of acute care, whose appointments accrue in bulk
  /// for the totals.
  engine::TimeWeighted outpatient_level_;
  double bulk_drawn_at_ = 0.0;          ///< When the bulk counts were last drawn.
  double gp_area_drawn_ = 0.0;          ///< gp_level_'s area at that draw.
  double cmht_area_drawn_ = 0.0;        ///< cmht_bulk_level_'s area at that draw.
  double outpatient_area_drawn_ = 0.0;  ///< outpatient_level_'s area at that draw.
  std::vector<double> month_scale_;     ///< CMHT contact scale of each month so far.
  /// Integral of the CMHT contact scale from day 0 to the start of each month so far.
  std::vector<double> month_scale_integral_;
  /// Holds, by person id, the earliest time a month end may have work for the person beyond the
  /// quality-of-life step: month ends before it skip the person (renewed at every change).
  engine::HugePageVector<float> due_;
  /// Holds, by person id, the last proactive contact of those in primary care or on an outpatient
  /// list only (+inf for others), from which the month end counts the people in the gap.
  engine::HugePageVector<float> gap_proactive_;
  /// Counts the living by clinical state and setting (state * kSettingCount + setting).
  PeopleCounts people_counts_;
  /// Sums the CMHT contact rates (per day at full staffing) of everyone whose home is a CMHT.
  double cmht_demand_ = 0.0;
  engine::RandomStream gp_rng_;               ///< Draws the register's GP consultation counts.
  engine::RandomStream cmht_bulk_rng_;        ///< Draws the caseload's bulk CMHT contact counts.
  engine::RandomStream outpatient_bulk_rng_;  ///< Draws the lists' bulk appointment counts.
  PoissonSampler cmht_poisson_;               ///< CMHT contacts settled.
  PoissonSampler outpatient_poisson_;         ///< Outpatient appointments settled.
  QualityOfLife qol_;                         ///< Everyone's quality of life, by person id.
  PathwayTally outputs_;  ///< Declared last: it refers to the people, posts and services.
};

}  // namespace cmhsim::model::pathway
