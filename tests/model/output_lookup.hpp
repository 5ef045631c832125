// Lookup of the pathway model's outputs by name, for the model tests.
// Knows the output tables only; a missing name fails the test that asks for it.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model/pathway_model.hpp"

namespace cmhsim::model::testing {

/// Returns the index of the output named `name` in `infos` (fails the test if there is none).
inline std::size_t output_index(const std::vector<OutputInfo>& infos, const std::string& name) {
  for (std::size_t i = 0; i < infos.size(); ++i) {
    if (infos[i].name == name) return i;
  }
  FAIL("no output " << name);
  return 0;
}

/// Returns the index of the metric named `name`.
inline std::size_t metric_index(const std::string& name) {
  return output_index(PathwayModel::metric_infos(), name);
}

/// Returns the index of the monthly series named `name`.
inline std::size_t series_index(const std::string& name) {
  return output_index(PathwayModel::series_infos(), name);
}

}  // namespace cmhsim::model::testing
