// `cmhsim sweep`: run every point of a sweep file (oneTBB locally, a task farm under MPI),
// checkpoint each finished point, stop cleanly on SIGINT/SIGTERM, resume, shard, assemble.
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "experiment/results_codec.hpp"
#include "experiment/runner.hpp"
#include "experiment/sweep_runner.hpp"
#include "experiment/task_farm.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_sweep.hpp"
#include "scenario/sweep_file.hpp"

namespace cmhsim::cli {
namespace {

namespace fs = std::filesystem;

/// Holds which points this invocation runs: all, or those with index % count == index.
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
  [[nodiscard]] bool active() const noexcept { return count > 1; }
  [[nodiscard]] bool owns(std::size_t point) const noexcept { return point % count == index; }
};

/// Parses "i/N" (0 <= i < N).
Shard parse_shard(const std::string& text) {
  Shard s;
  const auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used = 0;
    s.index = std::stoull(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("junk");
    const std::string rest = text.substr(slash + 1);
    s.count = std::stoull(rest, &used);
    if (used != rest.size()) throw std::invalid_argument("junk");
  } catch (const std::exception&) {
    throw UsageError{"sweep: --shard expects i/N, e.g. 0/4, got '" + text + "'"};
  }
  if (s.count < 1 || s.index >= s.count) {
    throw UsageError{"sweep: --shard i/N needs 0 <= i < N, got '" + text + "'"};
  }
  return s;
}

std::string design_name(scenario::SweepDesign d) {
  return d == scenario::SweepDesign::Factorial ? "factorial" : "latin_hypercube";
}

/// Returns the sweep's axis names and each point's setting per axis.
void settings_of(const scenario::SweepSpec& spec, io::SweepHeader& header) {
  for (const auto& axis : spec.axes) header.axes.push_back(axis.key_path);
  for (const auto& point : spec.points) {
    std::vector<std::string> row;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) row.push_back(point.at(a).value);
    header.settings.push_back(std::move(row));
  }
}

std::string checkpoint_path(const fs::path& dir, std::size_t i) {
  return (dir / ("point-" + std::to_string(i) + ".h5")).string();
}

/// Marks the points whose checkpoint in `dir` matches this sweep; throws UsageError on a
/// checkpoint of another sweep or point. Removes temporaries left by a killed run.
std::vector<bool> resume_from(const fs::path& dir, const io::SweepHeader& header, bool tidy) {
  std::vector<bool> done(header.settings.size(), false);
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind('.', 0) == 0 && name.find(".tmp-") != std::string::npos) {
      if (tidy) fs::remove(entry.path());  // an unfinished atomic write: never a checkpoint
      continue;
    }
    if (name.rfind("point-", 0) != 0 || entry.path().extension() != ".h5") continue;
    const io::PointStamp stamp = io::read_point_stamp(entry.path().string());
    const std::string where = "sweep --resume: checkpoint " + entry.path().string();
    if (stamp.sweep_text != header.text) {
      throw UsageError{where + " was written for a different sweep file text; remove " +
                       dir.string() + " to start again"};
    }
    if (stamp.index >= done.size() || name != "point-" + std::to_string(stamp.index) + ".h5") {
      throw UsageError{where + " holds point " + std::to_string(stamp.index) +
                       ", which does not match its name or the sweep's " +
                       std::to_string(done.size()) + " points"};
    }
    if (stamp.axes != header.axes || stamp.settings != header.settings[stamp.index]) {
      throw UsageError{where + " has settings that differ from the sweep's point " +
                       std::to_string(stamp.index) + "; remove " + dir.string() +
                       " to start again"};
    }
    done[stamp.index] = true;
  }
  return done;
}

}  // namespace

/// Holds `sweep`'s options.
struct SweepArgs {
  SharedOptions shared;
  std::optional<std::string> shard;
};

