// Checks of a scenario's computed sizes (people, posts, customers, events) against the budgets of
// limits.hpp, so a valid-looking file cannot exhaust memory or run for days. No simulation.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/limits.hpp"
#include "scenario/scenario_error.hpp"

namespace cmhsim::scenario {
namespace {

constexpr double kYearDays = 365.25;
constexpr double kMonthDays = kYearDays / 12.0;

/// Returns `v` with three significant digits.
std::string rounded(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

/// Returns the events a service's schedule adds over `horizon` days.
double schedule_events(const model::ServiceConfig& s, double horizon) {
  const double steps = static_cast<double>(s.schedule.size());
  if (!s.schedule_cycle_days) return steps;
  return steps * (horizon / *s.schedule_cycle_days + 1.0);
}

/// Bounds the deaths per person-year of a register, for the in-migration that replaces them.
constexpr double kDeathRateBound = 0.05;

}  // namespace

std::string bytes_text(double bytes) { return rounded(bytes / 1e9) + " GB"; }

Demand pathway_demand(const model::PathwayConfig& c) {
  const model::PopulationConfig& p = c.population;
  const double years = c.horizon_days / kYearDays;
  // A stationary register's in-migration replaces moves away and deaths: bounded here by deaths
  // at 50 per 1,000 a year, well above a register's.
  const double size = static_cast<double>(p.register_size);
  const double in_migration = p.stationary_register > 0.5
                                  ? size * (p.out_migration_rate_per_year + kDeathRateBound)
                                  : p.in_migration_per_year;
  Demand d;
  d.people = size + years * (p.adults_16_65 * p.incidence_per_100k_per_year / 1e5 + in_migration);
  const double posts = c.care_partners.fte > 0.0
                           ? std::ceil(c.care_partners.fte / c.care_partners.fte_per_worker)
                           : 0.0;
  d.bytes = d.people * kBytesPerPerson + posts * kBytesPerPost;
  // Per person and day: state changes, GP, outpatient and CMHT contacts, the monthly update, and
  // planned Care Partner contacts at the struggling (shorter) interval.
  const model::ClinicalConfig& k = c.clinical;
  double per_day = (k.stable_to_struggling_per_year + k.struggling_to_crisis_per_year +
                    k.struggling_to_stable_per_year + c.services.gp_consultations_per_year +
                    c.services.outpatient_appointments_per_year) /
                       kYearDays +
                   c.services.cmht_contacts_per_two_years.mean() / (2.0 * kYearDays) +
                   1.0 / kMonthDays;
  if (c.care_partners.fte > 0.0) per_day += 1.0 / c.care_partners.contact_interval_struggling_days;
  // Each proactive sweep visits the whole register.
  if (c.policies.proactive_interval_days > 0.0) per_day += 1.0 / c.policies.proactive_interval_days;
  d.events = d.people * c.horizon_days * per_day;
  return d;
}

Demand network_demand(const model::NetworkConfig& n) {
  Demand d;
  for (const model::ServiceConfig& s : n.services) {
    d.people += static_cast<double>(s.initial_busy) + static_cast<double>(s.initial_waiting);
    double most = static_cast<double>(s.servers);
    for (const model::CapacityStep& step : s.schedule) {
      most = std::max(most, static_cast<double>(step.servers));
    }
    d.bytes += most * kBytesPerCustomer;
    d.events += schedule_events(s, n.horizon_days);
  }
  d.bytes += d.people * kBytesPerCustomer;
  d.events += 3.0 * d.people;
  for (const model::ArrivalConfig& a : n.arrivals) {
    // An arrival, a service start and an end at least.
    d.events += 3.0 * n.horizon_days / a.interarrival.mean();
  }
  return d;
}

void check_pathway_budget(const Reader& r, const Field& population, const model::PathwayConfig& c) {
  const Demand d = pathway_demand(c);
  if (!(d.bytes <= kMemoryBudgetBytes)) {
    r.fail(population,
           "about " + rounded(d.people) +
               " people over horizon_days (register_size, plus "
               "adults_16_65 x incidence_per_100k_per_year / 100,000 and the in-migration a "
               "year) with care_partners.fte posts need about " +
               bytes_text(d.bytes) + " a replication, more than the " +
               bytes_text(kMemoryBudgetBytes) + " allowed");
  }
  if (!(d.events <= kEventBudget)) {
    r.fail(population, "about " + rounded(d.people) + " people over " + rounded(c.horizon_days) +
                           " days give about " + rounded(d.events) +
                           " events a replication (clinical rates, contacts per year and month, "
                           "care_partners.contact_interval_struggling_days, "
                           "policies.proactive_interval_days), more than the " +
                           rounded(kEventBudget) +
                           " allowed; shorten horizon_days or lower the rates");
  }
}

void check_network_budget(const Reader& r, const Fields& top, const model::NetworkConfig& n) {
  const Demand d = network_demand(n);
  const Field& where = *top.find(d.bytes > kMemoryBudgetBytes ? "services" : "arrivals");
  if (!(d.bytes <= kMemoryBudgetBytes)) {
    r.fail(where, "servers and initial customers (initial.busy, initial.waiting) need about " +
                      bytes_text(d.bytes) + " a replication, more than the " +
                      bytes_text(kMemoryBudgetBytes) + " allowed");
  }
  if (!(d.events <= kEventBudget)) {
    r.fail(where, "horizon_days (" + rounded(n.horizon_days) +
                      ") over the mean interarrival times gives about " + rounded(d.events) +
                      " events a replication, more than the " + rounded(kEventBudget) +
                      " allowed; shorten horizon_days or lengthen the interarrival times");
  }
}

}  // namespace cmhsim::scenario
