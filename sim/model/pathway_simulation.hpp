// The state and event handlers of one pathway replication: people, services, Care Partners,
// policies and output accumulators on one future-event list. Its member functions are defined in
// pathway_model.cpp (dispatch), pathway_clinical.cpp, pathway_services.cpp,
// pathway_care_partners.cpp and pathway_metrics.cpp. No I/O, no threads.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/resource.hpp"
#include "engine/simulator.hpp"
#include "engine/welford.hpp"
#include "model/pathway_config.hpp"
#include "model/pathway_outputs.hpp"
#include "model/person.hpp"
#include "model/population.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"
#include "model/workforce.hpp"

namespace cmhsim::model::pathway {

inline constexpr double kMonthDays = 365.25 / 12.0;
inline constexpr double kYearDays = 365.25;

/// Integrates a piecewise-constant level over time since the last reset.
struct Level {
  double level = 0.0;
  double last = 0.0;
  double area = 0.0;
  /// Sets the level at `t`.
  void set(double t, double v) noexcept {
    area += level * (t - last);
    last = t;
    level = v;
  }
  /// Adds `d` to the level at `t`.
  void add(double t, double d) noexcept { set(t, level + d); }
  /// Returns the integral up to `t`.
  [[nodiscard]] double area_to(double t) const noexcept { return area + level * (t - last); }
  /// Forgets the integral before `t`.
  void reset(double t) noexcept {
    area = 0.0;
    last = t;
  }
};

/// Counts what happens in one month (reset at each month end).
struct MonthTally {
  std::uint64_t crises = 0, episodes = 0, admissions = 0, out_of_area = 0, deaths = 0;
  std::uint64_t gp = 0, checks = 0, cmht_contacts = 0, outpatient = 0;
};

/// Holds one crisis for the 12-month readmission metric.
struct CrisisRecord {
  double time;
  std::uint32_t prev;  ///< The same person's previous crisis record, or kNone.
  bool followed;       ///< An admission from a later crisis followed within 12 months.
};

/// Waits for a Care Partner.
struct CpEntry {
  std::uint32_t person;
  std::uint32_t seq;
  double since;
};

/// Simulates one replication; tests may inspect it through the accessors and month_observer.
class PathwaySimulation {
 public:
  PathwaySimulation(const PathwayConfig& config, engine::RngKey key, Recorder* recorder);
  PathwaySimulation(const PathwaySimulation&) = delete;
  PathwaySimulation& operator=(const PathwaySimulation&) = delete;

  /// Runs to the horizon and returns the outcome.
  ReplicationOutcome run();

  /// Is called after each month end's bookkeeping (for tests and diagnostics).
  std::function<void(const PathwaySimulation&)> month_observer;

  [[nodiscard]] const std::vector<Person>& persons() const noexcept { return persons_; }
  [[nodiscard]] const Workforce& workforce() const noexcept { return workforce_; }
  [[nodiscard]] const engine::Resource& cmht() const noexcept { return cmht_; }
  [[nodiscard]] std::uint64_t alive() const noexcept { return alive_; }
  [[nodiscard]] std::uint64_t deaths() const noexcept { return deaths_; }
  [[nodiscard]] std::uint64_t migrated() const noexcept { return migrated_; }
  [[nodiscard]] std::uint64_t care_partner_waiting() const noexcept { return cp_waiting_; }
  [[nodiscard]] double now() const noexcept { return sim_.now(); }
  [[nodiscard]] double horizon() const noexcept { return horizon_; }
  /// Returns the monthly series values of the month just ended (valid in month_observer).
  [[nodiscard]] const std::array<double, kSeriesCount>& last_month() const noexcept {
    return month_values_;
  }

 private:
  // Opens a person's stored stream and saves its position when it goes out of scope.
  class PersonStream {
   public:
    PersonStream(PathwaySimulation& s, std::uint32_t id, StreamSlot slot);
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
  void on_sweep(const engine::Event& e);
  [[nodiscard]] bool observed() const noexcept { return sim_.now() >= warmup_; }

  // Clinical dynamics, crises, acute care, mortality, quality of life (pathway_clinical.cpp).
  [[nodiscard]] double support_ratio(const Person& p) const;
  [[nodiscard]] double competence(const Person& p) const;
  void schedule_transition(std::uint32_t id);
  void on_transition(const engine::Event& e);
  void start_crisis(std::uint32_t id);
  void on_crisis_end(const engine::Event& e);
  void admit(std::uint32_t id);
  void on_bed_discharge(const engine::Event& e);
  void on_followup(const engine::Event& e);
  void end_acute_care(std::uint32_t id);
  void leave_register(std::uint32_t id, bool death);
  void update_qol(std::uint32_t id, std::uint64_t month);
  [[nodiscard]] double qol_target(const Person& p) const;

