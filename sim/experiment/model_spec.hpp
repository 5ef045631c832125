// A reference to one model configuration of either kind: a queueing network or the pathway model.
// Lets the runner and comparisons treat both alike; knows nothing of files or threads.
#pragma once

#include <string_view>
#include <variant>

#include "model/network_config.hpp"
#include "model/pathway_config.hpp"

namespace cmhsim::experiment {

/// Names the kinds of model a scenario can describe.
enum class ModelKind { Network, Pathway };

/// Returns "network" or "pathway".
constexpr std::string_view model_kind_name(ModelKind kind) noexcept {
  return kind == ModelKind::Network ? "network" : "pathway";
}

/// Refers to a NetworkConfig or a PathwayConfig, which must outlive the reference.
class ModelSpec {
 public:
  /// Refers to a queueing network.
  ModelSpec(const model::NetworkConfig& network) noexcept : config_(&network) {}  // NOLINT
  /// Refers to a pathway model configuration.
  ModelSpec(const model::PathwayConfig& pathways) noexcept : config_(&pathways) {}  // NOLINT

  /// Returns which kind of model this is.
  [[nodiscard]] ModelKind kind() const noexcept {
    return std::holds_alternative<const model::NetworkConfig*>(config_) ? ModelKind::Network
                                                                        : ModelKind::Pathway;
  }
  /// Returns the network configuration, or null for a pathway model.
  [[nodiscard]] const model::NetworkConfig* network() const noexcept {
    const auto* p = std::get_if<const model::NetworkConfig*>(&config_);
    return p ? *p : nullptr;
  }
  /// Returns the pathway configuration, or null for a network.
  [[nodiscard]] const model::PathwayConfig* pathways() const noexcept {
    const auto* p = std::get_if<const model::PathwayConfig*>(&config_);
    return p ? *p : nullptr;
  }
  /// Returns the simulated days per replication, warm-up included.
  [[nodiscard]] double horizon_days() const noexcept {
    return network() ? network()->horizon_days : pathways()->horizon_days;
  }
  /// Returns the warm-up days excluded from every measurement.
  [[nodiscard]] double warmup_days() const noexcept {
    return network() ? network()->warmup_days : pathways()->warmup_days;
  }

 private:
  std::variant<const model::NetworkConfig*, const model::PathwayConfig*> config_;
};

}  // namespace cmhsim::experiment
