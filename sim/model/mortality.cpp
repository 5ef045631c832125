// Mortality by cause: a Gompertz natural-cause hazard and constant external-cause rates for the
// general population, age-banded excess for people with SMI, exact cumulative hazards, time to
// death by solving for a cumulative-hazard budget, and abridged period life tables. Pure.
#include "model/mortality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cmhsim::model::mortality {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::array<double, kExcessAgeBandCount - 1> kExcessBandEdges{45.0, 65.0};

std::size_t sex_index(bool male) { return male ? 0 : 1; }

double band_end(std::size_t band) {
  return band < kExcessBandEdges.size() ? kExcessBandEdges[band] : kInf;
}

}  // namespace

/// Holds a hazard of the form natural × e^(b × age) + external within one excess age band.
struct Hazards::Piece {
  double natural;   ///< Coefficient of e^(b × age), per year.
  double b;         ///< Gompertz slope per year of age.
  double external;  ///< Age-constant part, per year.

  /// Returns the integral over [x1, x2] given e1 = e^(b × x1) and e2 = e^(b × x2) (unused when
  /// the interval is empty or x2 infinite), so callers that hold them need no more exponentials.
  [[nodiscard]] double integral(double x1, double x2, double e1, double e2) const {
    if (!(x2 > x1)) return 0.0;
    if (std::isinf(x2)) return natural > 0.0 || external > 0.0 ? kInf : 0.0;
    const double gompertz = b == 0.0 ? natural * (x2 - x1) : natural / b * (e2 - e1);
    return gompertz + external * (x2 - x1);
  }

  /// Returns the age x >= lo at which the integral from lo reaches r (r within the piece), given
  /// e_lo = e^(b × lo).
  [[nodiscard]] double solve(double lo, double hi, double r, double e_lo) const {
    if (!(r > 0.0)) return lo;
    // Upper bounds: each part alone needs longer than both together.
    double x = hi;
    if (external > 0.0) x = std::min(x, lo + r / external);
    if (natural > 0.0) {
      x = std::min(x, b == 0.0 ? lo + r / natural : std::log(e_lo + r * b / natural) / b);
    }
    if (std::isinf(x)) return kInf;
    // The integral is convex and increasing, so Newton's method from above never overshoots.
    for (int i = 0; i < 200; ++i) {
      const double e_x = std::exp(b * x);  // Serves both the integral and the hazard at x.
      const double f = integral(lo, x, e_lo, e_x) - r;
      const double step = f / (natural * e_x + external);
      if (!(step > 0.0)) break;
      x -= step;
      if (step <= 1e-13 * std::max(1.0, std::abs(x))) break;
    }
    return std::max(x, lo);
  }
};

Hazards::Hazards(const MortalityConfig& m) : m_(m) {
  for (std::size_t sex = 0; sex < kSexCount; ++sex) {
    level_[sex] = std::exp(m.gompertz_log_a[sex]);
    for (std::size_t k = 0; k < kExcessBandEdges.size(); ++k) {
      edge_exp_[sex][k] = std::exp(m.gompertz_b[sex] * kExcessBandEdges[k]);
    }
  }
}

Hazards::Piece Hazards::piece(const HazardState& s, std::size_t band) const {
  const MortalityConfig& m = m_;
  const std::size_t sex = sex_index(s.male);
  const double d = m.natural_excess_by_diagnosis[static_cast<std::size_t>(s.diagnosis)];
  const double cv = m.cardiovascular_share * (1.0 + (m.cardiovascular_ratio[band] - 1.0) * d) *
                    (s.treated ? m.treatment_hazard_ratio : 1.0);
  const double other =
      (1.0 - m.cardiovascular_share) * (1.0 + (m.other_natural_ratio[band] - 1.0) * d);
  // The external causes as cause_hazards() gives them, without its natural-cause exponential.
  const double suicide = m.suicide_per_100k[sex] / 1e5 * m.suicide_ratio;
  const double external =
      (s.suicide_raised ? std::max(suicide, m.crisis_suicide_per_100k / 1e5) : suicide) +
      m.other_external_per_100k[sex] / 1e5 * m.other_external_ratio;
  return {level_[sex] * (cv + other), m.gompertz_b[sex], external};
}

double Hazards::exp_b(std::size_t sex, double age) const {
  // Band edges are where most integrals start or stop, and their exponentials are fixed.
  for (std::size_t k = 0; k < kExcessBandEdges.size(); ++k) {
    if (age == kExcessBandEdges[k]) return edge_exp_[sex][k];
  }
  return std::exp(m_.gompertz_b[sex] * age);
}

