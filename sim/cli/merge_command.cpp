// `cmhsim merge`: join the shard files of one sweep into the full sweep file, checking they
// come from the same sweep text and hold every point exactly once.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/run_support.hpp"
#include "experiment/sweep_execution.hpp"
#include "io/hdf5_seal.hpp"
#include "io/hdf5_sweep.hpp"
#include "scenario/sweep_file.hpp"

namespace cmhsim::cli {

namespace {

namespace fs = std::filesystem;

/// Returns `resolved` without the keys the sweep varies, which legitimately differ by point.
experiment::KeyValues without_axes(const experiment::KeyValues& resolved,
                                   const std::vector<std::string>& axes) {
  experiment::KeyValues kept;
  for (const auto& kv : resolved) {
    if (std::find(axes.begin(), axes.end(), kv.first) == axes.end()) kept.push_back(kv);
  }
  return kept;
}

/// Throws UsageError unless every point holds the replications it says it ran, agrees with the
/// first point on every key the sweep does not vary, and (when the sweep file at its recorded
/// path still reads as the same text) matches the scenario that file and its base give now.
void check_points(const io::SweepHeader& header, const std::map<std::size_t, std::string>& owner) {
  std::optional<scenario::SweepSpec> spec;
  std::error_code ec;
  if (fs::is_regular_file(header.path, ec)) {
    spec = scenario::load_sweep_file(header.path);
    if (spec->text != header.text) {
      throw UsageError{"merge: the sweep file " + header.path +
                       " has changed since the shards were written"};
    }
  }
  std::optional<experiment::KeyValues> first;
  std::string first_where;
  for (const auto& [i, file] : owner) {
    const experiment::RunResults point = io::read_sweep_point(file, i);
    const std::string where = "point " + std::to_string(i) + " in " + file;
    const auto& p = point.provenance;
    if (point.replications.size() != p.replications) {
      throw UsageError{"merge: " + where + " holds " + std::to_string(point.replications.size()) +
                       " replications but records " + std::to_string(p.replications)};
    }
    const experiment::KeyValues fixed = without_axes(p.resolved, header.axes);
    if (!first) {
      first = fixed;
      first_where = where;
    }
    std::string difference =
        experiment::resolved_difference(fixed, *first, "this point", "in " + first_where);
    if (difference.empty() && spec) {
      experiment::RunResults expected;
      fill_provenance(expected, scenario::build_point(*spec, i), "", 1);
      difference = experiment::resolved_difference(p.resolved, expected.provenance.resolved,
                                                   "this point", "in " + header.path + " now");
    }
    if (!difference.empty()) {
      throw UsageError{"merge: " + where + " was run from a different scenario: " + difference};
    }
  }
}

/// Merges the shard files args[1..] into args[0]; returns the exit code.
int merge(const std::vector<std::string>& args) {
  if (args.size() < 2) throw UsageError{"merge: expected OUT.h5 and at least one shard file"};
  const std::string output = args.front();
  std::vector<io::SweepContents> shards;
  std::map<std::size_t, std::string> owner;  // point -> shard file holding it
  std::vector<NamedPath> inputs;
  for (std::size_t s = 1; s < args.size(); ++s) inputs.push_back({args[s], "shard"});
  check_outputs("merge", inputs, {{output, "OUT.h5"}});
  for (std::size_t s = 1; s < args.size(); ++s) {
    io::SweepContents contents = io::read_sweep_contents(args[s]);
    if (!shards.empty()) {
      const auto& first = shards.front().header;
      if (contents.header.text != first.text) {
        throw UsageError{"merge: " + args[s] + " comes from a different sweep file text than " +
                         args[1]};
      }
      if (contents.header.axes != first.axes || contents.header.settings != first.settings) {
        throw UsageError{"merge: " + args[s] + " has different point settings than " + args[1]};
      }
    }
    for (const std::size_t i : contents.points) {
      const auto [it, inserted] = owner.emplace(i, args[s]);
      if (!inserted) {
        throw UsageError{"merge: point " + std::to_string(i) + " appears in both " + it->second +
                         " and " + args[s]};
      }
    }
    shards.push_back(std::move(contents));
  }
  io::SweepHeader header = shards.front().header;
  const std::size_t count = header.settings.size();
  std::vector<std::size_t> indices;
  std::string missing;
  for (std::size_t i = 0; i < count; ++i) {
    if (owner.count(i)) {
      indices.push_back(i);
    } else {
      missing += (missing.empty() ? "" : ", ") + std::to_string(i);
    }
  }
  if (!missing.empty()) {
    throw UsageError{"merge: the shards lack point(s) " + missing + " of the sweep's " +
                     std::to_string(count)};
  }
  check_points(header, owner);
  header.shard.clear();
  for (const auto& s : shards) {
    header.threads = std::max(header.threads, s.header.threads);
    header.ranks = std::max(header.ranks, s.header.ranks);
    header.started_utc = std::min(header.started_utc, s.header.started_utc);
    header.finished_utc = std::max(header.finished_utc, s.header.finished_utc);
  }
  prepare_output_dir(output, "OUT.h5");
  io::write_sweep_hdf5(
      header, indices, [&](std::size_t i) { return io::read_sweep_point(owner.at(i), i); }, output);
  std::cout << "merged " << shards.size() << " shards of sweep " << header.name << " into "
            << output << " (" << count << " points)\n";
  return kExitOk;
}

}  // namespace

CommandAction setup_merge(CLI::App& app) {
  auto options = std::make_shared<SharedOptions>();
  add_operands(app, *options);
  return [options] {
    try {
      return merge(options->operands);
    } catch (const io::ResultsFileError& e) {
      std::cerr << "cmhsim: merge: " << e.what() << '\n';
      return kExitBadInput;
    }
  };
}

}  // namespace cmhsim::cli
