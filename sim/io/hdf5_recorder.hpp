// A model::Recorder that streams monthly rows and person summaries into an HDF5 group, and the
// reader of those person tables. Knows the person table layout, not how results are produced.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/hdf5_arrays.hpp"
#include "model/recorder.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::io {

/// Writes `series` ([months, S] f8, attributes names/units) and a person table (compound [N])
/// under one HDF5 group as the model reports them; one recorder serves one replication.
class Hdf5Recorder : public model::Recorder {
 public:
  /// Prepares datasets under `group`: the series dataset `series_name` (none if empty; then
  /// series_infos is ignored) and the person table `persons_name` (none if empty).
  Hdf5Recorder(hid_t group, const std::vector<model::OutputInfo>& series_infos,
               const std::string& series_name, const std::string& persons_name);
  /// Flushes and closes quietly if finish() was not called.
  ~Hdf5Recorder() override;
  Hdf5Recorder(const Hdf5Recorder&) = delete;
  Hdf5Recorder& operator=(const Hdf5Recorder&) = delete;

  /// Appends month `month`'s row; throws IoError if months skip or the row has the wrong width.
  void record_month(std::size_t month, std::span<const double> values) override;
  /// Buffers one person's summary, writing a block when the buffer is full.
  void record_person(const model::PersonSummary& person) override;
  /// Writes buffered persons and closes the datasets; throws IoError on failure.
  void finish();

 private:
  void flush_persons();

  std::size_t width_ = 0;
  std::optional<h5::AppendableDataset> series_;
  std::optional<h5::AppendableDataset> persons_;
  DatatypeHandle person_memory_type_;
  std::vector<model::PersonSummary> buffer_;
  bool finished_ = false;
};

/// Returns the person table `name` under `parent`, written by an Hdf5Recorder.
std::vector<model::PersonSummary> read_person_table(hid_t parent, const std::string& name);

}  // namespace cmhsim::io
