// The outputs observer's event counting: the register, observation periods, acute care, contacts,
// VCSE places and Care Partners. Each call only counts; no I/O, no random numbers.
#include "model/pathway_tally.hpp"

#include <algorithm>

namespace cmhsim::model::pathway {

PathwayTally::PathwayTally(const PathwayConfig& config, ModelView model, Recorder* recorder,
                           double warmup, double window_start, bool trial)
    : config_(config),
      model_(model),
      recorder_(recorder),
      warmup_(warmup),
      window_start_(window_start),
      trial_(trial) {}

void PathwayTally::change_alive(const Person& p, double now, double delta) {
  alive_level_.add(now, delta);
  group_alive_[network_group(p.network)].add(now, delta);
  group_alive_[ethnicity_group(p.ethnicity)].add(now, delta);
  group_alive_[diagnosis_group(p.diagnosis)].add(now, delta);
}

void PathwayTally::joined_register(Person& p, double now) {
  if (observed(now)) p.set(kObserved);
  ++alive_;
  change_alive(p, now, 1.0);
}

void PathwayTally::left_register(Person& p, double now, bool death) {
  add_person_time(p, now);
  if (death) {
    ++deaths_;
    ++month_.deaths;
    if (observed(now)) {
      ++t_deaths_;
      if (p.age_at(now) < 75.0) ++t_deaths_u75_;
      const std::size_t band = mortality::life_table_band(p.age_at(now));
      if (band < mortality::kLifeTableBands) band_deaths_[p.male ? 0 : 1][band] += 1.0;
    }
  } else {
    ++migrated_;
    p.set(kMigrated);
  }
  --alive_;
  change_alive(p, now, -1.0);
}

void PathwayTally::died_of(const Person&, double now, mortality::Cause cause) {
  if (observed(now)) ++t_cause_deaths_[static_cast<std::size_t>(cause)];
}

void PathwayTally::add_person_time(const Person& p, double now) {
  const double start = std::max<double>(p.entry_time, warmup_);
  if (!(now > start)) return;
  const double a1 = p.age_at(start);
  const double a2 = p.age_at(now);
  const bool male = p.male != 0;
  const double u75 = std::min(a2, 75.0);
  if (a1 < u75) t_expected_u75_ += model_.hazards.general_cumulative_hazard(male, a1, u75);
  auto& years = band_years_[male ? 0 : 1];
  for (std::size_t b = 0; b < mortality::kLifeTableBands; ++b) {
    const double lo =
        mortality::kLifeTableStartAge + mortality::kLifeTableWidth * static_cast<double>(b);
    const double hi = b + 1 < mortality::kLifeTableBands ? lo + mortality::kLifeTableWidth : a2;
    const double overlap = std::min(a2, hi) - std::max(a1, lo);
    if (overlap > 0.0) years[b] += overlap;
  }
}

void PathwayTally::start_observing(double now) {
  for (engine::TimeWeighted* l :
       {&alive_level_, &crisis_level_, &beds_level_, &ooa_level_, &vcse_level_, &cp_wait_level_,
        &cp_caseload_level_, &cp_capacity_level_, &cp_fte_level_, &sup_fte_level_}) {
    l->reset(now, l->level());
  }
  for (engine::TimeWeighted& l : group_alive_) l.reset(now, l.level());
  month_start_area_ = {};
  for (std::uint32_t id = 0; id < model_.persons.size(); ++id) {
    Person& p = model_.persons[id];
    if (!p.has(kAlive)) continue;
    p.set(kObserved);
    p.care_partner_contacts = p.mental_health_contacts = 0;
    p.crises = p.admissions = p.goals_set = p.goals_achieved = 0;
    p.qol_start = static_cast<float>(model_.qol.value(id));
    p.set(kCpObserved, p.cp_worker != kNone);
  }
}

void PathwayTally::open_window() {
  for (Person& p : model_.persons) {
    if (!p.has(kAlive)) continue;
    p.window_secondary_contacts = 0;
    p.set(kWindowCheck, false);
    p.set(kWindowSecondary, under_secondary_care(p));
  }
  window_open_ = true;
}

void PathwayTally::crisis(Person& p, double now) {
  ++p.crises;
  ++month_.crises;
  if (observed(now)) {
    ++t_crises_;
    ++t_group_crises_[network_group(p.network)];
    ++t_group_crises_[ethnicity_group(p.ethnicity)];
    ++t_group_crises_[diagnosis_group(p.diagnosis)];
  }
}

void PathwayTally::crisis_episode_started(Person& p, double now) {
  ++month_.episodes;
  crisis_level_.add(now, 1.0);
  mark_followed(p.last_crisis, now);
}

void PathwayTally::mark_followed(std::uint32_t record, double now) {
  // Earlier episodes of this person that ended within 12 months are followed by this event.
  for (std::uint32_t r = record; r != kNone; r = episode_records_[r].prev) {
    if (episode_records_[r].time < now - kYearDays) break;
    episode_records_[r].followed = true;
  }
}

void PathwayTally::follow_up_episode(Person& p, double now) {
  episode_records_.push_back(EpisodeRecord{now, p.last_crisis, false});
  p.last_crisis = static_cast<std::uint32_t>(episode_records_.size() - 1);
}

void PathwayTally::bed_wait_started(double now) {
  if (observed(now)) ++t_bed_waits_;
}

void PathwayTally::discharge_delayed(double now, double days) {
  if (!observed(now)) return;
  ++t_delayed_;
  t_delay_days_ += days;
}

void PathwayTally::repatriated(double now) {
  ooa_level_.add(now, -1.0);
  beds_level_.add(now, 1.0);
  if (observed(now)) ++t_repatriations_;
}

void PathwayTally::crisis_episode_ended(double now) { crisis_level_.add(now, -1.0); }

void PathwayTally::admitted(Person& p, double now, bool out_of_area, bool from_episode) {
  ++p.admissions;
  ++month_.admissions;
  if (observed(now)) ++t_admissions_;
  // The admission that ends an episode does not follow that episode.
  const std::uint32_t latest = p.last_crisis;
  mark_followed(from_episode && latest != kNone ? episode_records_[latest].prev : latest, now);
  if (!out_of_area) {
    beds_level_.add(now, 1.0);
    return;
  }
  ooa_level_.add(now, 1.0);
  ++month_.out_of_area;
  if (observed(now)) ++t_ooa_;
}

void PathwayTally::discharged(double now, bool out_of_area) {
  (out_of_area ? ooa_level_ : beds_level_).add(now, -1.0);
}

void PathwayTally::followup_contact(Person& p) { ++p.mental_health_contacts; }

void PathwayTally::assessment(Person& p) { ++p.mental_health_contacts; }

void PathwayTally::gp_consultations(bool observed, std::uint32_t n) {
  month_.gp += n;
  if (observed) t_gp_ += n;
}

void PathwayTally::person_contacts(Person& p, std::uint32_t n) {
  p.mental_health_contacts =
      static_cast<std::uint16_t>(std::min<std::uint32_t>(p.mental_health_contacts + n, 0xffffu));
  if (window_open_) {
    p.window_secondary_contacts = static_cast<std::uint16_t>(
        std::min<std::uint32_t>(p.window_secondary_contacts + n, 0xffffu));
  }
}

void PathwayTally::cmht_bulk_contacts(bool observed, std::uint32_t n) {
  month_.cmht_contacts += n;
  if (observed) t_cmht_contacts_ += n;
}

void PathwayTally::outpatient_bulk_appointments(bool observed, std::uint32_t n) {
  month_.outpatient += n;
  if (observed) t_outpatient_ += n;
}

void PathwayTally::secondary_contacts(Person& p, double now, std::uint32_t n) {
  person_contacts(p, n);
  const bool seen = observed(now);
  if (p.setting == Setting::Cmht) {
    month_.cmht_contacts += n;
    if (seen) t_cmht_contacts_ += n;
  } else {
    month_.outpatient += n;
    if (seen) t_outpatient_ += n;
  }
}

void PathwayTally::outside_secondary_care(Person& p) { p.set(kWindowSecondary, false); }

void PathwayTally::cmht_second_contact(double now, double days) {
  if (!observed(now)) return;
  cmht_second_contact_days_.add(days);
  if (days <= 28.0) ++cmht_seen_4_weeks_;
}

void PathwayTally::physical_check(Person& p, double now) {
  ++month_.checks;
  if (observed(now)) ++t_checks_;
  if (window_open_) p.set(kWindowCheck);
}

void PathwayTally::vcse_started(double now) { vcse_level_.add(now, 1.0); }

void PathwayTally::vcse_ended(double now) { vcse_level_.add(now, -1.0); }

void PathwayTally::cp_queued(double now) {
  ++cp_waiting_;
  cp_wait_level_.add(now, 1.0);
  if (observed(now)) ++cp_arrivals_;
}

void PathwayTally::cp_dropped(double now) {
  --cp_waiting_;
  cp_wait_level_.add(now, -1.0);
  if (observed(now)) ++cp_dropped_;
}

void PathwayTally::cp_left_list(double now, double since, bool at_max_wait) {
  if (!observed(now)) return;
  if (at_max_wait) {
    ++cp_list_exits_.max_wait;
    cp_list_exits_.max_wait_days += now - since;
  } else {
    ++cp_list_exits_.patience;
    cp_list_exits_.patience_days += now - since;
  }
}

void PathwayTally::cp_allocated(Person& p, double now, double since) {
  const bool seen = observed(now);
  if (seen) cp_wait_.add(now - since);
  --cp_waiting_;
  cp_wait_level_.add(now, -1.0);
  cp_caseload_level_.add(now, 1.0);
  if (seen && !p.has(kCpObserved)) ++cp_reached_;
  if (seen) p.set(kCpObserved);
}

void PathwayTally::cp_discharged(double now) {
  cp_caseload_level_.add(now, -1.0);
  if (observed(now)) ++cp_exits_;
}

void PathwayTally::care_partner_contact(Person& p) { ++p.care_partner_contacts; }

void PathwayTally::goal_set(Person& p) { ++p.goals_set; }

void PathwayTally::goal_achieved(Person& p) { ++p.goals_achieved; }

void PathwayTally::cp_fte(double now, double delta) { cp_fte_level_.add(now, delta); }

void PathwayTally::supervisor_fte(double now, double delta) { sup_fte_level_.add(now, delta); }

void PathwayTally::cp_capacity(double now, std::uint64_t capacity) {
  cp_capacity_level_.update(now, static_cast<double>(capacity));
}

}  // namespace cmhsim::model::pathway
