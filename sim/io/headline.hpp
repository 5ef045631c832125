// The headline outcomes of a comparison (those the report's summary shows) and the plain-language
// sentence for each one's paired difference. Knows outcome names only, nothing of how they ran.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cmhsim::io {

/// Describes how one headline outcome's difference reads in words.
struct HeadlineOutcome {
  std::string_view name;    ///< Outcome name, e.g. "people_in_gap".
  std::string_view phrase;  ///< Sentence with {x} (magnitude) and {dir} (direction word).
  std::string_view lower;   ///< Direction word when the scenario is lower, e.g. "fewer".
  std::string_view higher;  ///< Direction word when the scenario is higher, e.g. "more".
  double scale = 1.0;       ///< Multiplier before display (100 turns fractions into points).
};

/// Returns the headline outcomes in the order the report's summary lists them.
const std::vector<HeadlineOutcome>& headline_outcomes();

/// Returns the headline entry called `name`, or nullptr if it is not a headline outcome.
const HeadlineOutcome* find_headline(std::string_view name);

/// Returns `value` with thousands separators and `decimals` decimals, e.g. "1,234.5".
std::string grouped_number(double value, int decimals);

/// Returns the decimals that show about three significant figures of the larger of |value| and
/// |spread| (0 from 100 up, at most 4).
int decimals_for(double value, double spread = 0.0);

/// Returns one sentence for a paired difference and its 95% CI, e.g. "1,237 fewer people in the
/// gap (95% CI 1,220 to 1,254)"; the same words as the report's summary.
std::string describe_difference(std::string_view outcome, double difference, double lo, double hi);

}  // namespace cmhsim::io
