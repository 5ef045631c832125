// A sweep's point store on disk: OUT.h5.partial/point-<i>.h5 checkpoint files (run files stamped
// with the sweep and the point), joined into the sweep or shard file OUT.h5 once all are done.
// Knows nothing of how points are run or spread over ranks.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "experiment/point_store.hpp"
#include "io/hdf5_sweep.hpp"

namespace cmhsim::io {

/// Keeps a sweep's finished points as checkpoint files beside the sweep file they will form.
class SweepCheckpoints final : public experiment::PointStore {
 public:
  /// Prepares the store of the sweep `header` describes, whose result is written to `output`;
  /// `before_writing(header)` (if given) runs just before the sweep file is written.
  SweepCheckpoints(std::string output, SweepHeader header,
                   std::function<void(SweepHeader&)> before_writing = {});

  /// Returns the checkpoint directory, OUT.h5.partial.
  [[nodiscard]] std::string where() const override;
  /// Returns true when the checkpoint directory exists.
  [[nodiscard]] bool exists() const override;
  /// Creates the checkpoint directory; throws experiment::SweepSetupError if it cannot.
  void create() override;
  /// Removes temporary files left by a write that was cut short.
  void tidy() override;
  /// Returns which points have a checkpoint; throws experiment::ResumeError if a checkpoint
  /// belongs to another sweep text, point or settings, IoError if one is not a checkpoint.
  [[nodiscard]] std::vector<bool> done(std::size_t count) const override;
  /// Writes point `point`'s checkpoint atomically; throws IoError.
  void save(std::size_t point, const experiment::RunResults& results) override;
  /// Reads point `point`'s checkpoint; throws experiment::ResumeError if it is damaged.
  [[nodiscard]] experiment::RunResults load(std::size_t point) const override;
  /// Writes the sweep (or shard) file from the checkpoints of `points`, then removes them.
  void complete(const std::vector<std::size_t>& points) override;

 private:
  [[nodiscard]] std::string checkpoint_path(std::size_t point) const;

  std::string output_;
  std::filesystem::path dir_;
  SweepHeader header_;
  std::function<void(SweepHeader&)> before_writing_;
};

}  // namespace cmhsim::io
