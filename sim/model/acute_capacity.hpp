// Acute bed capacity of the place from published beds per population: in-area beds and
// out-of-area places available to the people on the register. Pure arithmetic on the config.
#pragma once

#include "model/pathway_config.hpp"

namespace cmhsim::model {

/// Returns the in-area acute beds the register can use (before rounding down).
inline double in_area_beds(const PathwayConfig& c) {
  return c.services.acute_beds_per_100k_adults * c.population.adults_16_65 / 1e5 *
         c.services.register_bed_share;
}

/// Returns the out-of-area places the register can use at once (before rounding down).
inline double out_of_area_places(const PathwayConfig& c) {
  return c.services.out_of_area_beds_per_100k_adults * c.population.adults_16_65 / 1e5 *
         c.services.register_bed_share;
}

}  // namespace cmhsim::model
