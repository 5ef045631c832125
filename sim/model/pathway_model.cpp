// The pathway model's umbrella: builds the population and services, dispatches events (arrivals,
// moving away, month ends, warm-up, the 12-month window, identification sweeps) and wraps it all in
// PathwayModel. The domain rules live in pathway_clinical/services/care_partners. No I/O.
#include "model/pathway_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/acute_capacity.hpp"
#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model {
namespace pathway {
namespace {

constexpr std::int32_t kWarmupPriority = -3;  // Before anything else that day.
constexpr std::int32_t kWindowPriority = -2;
constexpr std::int32_t kMonthPriority = -1;

int slots(double capacity) {
  return static_cast<int>(std::clamp(std::floor(capacity + 1e-9), 0.0, 2.0e9));
}

/// Returns the CMHT care coordinator posts' group of `s`.
PostGroupSpec coordinator_spec(const ServicesConfig& s) {
  return {s.cmht_coordinators_fte,
          s.cmht_fte_per_coordinator,
          s.cmht_turnover_per_year,
          &s.cmht_recruitment_delay_days,
          s.cmht_vacancy_at_start_share,
          kCoordinatorPostEntity,
          "services.cmht_coordinators_fte / cmht_fte_per_coordinator"};
}

}  // namespace

PathwaySimulation::PathwaySimulation(const PathwayConfig& config, engine::RngKey key,
                                     Recorder* recorder)
    : config_(config),
      hazards_(config.mortality),
      key_(key),
      trial_(config.trial.enabled),
      horizon_(trial_ ? config.trial.follow_up_days : config.horizon_days),
      warmup_(trial_ ? 0.0 : std::clamp(config.warmup_days, 0.0, horizon_)),
      window_start_(std::max(warmup_, horizon_ - kYearDays)),
      workforce_(config.care_partners, config.supervision, key),
      coordinators_(coordinator_spec(config.services), key),
      cmht_("cmht",
            slots(config.services.cmht_coordinators_fte * config.services.cmht_caseload_per_fte)),
      crisis_team_("crisis_team", slots(config.services.crisis_team_slots),
                   engine::Discipline::Fifo, 0),
      beds_("inpatient", slots(in_area_beds(config)), engine::Discipline::Fifo, 0),
      vcse_("vcse", slots(config.services.vcse_places)),
      incidence_rng_(key, kIncidenceEntity, static_cast<std::uint64_t>(Purpose::Arrival)),
      in_migration_rng_(key, kInMigrationEntity, static_cast<std::uint64_t>(Purpose::Arrival)),
      gp_rng_(key, kGpEntity, static_cast<std::uint64_t>(Purpose::Services)),
      cmht_bulk_rng_(key, kCmhtBulkEntity, static_cast<std::uint64_t>(Purpose::Services)),
      outpatient_bulk_rng_(key, kOutpatientBulkEntity,
                           static_cast<std::uint64_t>(Purpose::Services)),
      outputs_(
          config,
          {persons_, qol_, workforce_, coordinators_, cmht_, crisis_team_, beds_, vcse_, hazards_},
          recorder, warmup_, window_start_, trial_) {
  out_of_area_places_ = static_cast<std::uint32_t>(slots(out_of_area_places(config)));
  const PopulationConfig& pop = config.population;
  in_migration_per_day_ = pop.in_migration_per_year / kYearDays;
  self_referral_per_check_ = -std::expm1(-config.services.vcse_self_referral_per_year);
  if (!trial_ && pop.stationary_register > 0.5) {
    ages_.emplace(pop, config.mortality);
    in_migration_per_day_ = ages_->balancing_in_migration(pop.register_size) / kYearDays;
  }
  const double theta = config.clinical.qol_mean_reversion_per_year;
  const double sigma = config.clinical.qol_noise_sd_per_sqrt_year;
  const double dt = kMonthDays / kYearDays;
  const double decay = std::exp(-theta * dt);
  qol_.set_step(decay,
                theta > 0.0 ? sigma * std::sqrt((1.0 - decay * decay) / (2.0 * theta))
                            : sigma * std::sqrt(dt),
                std::exp(-std::log(2.0) * dt / config.clinical.qol_goal_half_life_years));
  month_scale_ = {cmht_contact_scale_};
  month_scale_integral_ = {0.0};
  register_handlers();
}

void PathwaySimulation::register_handlers() {
  k_transition_ = sim_.add_handler<&PathwaySimulation::on_transition>(this);
  k_exit_ = sim_.add_handler<&PathwaySimulation::on_exit>(this);
  k_arrival_ = sim_.add_handler<&PathwaySimulation::on_arrival>(this);
  k_crisis_end_ = sim_.add_handler<&PathwaySimulation::on_crisis_end>(this);
  k_bed_discharge_ = sim_.add_handler<&PathwaySimulation::on_bed_discharge>(this);
  k_referral_ = sim_.add_handler<&PathwaySimulation::on_referral>(this);
  k_cmht_renege_ = sim_.add_handler<&PathwaySimulation::on_cmht_renege>(this);
  k_vcse_renege_ = sim_.add_handler<&PathwaySimulation::on_vcse_renege>(this);
  k_vcse_end_ = sim_.add_handler<&PathwaySimulation::on_vcse_end>(this);
  k_contact_ = sim_.add_handler<&PathwaySimulation::on_contact>(this);
  k_hire_ = sim_.add_handler<&PathwaySimulation::on_hire>(this);
  k_cp_renege_ = sim_.add_handler<&PathwaySimulation::on_cp_renege>(this);
  k_cp_episode_end_ = sim_.add_handler<&PathwaySimulation::on_cp_episode_end>(this);
  k_month_ = sim_.add_handler<&PathwaySimulation::on_month_end>(this);
  k_sweep_ = sim_.add_handler<&PathwaySimulation::on_sweep>(this);
  k_window_ = sim_.add_handler<&PathwaySimulation::on_window_start>(this);
  k_warmup_ = sim_.add_handler<&PathwaySimulation::on_warmup_end>(this);
  k_followup_ = sim_.add_handler<&PathwaySimulation::on_followup>(this);
  k_vcse_self_referral_ = sim_.add_handler<&PathwaySimulation::on_vcse_self_referral>(this);
  k_death_ = sim_.add_handler<&PathwaySimulation::on_death>(this);
  k_stepdown_followed_ = sim_.add_handler<&PathwaySimulation::on_stepdown_followed>(this);
  k_cmht_contact_ = sim_.add_handler<&PathwaySimulation::on_cmht_contact>(this);
}

namespace {

constexpr double kEventWindowDays = 4.0;

}  // namespace

ReplicationOutcome PathwaySimulation::run() {
  const PopulationConfig& pop = config_.population;
  const double years = horizon_ / kYearDays;
  const double inflow =
      pop.adults_16_65 * pop.incidence_per_100k_per_year / 1e5 + in_migration_per_day_ * kYearDays;
  // Most pending events (deaths, moves, transitions) lie months ahead: a heap of the next few
  // days' events pops faster than one of everything, and stays small without reserving.
  sim_.set_event_window(kEventWindowDays);
  while (month_end_time(month_ends_) <= horizon_) ++month_ends_;
  calendar_.set_months(month_ends_);
  const std::size_t expected_people =
      trial_ ? std::size_t{config_.trial.participants_intervention} +
                   config_.trial.participants_control
             : pop.register_size + static_cast<std::size_t>(1.1 * inflow * years + 64);
  // Arrays by id grow to this without moving, so their pages are touched once.
  persons_.reserve(expected_people);
  living_.reserve(expected_people);
  due_.reserve(expected_people);
  gap_proactive_.reserve(expected_people);
  qol_.reserve(expected_people);
  if (trial_) {
    const std::uint32_t n = config_.trial.participants_intervention;
    for (std::uint32_t i = 0; i < n; ++i) add_person(Origin::TrialIntervention);
    for (std::uint32_t i = 0; i < config_.trial.participants_control; ++i) {
      add_person(Origin::TrialControl);
    }
  } else {
    for (std::uint32_t i = 0; i < pop.register_size; ++i) add_person(Origin::Register);
  }
  outputs_.cp_capacity(0.0, workforce_.capacity());
  outputs_.supervisor_fte(0.0, workforce_.supervisor_fte_in_post());
  for (std::size_t k = 0; k < workforce_.size(); ++k) {
    if (workforce_.post(k).in_post) {
      outputs_.cp_fte(0.0, workforce_.post(k).fte);
    } else {
      sim_.schedule_at(workforce_.recruitment_delay(k), k_hire_, k);
    }
  }
  const auto initial = static_cast<std::uint32_t>(persons_.size());
  for (std::uint32_t id = 0; id < initial; ++id) place_initial(id);
  // Day 0's caseloads fill the funded slots; posts vacant at day 0 then lower the slots, and
  // nobody is evicted.
  set_cmht_capacity();

  if (!trial_) {
    const double incidence = pop.adults_16_65 * pop.incidence_per_100k_per_year / 1e5 / kYearDays;
    const double migration = in_migration_per_day_;
    if (incidence > 0.0) sim_.schedule_at(exponential(incidence_rng_, incidence), k_arrival_, 0);
    if (migration > 0.0) sim_.schedule_at(exponential(in_migration_rng_, migration), k_arrival_, 1);
    const PolicyConfig& pol = config_.policies;
    if (pol.proactive_interval_days > 0.0 && pol.proactive_coverage > 0.0) {
      sim_.schedule_at(pol.proactive_interval_days, k_sweep_);
    }
  }
  sim_.schedule_at(warmup_, k_warmup_, 0, 0, kWarmupPriority);
  sim_.schedule_at(window_start_, k_window_, 0, 0, kWindowPriority);
  if (month_ends_ > 0) sim_.schedule_at(month_end_time(0), k_month_, 0, 0, kMonthPriority);
  // Most events concern one person whose record is far from the last one's in England's half a
  // million: loading the records of the next events while this one is handled hides that wait.
  sim_.run_until_looking_ahead(horizon_, [this](const engine::Event& next) {
    if (next.target < persons_.size()) prefetch_person(static_cast<std::uint32_t>(next.target));
  });
  settle_all();
  draw_bulk_contacts();
  return outputs_.finish(sim_.now(), sim_.events_processed());
}

void PathwaySimulation::settle_all() {
  for (std::size_t i = 0, n = living_.size(); i < n; ++i) {
    if (persons_[living_[i]].has(kAlive)) settle(living_[i]);
  }
}

void PathwaySimulation::prune_living() {
  // Both lists are in id order once the departed are sorted, so one merge drops them without
  // reading anyone's record (in England, over half a million scattered loads a month).
  std::sort(departed_.begin(), departed_.end());
  std::size_t kept = 0;
  auto gone = departed_.cbegin();
  for (const std::uint32_t id : living_) {
    while (gone != departed_.cend() && *gone < id) ++gone;
    if (gone == departed_.cend() || *gone != id) living_[kept++] = id;
  }
  living_.resize(kept);
  departed_.clear();
}

std::uint32_t PathwaySimulation::add_person(Origin origin) {
  const auto id = static_cast<std::uint32_t>(persons_.size());
  const double now = sim_.now();
  persons_.push_back(synthesize_person(config_, ages_ ? &*ages_ : nullptr, key_, id, origin, now));
  living_.push_back(id);
  Person& p = persons_.back();
  static_assert(kGroupCount <= QualityOfLife::MonthSums{}.sum.size());
  qol_.add(p.qol_start, qol_target(p),
           {static_cast<std::uint8_t>(network_group(p.network)),
            static_cast<std::uint8_t>(ethnicity_group(p.ethnicity)),
            static_cast<std::uint8_t>(diagnosis_group(p.diagnosis))});
  outputs_.joined_register(p, now);
  // No due time yet, so that sync_person below files the person whatever their first one is.
  due_.push_back(std::numeric_limits<float>::quiet_NaN());
  gap_proactive_.push_back(std::numeric_limits<float>::infinity());
  sync_person(id);
  const double move = draw_move_time(config_, key_, id, now);
  if (move <= horizon_) sim_.schedule_at(move, k_exit_, id);
  start_mortality(id);
  return id;
}

void PathwaySimulation::place_initial(std::uint32_t id) {
  Person& p = persons_[id];
  bool offer_care_partner_now = false;
  if (const WarmStartConfig& w = config_.warm_start; w.enabled) {
    // Today's counts, filled in id order: ids are independent draws, so the choice is unbiased
    // and picks the same people in every scenario of the place.
    const std::uint64_t cmht = std::uint64_t{w.cmht_caseload} + w.cmht_waiting;
    const std::uint64_t outpatients = cmht + w.outpatients;
    const std::uint64_t care_partner =
        outpatients + w.care_partner_caseload + w.care_partner_waiting;
    p.home = id < cmht          ? Setting::Cmht
             : id < outpatients ? Setting::Outpatients
                                : Setting::PrimaryCare;
    p.setting = p.home;
    offer_care_partner_now = id >= outpatients && id < care_partner;
  }
  if (p.home == Setting::Cmht) {
    p.home = p.setting = Setting::PrimaryCare;
    sync_person(id);
    p.cmht_since = 0.0f;  // Referred at day 0, without triage.
    // Starts at once, part-way through an episode, or joins the waiting list (with patience)
    // when the caseload is full.
    std::uint64_t ticket = 0;
    if (cmht_.arrive(id, 0.0, 0, &ticket) == engine::Admission::Started) {
      start_cmht(id, true);
    } else {
      join_cmht(id, ticket);
    }
  }
  if (trial_ && p.trial_arm == 1) offer_care_partner(id, false);
  if (offer_care_partner_now && may_offer_care_partner(p, CpRoute::Listed)) {
    offer_care_partner(id, false);
  }
  sync_person(id);
  schedule_transition(id);
}

void PathwaySimulation::on_arrival(const engine::Event& e) {
  const bool incident = e.target == 0;
  const std::uint32_t id = add_person(incident ? Origin::Incident : Origin::InMigrant);
  ++newcomers_;
  if (incident) refer_to_cmht(id, false);
  schedule_transition(id);
  const PopulationConfig& pop = config_.population;
  if (incident) {
    const double rate = pop.adults_16_65 * pop.incidence_per_100k_per_year / 1e5 / kYearDays;
    sim_.schedule_in(exponential(incidence_rng_, rate), k_arrival_, 0);
  } else {
    sim_.schedule_in(exponential(in_migration_rng_, in_migration_per_day_), k_arrival_, 1);
  }
}

void PathwaySimulation::on_exit(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  if (persons_[id].has(kAlive)) leave_register(id, false);  // Moving away; deaths are on_death.
}

void PathwaySimulation::on_month_end(const engine::Event& e) {
  const std::uint64_t month = e.target;
  workforce_month();
  cmht_staff_month();
  prune_living();
  const double now = sim_.now();
  SharedBlockWords words(key_, static_cast<std::uint64_t>(Purpose::Month), month);
  const double window = config_.policies.gap_contact_window_days;
  // Everyone listed is alive just after pruning; the noise has bits of its own, so it is the
  // same in every scenario whatever else the person draws. Each person's noise comes from one
  // half of a word shared with the neighbouring id, so one block serves eight people: 32 bits
  // give a normal at the precision the quality of life is stored in.
  const std::size_t n = living_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t id = living_[i];
    const auto bits = static_cast<std::uint32_t>(words(id >> 1) >> (32u * (id & 1u)));
    const auto layer = static_cast<unsigned>(bits & 127u);
    const double u = ziggurat_abscissa32(bits);
    double z = ziggurat_first_try(layer, u);
    if (std::isnan(z)) {
      engine::RandomStream more(key_, id, static_cast<std::uint64_t>(Purpose::MonthMore),
                                month << 32);
      z = ziggurat_normal(layer, u, more);
    }
    qol_.step(id, z);
  }
  // The people filed under this month end, in id order: the work of one may make a later one
  // due (marked as it is filed), or an earlier one, who then waits for the next month end.
  const auto end = static_cast<std::uint32_t>(persons_.size());
  calendar_.open(month, end);
  next_month_ = month + 1;
  if (month_work_for_everyone) {
    for (std::size_t i = 0; i < n; ++i) calendar_.mark(living_[i]);
  }
  // Records of the due are scattered: keep loading those of the people eight places ahead.
  std::uint32_t ahead = calendar_.next(0);
  for (int k = 0; k < 8 && ahead < end; ++k, ahead = calendar_.next(ahead + 1)) {
    prefetch_person(ahead);
  }
  for (std::uint32_t id = calendar_.next(0); id < end; id = calendar_.next(id + 1)) {
    if (ahead < end) {
      prefetch_person(ahead);
      ahead = calendar_.next(ahead + 1);
    }
    // Filing is a lower bound: a later change may have put the work off.
    if (!month_work_for_everyone && due_[id] > now) continue;
    Person& p = persons_[id];
    if (!p.has(kAlive)) continue;
    // Outpatient appointments are settled when the person would otherwise enter the gap.
    if (on_outpatient_list(p) && now - static_cast<double>(gap_proactive_[id]) > window) {
      settle(id);
    }
    monthly_checks(id);
    // Discharges from secondary care happen at month ends, so checking here sees them (nothing
    // in the checks adds people, so `p` is still this person's record).
    if (!under_secondary_care(p)) outputs_.outside_secondary_care(p);
    set_due(id, month_work_due(id, gap_proactive_[id]));
  }
  calendar_.close();
  std::uint32_t in_gap = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (now - static_cast<double>(gap_proactive_[living_[i]]) > window) ++in_gap;
  }
  draw_bulk_contacts();
  // The month just settled used the old scale; the coming month uses this one.
  set_cmht_contact_scale(cmht_demand_);
  month_scale_integral_.push_back(month_scale_integral_.back() + month_scale_.back() * kMonthDays);
  month_scale_.push_back(cmht_contact_scale_);
  PeopleCounts people = people_counts_;
  people.in_gap = in_gap;
  outputs_.close_month(month, sim_.now(), people, qol_.take_month_sums());
  if (month_observer) month_observer(*this);
  next_month_end_ = month_end_time(month + 1);
  if (next_month_end_ <= horizon_) {
    sim_.schedule_at(next_month_end_, k_month_, month + 1, 0, kMonthPriority);
  }
}

