// Parameter sets: sampled or calibrated values of scenario parameters with weights, and the choice
// of the set each replication uses. Knows nothing of files, scenarios or threads.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cmhsim::experiment {

/// Holds sampled or calibrated values of scenario parameters, one row per set.
struct ParameterSets {
  std::vector<std::string> keys;            ///< Scenario key paths, e.g. "care_partners.effect.x".
  std::vector<std::vector<double>> values;  ///< [set][key].
  std::vector<double> weights;              ///< One per set, non-negative, summing to 1.
  std::string provenance;                   ///< Command line and commit that made them.
};

/// Signals parameter sets that are malformed, or a file of them that cannot be read.
class ParameterSetsError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Sets the entity id of the stream that picks each replication's set: far above any entity the
/// model uses, so the pick never shares a stream with the model's own draws.
inline constexpr std::uint64_t kParameterSetEntity = std::uint64_t{1} << 62;

/// Throws ParameterSetsError unless there is at least one set, keys are unique and non-empty,
/// every row has keys.size() finite values, and weights are finite, >= 0 and sum to 1 within 1e-9.
///
/// Inline, so the io layer checks sets it reads without linking the experiment library.
inline void check_parameter_sets(const ParameterSets& sets) {
  if (sets.keys.empty()) throw ParameterSetsError("parameter sets name no keys");
  std::set<std::string> seen;
  for (const std::string& key : sets.keys) {
    if (key.empty()) throw ParameterSetsError("parameter sets have an empty key");
    if (!seen.insert(key).second) {
      throw ParameterSetsError("parameter sets name key '" + key + "' twice");
    }
  }
  if (sets.values.empty()) throw ParameterSetsError("parameter sets hold no sets");
  if (sets.weights.size() != sets.values.size()) {
    throw ParameterSetsError("parameter sets have " + std::to_string(sets.weights.size()) +
                             " weights for " + std::to_string(sets.values.size()) + " sets");
  }
  double total = 0.0;
  for (std::size_t i = 0; i < sets.values.size(); ++i) {
    const auto& row = sets.values[i];
    if (row.size() != sets.keys.size()) {
      throw ParameterSetsError("parameter set " + std::to_string(i) + " has " +
                               std::to_string(row.size()) + " values for " +
                               std::to_string(sets.keys.size()) + " keys");
    }
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (!std::isfinite(row[k])) {
        throw ParameterSetsError("parameter set " + std::to_string(i) +
                                 " has a non-finite value of '" + sets.keys[k] + "'");
      }
    }
    const double w = sets.weights[i];
    if (!std::isfinite(w) || w < 0.0) {
      throw ParameterSetsError("parameter set " + std::to_string(i) +
                               " has a weight that is not a finite number >= 0");
    }
    total += w;
  }
  if (!(std::abs(total - 1.0) <= 1e-9)) {
    throw ParameterSetsError("parameter set weights sum to " + std::to_string(total) + ", not 1");
  }
}

/// Returns the index of the set replication `replication` uses: drawn in proportion to the
/// weights from a random stream keyed by (seed, replication) only, so every compared scenario
/// uses the same set for the same replication, at any thread or rank count.
///
/// The draw is the first uniform of engine::RandomStream keyed by (seed, replication) with entity
/// kParameterSetEntity and purpose 0; the set is the first whose cumulative weight exceeds it.
std::size_t set_for_replication(const ParameterSets& sets, std::uint64_t seed,
                                std::uint64_t replication);

/// Returns `count` equally weighted sets drawn from `sets` in proportion to their weights by
/// systematic resampling (Kitagawa 1996) with one uniform keyed by `seed`: a set of weight w
/// appears floor(w count) or ceil(w count) times, in the original order.
///
/// Throws ParameterSetsError if `count` is 0.
ParameterSets thin_parameter_sets(const ParameterSets& sets, std::size_t count, std::uint64_t seed);

}  // namespace cmhsim::experiment
