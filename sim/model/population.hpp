// Synthesis of people on the SMI register: attributes, initial state and time of leaving (death
// or moving away). Depends only on the population and clinical parameters and the person's own
// streams, so the same person is the same in every scenario of one place. No services here.
#pragma once

#include <cstdint>

#include "engine/random_stream.hpp"
#include "model/pathway_config.hpp"
#include "model/person.hpp"

namespace cmhsim::model::pathway {

/// Names how a person came onto the register.
enum class Origin : std::uint8_t { Register, Incident, InMigrant, TrialIntervention, TrialControl };

/// Returns person `id` synthesised at day `now`; `home` is the initial community setting.
///
/// Trial participants are allocated to practices [0, intervention_practices) (intervention) or
/// the remaining trial practices (control) and start in primary care.
Person synthesize_person(const PathwayConfig& config, engine::RngKey key, std::uint32_t id,
                         Origin origin, double now);

/// Says when and how a person leaves the register.
struct Exit {
  double time;  ///< Day of leaving (may be +inf).
  bool death;   ///< True for death, false for moving away.
};

/// Draws the person's time of death (Gompertz x diagnosis hazard ratio, by inversion) and time of
/// moving away, and returns the earlier.
Exit draw_exit(const PathwayConfig& config, engine::RngKey key, std::uint32_t id,
               const Person& person, double now);

/// Returns the general-population cumulative hazard of death between ages a1 <= a2 (years).
double gompertz_cumulative_hazard(const ClinicalConfig& clinical, double a1, double a2);

}  // namespace cmhsim::model::pathway