double Hazards::integral(const Piece& p, std::size_t sex, double a1, double a2) const {
  if (!(a2 > a1) || std::isinf(a2)) return p.integral(a1, a2, 0.0, 0.0);
  return p.integral(a1, a2, exp_b(sex, a1), exp_b(sex, a2));
}

/// Returns the cumulative hazard over [a1, a2] in one state, band by band.
double Hazards::state_integral(const HazardState& s, double a1, double a2) const {
  const std::size_t sex = sex_index(s.male);
  double total = 0.0;
  for (std::size_t band = excess_age_band(a1); band < kExcessAgeBandCount && a1 < a2; ++band) {
    const double hi = std::min(a2, band_end(band));
    total += integral(piece(s, band), sex, a1, hi);
    a1 = hi;
  }
  return total;
}

/// Returns the years from `age` until the cumulative hazard in one state reaches `budget`.
double Hazards::state_years(const HazardState& s, double age, double budget) const {
  const std::size_t sex = sex_index(s.male);
  double x = age;
  for (std::size_t band = excess_age_band(age); band < kExcessAgeBandCount; ++band) {
    const Piece p = piece(s, band);
    const double hi = band_end(band);
    const double e_x = exp_b(sex, x);
    const double h = p.integral(x, hi, e_x, std::isinf(hi) ? 0.0 : exp_b(sex, hi));
    if (budget <= h) return p.solve(x, hi, budget, e_x) - age;
    budget -= h;
    x = hi;
  }
  return kInf;
}

double Hazards::cumulative_hazard(HazardState s, double a1, double a2, double raised_until) const {
  if (!(a2 > a1)) return 0.0;
  if (!s.suicide_raised) return state_integral(s, a1, a2);
  const double split = std::clamp(raised_until, a1, a2);
  const double raised = state_integral(s, a1, split);
  s.suicide_raised = false;
  return raised + state_integral(s, split, a2);
}

double Hazards::years_to_death(HazardState s, double age, double raised_until,
                               double budget) const {
  if (!(budget > 0.0)) return 0.0;
  if (s.suicide_raised && raised_until > age) {
    const double raised = state_integral(s, age, raised_until);
    if (budget <= raised) return state_years(s, age, budget);
    budget -= raised;
    s.suicide_raised = false;
    return raised_until - age + state_years(s, raised_until, budget);
  }
  s.suicide_raised = false;
  return state_years(s, age, budget);
}

DeathDue Hazards::death_due(HazardState s, double age, double raised_until, double horizon_age,
                            double budget) const {
  // Most budgets outlast a run: then the Newton solve is left until a change of hazard brings
  // the death before the horizon.
  const double to_horizon = cumulative_hazard(s, age, horizon_age, raised_until);
  if (budget > to_horizon) return {false, 0.0, budget - to_horizon};
  return {true, years_to_death(s, age, raised_until, budget), 0.0};
}

double Hazards::budget_before_horizon(HazardState s, double age, double raised_until,
                                      double horizon_age, double left) const {
  return left + cumulative_hazard(s, age, horizon_age, raised_until);
}

double Hazards::general_cumulative_hazard(bool male, double a1, double a2) const {
  const std::size_t sex = sex_index(male);
  const Piece p{level_[sex], m_.gompertz_b[sex],
                (m_.suicide_per_100k[sex] + m_.other_external_per_100k[sex]) / 1e5};
  return integral(p, sex, a1, a2);
}

std::size_t excess_age_band(double age) {
  std::size_t band = 0;
  while (band < kExcessBandEdges.size() && age >= kExcessBandEdges[band]) ++band;
  return band;
}

CauseHazards general_cause_hazards(const MortalityConfig& m, bool male, double age) {
  const std::size_t sex = sex_index(male);
  const double natural = std::exp(m.gompertz_log_a[sex] + m.gompertz_b[sex] * age);
  return {natural * m.cardiovascular_share, natural * (1.0 - m.cardiovascular_share),
          m.suicide_per_100k[sex] / 1e5, m.other_external_per_100k[sex] / 1e5};
}

CauseHazards cause_hazards(const MortalityConfig& m, const HazardState& s, double age) {
  const CauseHazards g = general_cause_hazards(m, s.male, age);
  const std::size_t band = excess_age_band(age);
  const double d = m.natural_excess_by_diagnosis[static_cast<std::size_t>(s.diagnosis)];
  const double suicide = g[2] * m.suicide_ratio;
  return {g[0] * (1.0 + (m.cardiovascular_ratio[band] - 1.0) * d) *
              (s.treated ? m.treatment_hazard_ratio : 1.0),
          g[1] * (1.0 + (m.other_natural_ratio[band] - 1.0) * d),
          s.suicide_raised ? std::max(suicide, m.crisis_suicide_per_100k / 1e5) : suicide,
          g[3] * m.other_external_ratio};
}