/// Runs the sweep `args` names; returns the exit code.
int sweep_command(const SweepArgs& args) {
  const SharedOptions& o = args.shared;
  if (o.operands.size() != 1) throw UsageError{"sweep: expected exactly one sweep file"};
  const int threads = o.threads;
  const Shard shard = args.shard ? parse_shard(*args.shard) : Shard{};
  const bool quiet = o.quiet;
  const bool coordinator = experiment::DistributedSession::coordinator();

  const scenario::SweepSpec spec = scenario::load_sweep_file(o.operands[0]);
  const std::string output = o.output.value_or("results/" + spec.name + ".h5");
  const std::size_t count = spec.points.size();
  std::vector<scenario::Scenario> scenarios;
  scenarios.reserve(count);
  for (std::size_t i = 0; i < count; ++i) scenarios.push_back(scenario::build_point(spec, i));

  io::SweepHeader header;
  header.name = spec.name;
  header.design = design_name(spec.design);
  header.path = spec.path;
  header.text = spec.text;
  settings_of(spec, header);
  header.version = version();
  header.git_commit = git_commit();
  header.started_utc = utc_now();
  header.threads = experiment::resolve_threads(threads);
  header.ranks = experiment::DistributedSession::size();
  if (shard.active()) {
    header.shard = std::to_string(shard.index) + "/" + std::to_string(shard.count);
  }

  const fs::path partial = output + ".partial";
  std::vector<bool> done(count, false);
  if (coordinator) {
    prepare_output_dir(output, "--output");
    std::error_code ec;
    if (fs::exists(partial, ec)) {
      if (!o.resume) {
        throw UsageError{"sweep: " + partial.string() +
                         " holds checkpoints of an earlier run; use --resume to continue it or "
                         "remove it to start again"};
      }
      done = resume_from(partial, header, true);
    } else {
      fs::create_directories(partial, ec);
      if (ec) throw UsageError{"sweep: cannot create " + partial.string() + ": " + ec.message()};
    }
  } else if (o.resume && fs::exists(partial)) {
    // Every rank must pass the farm the same done flags; checkpoints sit on a shared file system.
    done = resume_from(partial, header, false);
  }
  // Points outside this shard count as done, so nobody runs them.
  std::size_t owned = 0, already = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!shard.owns(i)) {
      done[i] = true;
    } else {
      ++owned;
      if (done[i]) ++already;
    }
  }

  std::size_t finished = already;
  std::uint64_t owned_replications = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!done[i]) owned_replications += scenarios[i].replications;
  }
  Progress progress("replications", quiet);
  const auto points_note = [&] {
    return std::to_string(finished) + "/" + std::to_string(owned) + " points";
  };
  std::mutex sink_mutex;
  const auto keep = [&](std::size_t i, experiment::RunResults results, const std::string& started) {
    fill_provenance(results, scenarios[i], started, threads);
    io::write_point_checkpoint(results, {i, spec.text, header.axes, header.settings[i]},
                               checkpoint_path(partial, i));
    ++finished;
  };

  InterruptGuard guard;
  const auto stop = [] { return interrupted(); };
  if (experiment::DistributedSession::size() > 1) {
    std::uint64_t replications_done = 0;
    experiment::farm_tasks(
        count, done,
        [&](std::size_t i) {
          const std::string started = utc_now();
          experiment::RunOptions options;
          options.seed = scenarios[i].seed;
          options.replications = scenarios[i].replications;
          options.threads = threads;
          experiment::RunResults results =
              experiment::run_replications(model_of(scenarios[i]), options);
          results.provenance.started_utc = started;
          return experiment::encode_results(results);
        },
        [&](std::size_t i, experiment::TaskBytes bytes) {
          experiment::RunResults results = experiment::decode_results(bytes);
          const std::string started = results.provenance.started_utc;
          replications_done += results.replications.size();
          keep(i, std::move(results), started);
          progress.update(replications_done, owned_replications, points_note());
        },
        stop);
    if (!coordinator) return kExitOk;
  } else {
    std::vector<experiment::SweepPoint> points;
    for (const auto& sc : scenarios) points.push_back({model_of(sc), sc.seed, sc.replications});
    experiment::SweepRunOptions options;
    options.threads = threads;
    options.stop = stop;
    options.on_progress = [&](std::uint64_t d, std::uint64_t t) {
      progress.update(d, t, points_note());
    };
    const std::string started = header.started_utc;
    experiment::run_sweep_points(points, done, options,
                                 [&](std::size_t i, experiment::RunResults results) {
                                   std::lock_guard<std::mutex> lock(sink_mutex);
                                   keep(i, std::move(results), started);
                                 });
  }
  progress.finish();

  if (finished < owned) {
    std::cerr << "interrupted: " << finished << " of " << owned
              << " points done; run again with --resume\n";
    return kExitInterrupted;
  }
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < count; ++i) {
    if (shard.owns(i)) indices.push_back(i);
  }
  header.finished_utc = utc_now();
  header.host = host_name();
  io::write_sweep_hdf5(
      header, indices,
      [&](std::size_t i) { return io::read_results_hdf5(checkpoint_path(partial, i)); }, output);
  std::error_code ec;
  fs::remove_all(partial, ec);
  std::cout << "cmhsim " << version() << ": sweep " << spec.name << " (" << header.design << ", "
            << count << " points" << (shard.active() ? ", shard " + header.shard : "") << ", "
            << header.threads << " threads, " << header.ranks << " ranks)\nwrote " << output << " ("
            << indices.size() << " points)\n";
  return kExitOk;
}

CommandAction setup_sweep(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  SharedOptions& o = args->shared;
  add_operands(app, o);
  add_output(app, o, "HDF5 sweep file to write (default: results/<sweep>.h5)");
  add_threads(app, o, "worker threads per process; 0 = all cores");
  add_resume(app, o);
  add_optional(app, "--shard", args->shard,
               "run only points with index % N == i; writes a shard file", "i/N");
  add_quiet(app, o);
  return [args] { return sweep_command(*args); };
}

}  // namespace cmhsim::cli
