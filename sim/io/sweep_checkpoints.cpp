// Sweep checkpoints on disk: one atomic run file per finished point in OUT.h5.partial/, checked
// against the sweep on resume, and joined into OUT.h5 at the end.
#include "io/sweep_checkpoints.hpp"

#include <utility>

#include "io/hdf5_reader.hpp"
#include "io/hdf5_seal.hpp"

namespace cmhsim::io {

namespace fs = std::filesystem;

SweepCheckpoints::SweepCheckpoints(std::string output, SweepHeader header,
                                   std::function<void(SweepHeader&)> before_writing)
    : output_(std::move(output)),
      dir_(output_ + ".partial"),
      header_(std::move(header)),
      before_writing_(std::move(before_writing)) {}

std::string SweepCheckpoints::where() const { return dir_.string(); }

bool SweepCheckpoints::exists() const {
  std::error_code ec;
  return fs::exists(dir_, ec);
}

void SweepCheckpoints::create() {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw experiment::SweepSetupError("cannot create " + dir_.string() + ": " + ec.message());
}

void SweepCheckpoints::tidy() {
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    // An unfinished atomic write (see atomic_file.hpp): never a checkpoint.
    if (name.rfind('.', 0) == 0 && name.find(".tmp-") != std::string::npos)
      fs::remove(entry.path());
  }
}

std::vector<bool> SweepCheckpoints::done(std::size_t count) const {
  std::vector<bool> done(count, false);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("point-", 0) != 0 || entry.path().extension() != ".h5") continue;
    const std::string where = "checkpoint " + entry.path().string();
    PointStamp stamp;
    try {
      stamp = read_point_stamp(entry.path().string());
    } catch (const ResultsFileError& e) {
      throw experiment::ResumeError(where + " cannot be used: " + e.what() + "; remove it to run " +
                                    "its point again");
    }
    if (stamp.sweep_text != header_.text) {
      throw experiment::ResumeError(where +
                                    " was written for a different sweep file text; remove " +
                                    dir_.string() + " to start again");
    }
    if (stamp.index >= count || name != "point-" + std::to_string(stamp.index) + ".h5") {
      throw experiment::ResumeError(where + " holds point " + std::to_string(stamp.index) +
                                    ", which does not match its name or the sweep's " +
                                    std::to_string(count) + " points");
    }
    if (stamp.axes != header_.axes || stamp.settings != header_.settings.at(stamp.index)) {
      throw experiment::ResumeError(where + " has settings that differ from the sweep's point " +
                                    std::to_string(stamp.index) + "; remove " + dir_.string() +
                                    " to start again");
    }
    done[stamp.index] = true;
  }
  return done;
}

void SweepCheckpoints::save(std::size_t point, const experiment::RunResults& results) {
  write_point_checkpoint(results, {point, header_.text, header_.axes, header_.settings.at(point)},
                         checkpoint_path(point));
}

experiment::RunResults SweepCheckpoints::load(std::size_t point) const {
  const std::string path = checkpoint_path(point);
  try {
    return read_results_hdf5(path);
  } catch (const ResultsFileError& e) {
    throw experiment::ResumeError("checkpoint " + path + " cannot be used: " + e.what() +
                                  "; remove it to run its point again");
  }
}

void SweepCheckpoints::complete(const std::vector<std::size_t>& points) {
  if (before_writing_) before_writing_(header_);
  write_sweep_hdf5(
      header_, points, [&](std::size_t i) { return load(i); }, output_);
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string SweepCheckpoints::checkpoint_path(std::size_t point) const {
  return (dir_ / ("point-" + std::to_string(point) + ".h5")).string();
}

}  // namespace cmhsim::io