double general_hazard(const MortalityConfig& m, bool male, double age) {
  return total_hazard(general_cause_hazards(m, male, age));
}

double general_cumulative_hazard(const MortalityConfig& m, bool male, double a1, double a2) {
  return Hazards(m).general_cumulative_hazard(male, a1, a2);
}

double cumulative_hazard(const MortalityConfig& m, HazardState s, double a1, double a2,
                         double raised_until) {
  return Hazards(m).cumulative_hazard(s, a1, a2, raised_until);
}

double years_to_death(const MortalityConfig& m, HazardState s, double age, double raised_until,
                      double budget) {
  return Hazards(m).years_to_death(s, age, raised_until, budget);
}

Cause pick_cause(const CauseHazards& h, double u) {
  const double total = total_hazard(h);
  const double target = u * total;
  double cumulative = 0.0;
  std::size_t last = 0;
  for (std::size_t c = 0; c < kCauseCount; ++c) {
    if (!(h[c] > 0.0)) continue;
    cumulative += h[c];
    last = c;
    if (target < cumulative) break;
  }
  return static_cast<Cause>(last);
}

std::size_t life_table_band(double age) {
  if (age < kLifeTableStartAge) return kLifeTableBands;
  const auto band = static_cast<std::size_t>((age - kLifeTableStartAge) / kLifeTableWidth);
  return std::min(band, kLifeTableBands - 1);
}

double life_expectancy(std::span<const double, kLifeTableBands> rates) {
  const double n = kLifeTableWidth;
  double alive = 1.0;
  double years = 0.0;
  for (std::size_t i = 0; i + 1 < kLifeTableBands; ++i) {
    // Chiang's conversion with deaths at mid-band: q = n m / (1 + n m / 2).
    const double q = std::min(1.0, n * rates[i] / (1.0 + 0.5 * n * rates[i]));
    const double dying = alive * q;
    years += n * (alive - 0.5 * dying);
    alive -= dying;
  }
  const double open = rates[kLifeTableBands - 1];
  if (alive > 0.0) years += open > 0.0 ? alive / open : kInf;
  return years;
}

std::array<double, kLifeTableBands> general_rates(const MortalityConfig& m, bool male) {
  const Hazards hazards(m);
  std::array<double, kLifeTableBands> rates{};
  for (std::size_t i = 0; i + 1 < kLifeTableBands; ++i) {
    const double lo = kLifeTableStartAge + kLifeTableWidth * static_cast<double>(i);
    rates[i] = hazards.general_cumulative_hazard(male, lo, lo + kLifeTableWidth) / kLifeTableWidth;
  }
  const double open_age =
      kLifeTableStartAge + kLifeTableWidth * static_cast<double>(kLifeTableBands - 1);
  rates[kLifeTableBands - 1] = 1.0 / general_life_expectancy(m, male, open_age);
  return rates;
}

double life_years_lost(const MortalityConfig& m, bool male,
                       std::span<const double, kLifeTableBands> deaths,
                       std::span<const double, kLifeTableBands> person_years) {
  const std::array<double, kLifeTableBands> general = general_rates(m, male);
  std::array<double, kLifeTableBands> observed = general;
  double total = 0.0;
  for (std::size_t i = 0; i < kLifeTableBands; ++i) {
    total += person_years[i];
    if (person_years[i] > 0.0) observed[i] = deaths[i] / person_years[i];
  }
  if (!(total > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  if (!(observed[kLifeTableBands - 1] > 0.0)) {
    observed[kLifeTableBands - 1] = general[kLifeTableBands - 1];
  }
  return life_expectancy(general) - life_expectancy(observed);
}

double general_life_expectancy(const MortalityConfig& m, bool male, double age) {
  // Simpson's rule on the survival curve out to 150 years of age, where it is negligible.
  const double span = std::max(150.0 - age, 1.0);
  constexpr int kSteps = 6000;
  const double h = span / kSteps;
  const Hazards hazards(m);
  double sum = 0.0;
  for (int i = 0; i <= kSteps; ++i) {
    const double s = std::exp(-hazards.general_cumulative_hazard(male, age, age + h * i));
    sum += s * (i == 0 || i == kSteps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0));
  }
  return sum * h / 3.0;
}

}  // namespace cmhsim::model::mortality