  // CMHT, VCSE, primary care, outpatients and monthly policy checks (pathway_services.cpp).
  void settle(std::uint32_t id);
  void move_to(std::uint32_t id, Setting s);
  void refer_to_cmht(std::uint32_t id, bool by_care_partner);
  void on_referral(const engine::Event& e);
  void on_cmht_renege(const engine::Event& e);
  void start_cmht(std::uint32_t id);
  void leave_cmht(std::uint32_t id);
  void discharge_from_cmht(std::uint32_t id);
  void refer_to_vcse(std::uint32_t id);
  void start_vcse(std::uint32_t id);
  void on_vcse_end(const engine::Event& e);
  void leave_vcse(std::uint32_t id);
  void monthly_checks(std::uint32_t id);

  // Care Partners (pathway_care_partners.cpp).
  [[nodiscard]] bool may_offer_care_partner(const Person& p) const;
  void offer_care_partner(std::uint32_t id, bool priority, bool front = false);
  void assign_care_partners();
  void join_caseload(std::uint32_t id, std::uint32_t post);
  void leave_caseload(std::uint32_t id, bool reassign = true);
  void drop_cp_waiting(std::uint32_t id);
  void schedule_contact(std::uint32_t id);
  void on_contact(const engine::Event& e);
  void on_hire(const engine::Event& e);
  void workforce_month(std::uint64_t month);

  // Outputs (pathway_metrics.cpp).
  void close_month(std::uint64_t month);
  ReplicationOutcome finish();
  void add_expected_deaths(const Person& p);
  [[nodiscard]] ServiceOutcome resource_outcome(const engine::Resource& r) const;
  [[nodiscard]] ServiceOutcome care_partner_outcome() const;

  const PathwayConfig& config_;
  engine::RngKey key_;
  Recorder* recorder_;
  double horizon_ = 0.0;
  double warmup_ = 0.0;
  double window_start_ = 0.0;
  bool window_open_ = false;
  bool trial_ = false;

  engine::Simulator sim_;
  std::vector<Person> persons_;
  Workforce workforce_;
  engine::Resource cmht_;
  engine::Resource crisis_team_;
  engine::Resource beds_;
  engine::Resource vcse_;
  std::deque<CpEntry> cp_priority_;
  std::deque<CpEntry> cp_normal_;
  std::vector<CrisisRecord> crisis_records_;
  engine::RandomStream incidence_rng_;
  engine::RandomStream in_migration_rng_;
  std::uint32_t newcomers_ = 0;
  std::uint64_t sweeps_ = 0;

  std::uint32_t k_transition_ = 0, k_exit_ = 0, k_arrival_ = 0, k_crisis_end_ = 0,
                k_bed_discharge_ = 0, k_referral_ = 0, k_cmht_renege_ = 0, k_vcse_end_ = 0,
                k_contact_ = 0, k_hire_ = 0, k_month_ = 0, k_sweep_ = 0, k_window_ = 0,
                k_warmup_ = 0, k_followup_ = 0;
  double next_month_end_ = kMonthDays;

  // Counts and levels.
  std::uint64_t alive_ = 0, deaths_ = 0, migrated_ = 0, cp_waiting_ = 0;
  MonthTally tally_;
  Level alive_level_, crisis_level_, beds_level_, ooa_level_, vcse_level_, cp_wait_level_,
      cp_caseload_level_, cp_capacity_level_, cp_fte_level_;
  std::array<Level, kGroupCount> group_alive_;
  std::array<double, kSeriesCount> month_values_{};
  std::array<double, 5> month_start_area_{};  ///< Bed, out-of-area, crisis, VCSE, CP FTE areas.
  double qol_decay_ = 1.0;     ///< Share of the distance to target left after a month.
  double qol_noise_sd_ = 0.0;  ///< Sd of a month's quality-of-life noise.

  // Totals after warm-up.
  std::uint64_t t_crises_ = 0, t_admissions_ = 0, t_ooa_ = 0, t_deaths_u75_ = 0;
  std::uint64_t t_gp_ = 0, t_checks_ = 0, t_cmht_contacts_ = 0, t_outpatient_ = 0;
  std::uint64_t cp_arrivals_ = 0, cp_dropped_ = 0, cp_exits_ = 0;
  double t_expected_u75_ = 0.0;
  std::array<std::uint64_t, kGroupCount> t_group_crises_{};
  engine::Welford cp_wait_;
  engine::Welford m_gap_, m_qol_, m_in_post_, m_coverage_;
  std::array<engine::Welford, kGroupCount> m_group_qol_;
  std::vector<double> series_;
  std::size_t months_recorded_ = 0;
};

}  // namespace cmhsim::model::pathway
