// Sweep checkpoints, sweep files and shard files in HDF5: each point is stored with the run
// layout (hdf5_run_layout.hpp), so a point reads back exactly as a single run does.
#include "io/hdf5_sweep.hpp"

#include <algorithm>

#include "io/atomic_file.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/hdf5_seal.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace sc = schema;

/// Returns the root's content attribute (version 1 files hold a run).
std::string content_of(hid_t root, std::int64_t version) {
  if (version < 2) return sc::kContentRun;
  return h5::read_string_attribute(root, sc::kContent);
}

/// Writes the header's attributes onto the root and the /sweep group.
void write_header(hid_t root, const SweepHeader& h, std::size_t stored) {
  h5::write_string_attribute(root, "sweep_name", h.name);
  h5::write_string_attribute(root, "design", h.design);
  h5::write_string_attribute(root, "version", h.version);
  h5::write_string_attribute(root, "git_commit", h.git_commit);
  h5::write_string_attribute(root, "host", h.host);
  h5::write_string_attribute(root, "started_utc", h.started_utc);
  h5::write_string_attribute(root, "finished_utc", h.finished_utc);
  h5::write_i32_attribute(root, "threads", static_cast<std::int32_t>(h.threads));
  h5::write_i32_attribute(root, "ranks", static_cast<std::int32_t>(h.ranks));
  h5::write_u64_attribute(root, "points", h.settings.size());
  h5::write_u64_attribute(root, "points_stored", stored);
  if (!h.shard.empty()) h5::write_string_attribute(root, "shard", h.shard);

  GroupHandle sweep = h5::create_group(root, sc::kSweepGroup);
  h5::write_string_attribute(sweep.get(), "path", h.path);
  h5::write_string_dataset(sweep.get(), "text", h.text);
  if (!h.axes.empty()) h5::write_strings_dataset(sweep.get(), "axes", {h.axes.size()}, h.axes);
  std::vector<std::string> flat;
  for (std::size_t p = 0; p < h.settings.size(); ++p) {
    if (h.settings[p].size() != h.axes.size()) {
      throw IoError("point " + std::to_string(p) + " has " + std::to_string(h.settings[p].size()) +
                    " settings for " + std::to_string(h.axes.size()) + " axes");
    }
    flat.insert(flat.end(), h.settings[p].begin(), h.settings[p].end());
  }
  if (!h.axes.empty() && !h.settings.empty()) {
    h5::write_strings_dataset(sweep.get(), "settings", {h.settings.size(), h.axes.size()}, flat);
  }
}

/// Reads the header written by write_header.
SweepHeader read_header(hid_t root) {
  SweepHeader h;
  h.name = h5::read_string_attribute(root, "sweep_name");
  h.design = h5::read_string_attribute(root, "design");
  h.version = h5::read_string_attribute(root, "version");
  h.git_commit = h5::read_string_attribute(root, "git_commit");
  h.host = h5::read_string_attribute(root, "host");
  h.started_utc = h5::read_string_attribute(root, "started_utc");
  h.finished_utc = h5::read_string_attribute(root, "finished_utc");
  h.threads = static_cast<int>(h5::read_i64_attribute(root, "threads"));
  h.ranks = static_cast<int>(h5::read_i64_attribute(root, "ranks"));
  if (h5::has_attribute(root, "shard")) h.shard = h5::read_string_attribute(root, "shard");
  const std::uint64_t points = h5::read_u64_attribute(root, "points");
  if (points > sc::kMaxSweepPoints) {
    throw IoError("the file claims " + std::to_string(points) + " points; a sweep has at most " +
                  std::to_string(sc::kMaxSweepPoints));
  }
  GroupHandle sweep = h5::open_group(root, sc::kSweepGroup);
  h.path = h5::read_string_attribute(sweep.get(), "path");
  h.text = h5::read_string_dataset(sweep.get(), "text");
  if (h5::has_link(sweep.get(), "axes")) h.axes = h5::read_strings_dataset(sweep.get(), "axes");
  h.settings.assign(points, {});
  if (!h.axes.empty() && points > 0) {
    std::vector<std::size_t> dims;
    const auto flat = h5::read_strings_dataset(sweep.get(), "settings", &dims);
    if (dims != std::vector<std::size_t>{points, h.axes.size()}) {
      throw IoError("'/sweep/settings' does not have one row per point and one column per axis");
    }
    for (std::size_t p = 0; p < points; ++p) {
      const auto begin = flat.begin() + static_cast<std::ptrdiff_t>(p * h.axes.size());
      h.settings[p].assign(begin, begin + static_cast<std::ptrdiff_t>(h.axes.size()));
    }
  }
  return h;
}

/// Returns the point index `name` (decimal digits) from a sweep file's point list.
std::size_t point_index(const std::string& name) {
  std::size_t index = 0;
  // Seven digits hold every index below kMaxSweepPoints.
  if (name.empty() || name.size() > 7 ||
      !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw IoError("'/points' lists '" + name.substr(0, 80) + "', which is not a point index");
  }
  for (const char c : name) index = index * 10 + static_cast<std::size_t>(c - '0');
  return index;
}

