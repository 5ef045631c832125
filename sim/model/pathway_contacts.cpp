// Contact counting by setting: GP consultations, CMHT contacts and outpatient appointments in bulk
// for the totals, each person's CMHT contacts and outpatient appointments when settled. No I/O.
#include <algorithm>
#include <cmath>

#include "model/draws.hpp"
#include "model/pathway_simulation.hpp"

namespace cmhsim::model::pathway {
namespace {

/// Returns the fraction of an interval by which the latest of `n` uniform times in it falls:
/// the n-th root of the uniform `u`.
double latest_of(std::uint32_t n, double u) {
  return n == 1 ? u : n == 2 ? std::sqrt(u) : std::pow(u, 1.0 / static_cast<double>(n));
}

}  // namespace

void PathwaySimulation::settle(std::uint32_t id) {
  Person& p = persons_[id];
  const double now = sim_.now();
  const double start = p.settled_at;
  const double dt = now - start;
  p.settled_at = static_cast<float>(now);
  if (!(dt > 0.0)) return;
  if (acute(p.setting)) {
    p.last_care_contact = static_cast<float>(now);  // Under acute care throughout.
    return;
  }
  // The first two contacts of a CMHT episode are events of their own (on_cmht_contact).
  if (p.setting == Setting::Cmht && !p.has(kCmhtEarly)) {
    settle_cmht_bulk(id, start, now);
    return;
  }
  if (!on_outpatient_list(p)) return;
  const double mean = config_.services.outpatient_appointments_per_year * dt / kYearDays;
  const ContactDraw c = draw_person_contacts(id, outpatient_poisson_, mean);
  if (c.count > 0) note_person_contacts(id, c.count, start + dt * c.latest);
}

PathwaySimulation::ContactDraw PathwaySimulation::draw_person_contacts(std::uint32_t id,
                                                                       PoissonSampler& sampler,
                                                                       double mean) {
  PersonStream rng(*this, id, kSlotServices);
  const std::uint32_t n = sampler(*rng, mean);
  return {n, n > 0 ? latest_of(n, rng.uniform()) : 0.0};
}

void PathwaySimulation::note_person_contacts(std::uint32_t id, std::uint32_t n, double last) {
  Person& p = persons_[id];
  outputs_.person_contacts(p, n);
  p.last_proactive = std::max(p.last_proactive, static_cast<float>(last));
  p.last_care_contact = std::max(p.last_care_contact, static_cast<float>(last));
  sync_person(id);
}

void PathwaySimulation::settle_cmht_bulk(std::uint32_t id, double start, double now) {
  Person& p = persons_[id];
  // The contact rate follows the month's scale, so the mean is the scale's integral.
  const double s0 = scale_integral(start);
  const double span = scale_integral(now) - s0;
  const double mean = p.cmht_rate * span;
  if (!(mean > 0.0)) return;
  const ContactDraw c = draw_person_contacts(id, cmht_poisson_, mean);
  if (c.count > 0) {
    note_person_contacts(id, c.count, scale_integral_inverse(s0 + span * c.latest, start, now));
  }
}

void PathwaySimulation::draw_bulk_contacts() {
  const double now = sim_.now();
  // Draws fall at month ends and at the end of warm-up, so each span is before or after it.
  const bool observed = outputs_.observed(bulk_drawn_at_);
  const double gp_area = gp_level_.area(now);
  const double cmht_area = cmht_bulk_level_.area(now);
  const double outpatient_area = outpatient_level_.area(now);
  const double gp_mean =
      (gp_area - gp_area_drawn_) * config_.services.gp_consultations_per_year / kYearDays;
  // The scale is constant between draws: it changes only at month ends, after the draw.
  const double cmht_mean = (cmht_area - cmht_area_drawn_) * cmht_contact_scale_;
  const double outpatient_mean = (outpatient_area - outpatient_area_drawn_) *
                                 config_.services.outpatient_appointments_per_year / kYearDays;
  bulk_drawn_at_ = now;
  gp_area_drawn_ = gp_area;
  cmht_area_drawn_ = cmht_area;
  outpatient_area_drawn_ = outpatient_area;
  // A sum of independent Poisson counts is Poisson with the summed mean. By inversion of one
  // uniform each, drawn whatever the mean, so that scenarios keep common random numbers.
  const double u_gp = gp_rng_.uniform01();
  const double u_cmht = cmht_bulk_rng_.uniform01();
  const double u_outpatient = outpatient_bulk_rng_.uniform01();
  outputs_.gp_consultations(observed, poisson_quantile(u_gp, gp_mean));
  outputs_.cmht_bulk_contacts(observed, poisson_quantile(u_cmht, cmht_mean));
  outputs_.outpatient_bulk_appointments(observed, poisson_quantile(u_outpatient, outpatient_mean));
}

double PathwaySimulation::scale_integral(double t) const {
  const auto last = static_cast<double>(month_scale_.size() - 1);
  const double m = std::clamp(std::floor(t / kMonthDays), 0.0, last);
  const auto i = static_cast<std::size_t>(m);
  return month_scale_integral_[i] + month_scale_[i] * (t - m * kMonthDays);
}

double PathwaySimulation::scale_integral_inverse(double s, double from, double to) const {
  const auto last = static_cast<double>(month_scale_.size() - 1);
  auto i = static_cast<std::size_t>(std::clamp(std::floor(to / kMonthDays), 0.0, last));
  while (i > 0 && month_scale_integral_[i] > s) --i;
  const double t = month_scale_[i] > 0.0 ? static_cast<double>(i) * kMonthDays +
                                               (s - month_scale_integral_[i]) / month_scale_[i]
                                         : static_cast<double>(i) * kMonthDays;
  return std::clamp(t, from, to);
}

void PathwaySimulation::move_to(std::uint32_t id, Setting s) {
  settle(id);
  persons_[id].setting = s;
  sync_person(id);
}

}  // namespace cmhsim::model::pathway
