// Where a sweep keeps its finished points between runs, so an interrupted sweep resumes: an
// interface the caller implements (io/ over checkpoint files); knows nothing of files or formats.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/run_results.hpp"

namespace cmhsim::experiment {

/// Signals a sweep that cannot start as asked, e.g. over an earlier run's points without resume.
class SweepSetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Signals stored points that do not belong to the sweep being resumed.
class ResumeError : public SweepSetupError {
 public:
  using SweepSetupError::SweepSetupError;
};

/// Keeps a sweep's finished points; every call comes from one thread at a time.
class PointStore {
 public:
  virtual ~PointStore() = default;

  /// Returns where the points are kept, for messages (e.g. a directory).
  [[nodiscard]] virtual std::string where() const = 0;

  /// Returns true when the store already exists, holding (or ready for) an earlier run's points.
  [[nodiscard]] virtual bool exists() const = 0;

  /// Creates the empty store; throws SweepSetupError if it cannot.
  virtual void create() = 0;

  /// Removes what a save cut short (by a crash or a kill) left behind.
  virtual void tidy() = 0;

  /// Returns, for each of the sweep's `count` points, whether the store holds it; throws
  /// ResumeError if it holds points of another sweep.
  [[nodiscard]] virtual std::vector<bool> done(std::size_t count) const = 0;

  /// Stores finished point `point`'s results, so that a crash leaves either all or nothing.
  virtual void save(std::size_t point, const RunResults& results) = 0;

  /// Returns the stored results of `point`.
  [[nodiscard]] virtual RunResults load(std::size_t point) const = 0;

  /// Hands on the stored `points` (ascending) as the sweep's complete result, then removes what
  /// is no longer needed.
  virtual void complete(const std::vector<std::size_t>& points) = 0;
};

}  // namespace cmhsim::experiment
