// Acute beds of the pathway model: admission to an in-area bed, else an out-of-area place, else a
// wait in crisis care; stays with leave and delayed discharge; repatriation when a bed frees.
// No I/O; the decision to admit is made in pathway_clinical.cpp.
#include <algorithm>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Marks the bed-discharge event that ends a delayed discharge.
constexpr std::uint64_t kDelayOver = 1;

}  // namespace

void PathwaySimulation::admit(std::uint32_t id, bool from_episode) {
  const double now = sim_.now();
  if (beds_.arrive(id, now) == engine::Admission::Started) {
    start_stay(id, from_episode, false);
  } else if (out_of_area_.size() < out_of_area_places_) {
    out_of_area_.push_back(id);
    start_stay(id, from_episode, true);
  } else {
    // No bed anywhere: held in crisis care (crisis team or A&E) until the first bed frees.
    bed_waiting_.push_back(BedWait{id, from_episode});
    move_to(id, Setting::CrisisTeam);
    outputs_.bed_wait_started(now);
  }
}

void PathwaySimulation::start_stay(std::uint32_t id, bool from_episode, bool out_of_area) {
  Person& p = persons_[id];
  const double now = sim_.now();
  if (out_of_area) p.set(kOutOfArea);
  outputs_.admitted(p, now, out_of_area, from_episode);
  move_to(id, Setting::Inpatient);
  double stay = 0.0;
  {
    PersonStream rng(*this, id, kSlotCrisis);
    stay = std::max(0.0, config_.services.length_of_stay_days.sample(*rng));
  }
  sim_.schedule_in(stay, k_bed_discharge_, id);
}

void PathwaySimulation::on_bed_discharge(const engine::Event& e) {
  const auto id = static_cast<std::uint32_t>(e.target);
  Person& p = persons_[id];
  if (!p.has(kAlive) || p.setting != Setting::Inpatient) return;
  if (e.aux != kDelayOver) {
    // Clinically ready for discharge; some cannot leave yet (housing, care packages).
    double delay = 0.0;
    {
      PersonStream rng(*this, id, kSlotCrisis);
      if (bernoulli(*rng, config_.services.delayed_discharge_probability)) {
        delay = std::max(0.0, config_.services.delayed_discharge_days.sample(*rng));
      }
    }
    if (delay > 0.0) {
      outputs_.discharge_delayed(sim_.now(), delay);
      sim_.schedule_in(delay, k_bed_discharge_, id, kDelayOver);
      return;
    }
  }
  free_bed(p);
  end_acute_care(id);
}

void PathwaySimulation::free_bed(Person& p) {
  const double now = sim_.now();
  const bool out_of_area = p.has(kOutOfArea);
  if (out_of_area) {
    p.set(kOutOfArea, false);
    const auto id = static_cast<std::uint32_t>(&p - persons_.data());
    out_of_area_.erase(std::find(out_of_area_.begin(), out_of_area_.end(), id));
  } else {
    beds_.release(now);
  }
  outputs_.discharged(now, out_of_area);
  fill_freed_bed(!out_of_area);
}

void PathwaySimulation::fill_freed_bed(bool in_area) {
  const double now = sim_.now();
  // Someone with no bed at all comes first: they are in crisis without inpatient care.
  if (!bed_waiting_.empty()) {
    const BedWait w = bed_waiting_.front();
    bed_waiting_.pop_front();
    if (in_area) {
      beds_.arrive(w.person, now);
    } else {
      out_of_area_.push_back(w.person);
    }
    start_stay(w.person, w.from_episode, !in_area);
    return;
  }
  if (!in_area || out_of_area_.empty()) return;
  // Repatriation: the person placed out of area longest comes back to the bed that freed.
  const std::uint32_t id = out_of_area_.front();
  out_of_area_.erase(out_of_area_.begin());
  persons_[id].set(kOutOfArea, false);
  beds_.arrive(id, now);
  outputs_.repatriated(now);
}

bool PathwaySimulation::drop_bed_waiting(std::uint32_t id) {
  const auto it = std::find_if(bed_waiting_.begin(), bed_waiting_.end(),
                               [id](const BedWait& w) { return w.person == id; });
  if (it == bed_waiting_.end()) return false;
  bed_waiting_.erase(it);
  return true;
}

}  // namespace cmhsim::model::pathway
