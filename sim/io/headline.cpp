// The headline outcomes and their sentences; the table and the wording follow the report's
// summary (analysis/cmhsim_analysis/summary.py), so the terminal, the page and the report agree.
#include "io/headline.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cmhsim::io {
namespace {

/// Returns `text` with "{x}" and "{dir}" replaced.
std::string fill(std::string_view text, const std::string& x, std::string_view dir) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 3) == "{x}") {
      out += x;
      i += 3;
    } else if (text.substr(i, 5) == "{dir}") {
      out += dir;
      i += 5;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace

const std::vector<HeadlineOutcome>& headline_outcomes() {
  static const std::vector<HeadlineOutcome> outcomes{
      {"people_in_gap", "{x} {dir} people in the gap", "fewer", "more", 1.0},
      {"crises_per_1000_per_year", "{x} {dir} crises per 1,000 person-years", "fewer", "more", 1.0},
      {"admissions_per_1000_per_year", "{x} {dir} acute admissions per 1,000 person-years", "fewer",
       "more", 1.0},
      {"bed_occupancy", "bed occupancy {x} percentage points {dir}", "lower", "higher", 100.0},
      {"out_of_area_placements_per_year", "{x} {dir} out-of-area placements a year", "fewer",
       "more", 1.0},
      {"primary_care_only_share_12m",
       "{x} percentage points {dir} people seen only in primary care in the last year", "fewer",
       "more", 100.0},
      {"mean_quality_of_life", "quality of life {x} points {dir} (MANSA, 1-7)", "lower", "higher",
       1.0},
      {"mortality_ratio_under_75", "mortality ratio under 75 {x} {dir}", "lower", "higher", 1.0},
      {"cost_per_person_per_year", "£{x} {dir} per person per year", "less", "more", 1.0},
      {"cmht_mean_wait_days", "CMHT waits {x} days {dir}", "shorter", "longer", 1.0},
  };
  return outcomes;
}

const HeadlineOutcome* find_headline(std::string_view name) {
  const auto& all = headline_outcomes();
  const auto it = std::find_if(all.begin(), all.end(),
                               [&](const HeadlineOutcome& h) { return h.name == name; });
  return it == all.end() ? nullptr : &*it;
}

std::string grouped_number(double value, int decimals) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  const std::string text = buf;
  if (!std::isfinite(value)) return text;
  const std::size_t start = text[0] == '-' ? 1 : 0;
  const std::size_t point = std::min(text.find('.'), text.size());
  std::string out = text.substr(0, start);
  for (std::size_t i = start; i < point; ++i) {
    // A separator before every group of three digits left of the point.
    if (i > start && (point - i) % 3 == 0) out += ',';
    out += text[i];
  }
  return out + text.substr(point);
}

int decimals_for(double value, double spread) {
  const double ref = std::max(std::isnan(value) ? 0.0 : std::abs(value),
                              std::isnan(spread) ? 0.0 : std::abs(spread));
  if (ref == 0.0 || ref >= 100.0) return 0;
  return std::min(4, std::max(0, 2 - static_cast<int>(std::floor(std::log10(ref)))));
}

std::string describe_difference(std::string_view outcome, double difference, double lo, double hi) {
  const HeadlineOutcome* h = find_headline(outcome);
  const std::string fallback = "{x} {dir} " + std::string(outcome);
  const std::string_view phrase = h ? h->phrase : std::string_view(fallback);
  const std::string_view down = h ? h->lower : "lower";
  const std::string_view up = h ? h->higher : "higher";
  const double scale = h ? h->scale : 1.0;
  if (std::isnan(difference)) {
    return "not defined for this comparison (" + std::string(outcome) + ")";
  }
  const double d = difference * scale;
  const double lo_s = lo * scale;
  const double hi_s = hi * scale;
  const double width = hi_s - lo_s;
  const int dec = decimals_for(d, std::isnan(width) ? 0.0 : width / 2.0);
  const std::string head = fill(phrase, grouped_number(std::abs(d), dec), d < 0 ? down : up);
  if (std::isnan(lo_s) || std::isnan(hi_s)) {
    return head + " (no interval: fewer than two replications)";
  }
  if (lo_s > 0 || hi_s < 0) {
    const double a = std::min(std::abs(lo_s), std::abs(hi_s));
    const double b = std::max(std::abs(lo_s), std::abs(hi_s));
    return head + " (95% CI " + grouped_number(a, dec) + " to " + grouped_number(b, dec) + ")";
  }
  if (d == 0 && lo_s == 0 && hi_s == 0) {
    std::string words(outcome);
    std::replace(words.begin(), words.end(), '_', ' ');
    return "no difference in any replication (" + words + ")";
  }
  return "no clear difference: " + head + " (95% CI " + grouped_number(std::abs(lo_s), dec) + " " +
         std::string(down) + " to " + grouped_number(std::abs(hi_s), dec) + " " + std::string(up) +
         ")";
}

}  // namespace cmhsim::io