void PathwaySimulation::on_warmup_end(const engine::Event&) {
  const double now = sim_.now();
  for (engine::Resource* r : {&cmht_, &crisis_team_, &beds_, &vcse_}) r->reset_statistics(now);
  settle_all();
  draw_bulk_contacts();
  outputs_.start_observing(now);
}

void PathwaySimulation::on_window_start(const engine::Event&) {
  settle_all();
  outputs_.open_window();
}

}  // namespace pathway

struct PathwayModel::Impl {
  Impl(const PathwayConfig& config, engine::RngKey key, Recorder* recorder)
      : simulation(config, key, recorder) {}
  pathway::PathwaySimulation simulation;
};

PathwayModel::PathwayModel(const PathwayConfig& config, engine::RngKey key, Recorder* recorder)
    : impl_(std::make_unique<Impl>(config, key, recorder)) {}

PathwayModel::~PathwayModel() = default;

ReplicationOutcome PathwayModel::run() { return impl_->simulation.run(); }

const std::vector<OutputInfo>& PathwayModel::metric_infos() {
  static const std::vector<OutputInfo> infos = pathway::build_metric_infos();
  return infos;
}

const std::vector<OutputInfo>& PathwayModel::series_infos() {
  static const std::vector<OutputInfo> infos = pathway::build_series_infos();
  return infos;
}

}  // namespace cmhsim::model
