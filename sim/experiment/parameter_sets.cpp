// Parameter sets: the weighted, replication-keyed choice of the set each replication uses.
// Knows the engine's random streams; nothing of files, scenarios or threads.
#include "experiment/parameter_sets.hpp"

#include "engine/random_stream.hpp"

namespace cmhsim::experiment {

std::size_t set_for_replication(const ParameterSets& sets, std::uint64_t seed,
                                std::uint64_t replication) {
  engine::RandomStream rng(engine::RngKey{seed, replication}, kParameterSetEntity, 0);
  // Weights sum to 1 within 1e-9, so scale the draw by their sum: no set is favoured by rounding.
  double total = 0.0;
  for (const double w : sets.weights) total += w;
  const double u = rng.uniform01() * total;
  double cumulative = 0.0;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < sets.weights.size(); ++i) {
    if (sets.weights[i] <= 0.0) continue;
    cumulative += sets.weights[i];
    last_positive = i;
    if (u < cumulative) return i;
  }
  return last_positive;
}

ParameterSets thin_parameter_sets(const ParameterSets& sets, std::size_t count,
                                  std::uint64_t seed) {
  if (count == 0) throw ParameterSetsError("cannot thin parameter sets to 0 sets");
  engine::RandomStream rng(engine::RngKey{seed, 0}, kParameterSetEntity, 1);
  const double offset = rng.uniform01();
  double total = 0.0;
  for (const double w : sets.weights) total += w;
  ParameterSets out;
  out.keys = sets.keys;
  out.provenance = sets.provenance;
  double cumulative = 0.0;
  std::size_t i = 0;
  for (std::size_t j = 0; j < count; ++j) {
    // One offset for every pick keeps each set's count within one of its expected count.
    const double point = (offset + static_cast<double>(j)) / static_cast<double>(count) * total;
    while (i + 1 < sets.weights.size() && cumulative + sets.weights[i] <= point) {
      cumulative += sets.weights[i];
      ++i;
    }
    out.values.push_back(sets.values[i]);
    out.weights.push_back(1.0 / static_cast<double>(count));
  }
  return out;
}

}  // namespace cmhsim::experiment
