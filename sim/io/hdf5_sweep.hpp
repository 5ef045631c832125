// Sweep results in HDF5: per-point checkpoint files (ordinary run files stamped with the sweep
// and the point), and sweep or shard files holding many points (docs/results-schema.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "experiment/run_results.hpp"

namespace cmhsim::io {

/// Describes a sweep and where its results came from, as stored at a sweep file's root.
struct SweepHeader {
  std::string name;               ///< The sweep's name.
  std::string design;             ///< How points were chosen, e.g. "grid" or "list".
  std::string path;               ///< The sweep file as given.
  std::string text;               ///< The sweep file's full text.
  std::vector<std::string> axes;  ///< Setting names (key paths).
  std::vector<std::vector<std::string>> settings;  ///< [point][axis] values as text.
  std::string version;
  std::string git_commit;
  std::string host;
  std::string started_utc;
  std::string finished_utc;
  int threads = 1;    ///< Worker threads per rank.
  int ranks = 1;      ///< MPI ranks (1 without MPI).
  std::string shard;  ///< "i/N" in a shard file, empty in a full sweep file.
};

/// Identifies the sweep and point a checkpoint file belongs to.
struct PointStamp {
  std::size_t index = 0;
  std::string sweep_text;
  std::vector<std::string> axes;
  std::vector<std::string> settings;  ///< One value per axis.
};

/// Writes `results` as a run file at `path` (atomically) stamped with `stamp`; throws IoError.
void write_point_checkpoint(const experiment::RunResults& results, const PointStamp& stamp,
                            const std::string& path);

/// Returns the stamp of the checkpoint at `path`; throws IoError if it is not a checkpoint.
PointStamp read_point_stamp(const std::string& path);

/// Writes a sweep file (or a shard file when `header.shard` is set) at `path` atomically with the
/// points `indices`, each fetched by `point(i)` as it is written; throws IoError.
void write_sweep_hdf5(const SweepHeader& header, const std::vector<std::size_t>& indices,
                      const std::function<experiment::RunResults(std::size_t)>& point,
                      const std::string& path);

/// Holds what a sweep or shard file contains, without the points' results.
struct SweepContents {
  SweepHeader header;
  std::vector<std::size_t> points;  ///< Indices present, ascending.
};

/// Returns the header and point list of the sweep or shard file at `path`; throws IoError if it
/// is not one.
SweepContents read_sweep_contents(const std::string& path);

/// Returns point `index` of the sweep or shard file at `path`; throws IoError if absent.
experiment::RunResults read_sweep_point(const std::string& path, std::size_t index);

/// Returns the root `content` attribute of a cmhsim results file ("run", "comparison", "sweep",
/// "sweep-shard"); throws IoError naming `path` if it is not a cmhsim results file.
std::string results_content(const std::string& path);

}  // namespace cmhsim::io
