// One replication of the community mental health pathway model: people with SMI, Care Partners,
// supervisors, services and discharge policies on one future-event list. No I/O, no threads.
#pragma once

#include <memory>
#include <vector>

#include "engine/random_stream.hpp"
#include "model/pathway_config.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::model {

/// Simulates one replication of a PathwayConfig under one RngKey.
///
/// Person i draws every random number for one purpose from stream (i, purpose), so the same
/// person sees the same draws for the same purpose in every scenario of one place.
class PathwayModel {
 public:
  /// Prepares a replication; `config` (and `recorder`, if given) must outlive the object.
  PathwayModel(const PathwayConfig& config, engine::RngKey key, Recorder* recorder = nullptr);
  /// Is deleted: the model keeps a reference to its config, which must outlive it.
  PathwayModel(PathwayConfig&& config, engine::RngKey key, Recorder* recorder = nullptr) = delete;
  ~PathwayModel();
  PathwayModel(const PathwayModel&) = delete;
  PathwayModel& operator=(const PathwayModel&) = delete;

  /// Runs to the horizon; returns services, metrics and monthly series measured after warm-up.
  ReplicationOutcome run();

  /// Returns the names, units and definitions of the end-of-run metrics, in outcome order.
  static const std::vector<OutputInfo>& metric_infos();
  /// Returns the names, units and definitions of the monthly series, in outcome order.
  static const std::vector<OutputInfo>& series_infos();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cmhsim::model
