// Synthesis of people on the SMI register: attributes, initial state and time of moving away.
// Depends only on population parameters and the person's own streams, so the same person is the
// same in every scenario of one place. No services, no death (see mortality.hpp).
#pragma once

#include <cstdint>

#include "engine/random_stream.hpp"
#include "model/pathway_config.hpp"
#include "model/person.hpp"
#include "model/register_ages.hpp"

namespace cmhsim::model::pathway {

/// Names how a person came onto the register.
enum class Origin : std::uint8_t { Register, Incident, InMigrant, TrialIntervention, TrialControl };

/// Returns person `id` synthesised at day `now`; `home` is the initial community setting.
///
/// People on the register at day 0 and people moving in take their ages from `ages` when given
/// (a stationary register), otherwise from the truncated normal of population.age_*.
///
/// Trial participants are allocated to practices [0, intervention_practices) (intervention) or
/// the remaining trial practices (control) and start in primary care.
Person synthesize_person(const PathwayConfig& config, const RegisterAges* ages, engine::RngKey key,
                         std::uint32_t id, Origin origin, double now);

/// Returns the day person `id`, registered at day `now`, would move away (may be +inf); drawn
/// from their Migration stream.
double draw_move_time(const PathwayConfig& config, engine::RngKey key, std::uint32_t id,
                      double now);

}  // namespace cmhsim::model::pathway