/// Throws IoError unless the root holds a sweep or shard file.
void require_sweep(hid_t root, std::int64_t version) {
  const std::string content = content_of(root, version);
  if (content != sc::kContentSweep && content != sc::kContentShard) {
    throw IoError("this is a " + content + " file, not a sweep file");
  }
}

}  // namespace

void write_point_checkpoint(const experiment::RunResults& results, const PointStamp& stamp,
                            const std::string& path) {
  if (stamp.settings.size() != stamp.axes.size()) {
    throw IoError("a checkpoint needs one setting per axis");
  }
  const ErrorSilencer quiet;
  write_atomically(path, [&](const std::string& temp) {
    FileHandle file = h5::create_file(temp);
    {
      GroupHandle root = h5::open_root(file.get());
      detail::write_schema_attributes(root.get(), sc::kContentRun);
      detail::write_run_group(root.get(), results);
      h5::write_u64_attribute(root.get(), sc::kSweepPoint, stamp.index);
      h5::write_strings_attribute(root.get(), "sweep_axes", stamp.axes);
      h5::write_strings_attribute(root.get(), "sweep_settings", stamp.settings);
      GroupHandle provenance = h5::open_group(root.get(), sc::kProvenanceGroup);
      h5::write_string_dataset(provenance.get(), sc::kSweepText, stamp.sweep_text);
    }
    file.close("cannot close HDF5 file '" + temp + "'");
    seal_file(temp);
  });
}

PointStamp read_point_stamp(const std::string& path) {
  PointStamp stamp;
  detail::with_results_file(path, [&](hid_t root, std::int64_t version) {
    if (content_of(root, version) != sc::kContentRun || !h5::has_attribute(root, sc::kSweepPoint)) {
      throw IoError("not a sweep checkpoint (no 'sweep_point' attribute)");
    }
    stamp.index = h5::read_u64_attribute(root, sc::kSweepPoint);
    stamp.axes = h5::read_strings_attribute(root, "sweep_axes");
    stamp.settings = h5::read_strings_attribute(root, "sweep_settings");
    GroupHandle provenance = h5::open_group(root, sc::kProvenanceGroup);
    stamp.sweep_text = h5::read_string_dataset(provenance.get(), sc::kSweepText);
  });
  return stamp;
}

void write_sweep_hdf5(const SweepHeader& header, const std::vector<std::size_t>& indices,
                      const std::function<experiment::RunResults(std::size_t)>& point,
                      const std::string& path) {
  const ErrorSilencer quiet;
  write_atomically(path, [&](const std::string& temp) {
    FileHandle file = h5::create_file(temp);
    {
      GroupHandle root = h5::open_root(file.get());
      detail::write_schema_attributes(root.get(),
                                      header.shard.empty() ? sc::kContentSweep : sc::kContentShard);
      write_header(root.get(), header, indices.size());
      GroupHandle points = h5::create_group(root.get(), sc::kPointsGroup);
      std::vector<std::string> order;
      for (const std::size_t i : indices) order.push_back(std::to_string(i));
      h5::write_strings_attribute(points.get(), sc::kOrder, order);
      for (const std::size_t i : indices) {
        if (i >= header.settings.size()) {
          throw IoError("point " + std::to_string(i) + " is not one of the sweep's " +
                        std::to_string(header.settings.size()) + " points");
        }
        GroupHandle group = h5::create_group(points.get(), std::to_string(i));
        detail::write_run_group(group.get(), point(i));
        h5::write_u64_attribute(group.get(), sc::kSweepPoint, i);
        h5::write_strings_attribute(group.get(), "axes", header.axes);
        h5::write_strings_attribute(group.get(), "settings", header.settings[i]);
      }
    }
    file.close("cannot close HDF5 file '" + temp + "'");
    seal_file(temp);
  });
}

SweepContents read_sweep_contents(const std::string& path) {
  SweepContents out;
  detail::with_results_file(path, [&](hid_t root, std::int64_t version) {
    require_sweep(root, version);
    out.header = read_header(root);
    GroupHandle points = h5::open_group(root, sc::kPointsGroup);
    for (const auto& name : h5::read_strings_attribute(points.get(), sc::kOrder)) {
      const std::size_t index = point_index(name);
      if (index >= out.header.settings.size()) {
        throw IoError("'/points' lists point " + name + " of a sweep of " +
                      std::to_string(out.header.settings.size()) + " points");
      }
      out.points.push_back(index);
    }
    if (content_of(root, version) == sc::kContentShard && out.header.shard.empty()) {
      throw IoError("a shard file without a 'shard' attribute");
    }
  });
  std::sort(out.points.begin(), out.points.end());
  return out;
}

experiment::RunResults read_sweep_point(const std::string& path, std::size_t index) {
  experiment::RunResults out;
  detail::with_results_file(path, [&](hid_t root, std::int64_t version) {
    require_sweep(root, version);
    GroupHandle points = h5::open_group(root, sc::kPointsGroup);
    const std::string name = std::to_string(index);
    if (!h5::has_link(points.get(), name)) throw IoError("no point " + name);
    GroupHandle group = h5::open_group(points.get(), name);
    out = detail::read_run_group(group.get(), version);
  });
  return out;
}

std::string results_content(const std::string& path) {
  std::string content;
  detail::with_results_file(
      path, [&](hid_t root, std::int64_t version) { content = content_of(root, version); });
  return content;
}

}  // namespace cmhsim::io
