// The cmhsim executable: dispatches to subcommands and maps exceptions to exit codes.
// The only place that knows exit codes.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/version.hpp"
#include "experiment/comparison.hpp"
#include "experiment/precision.hpp"
#include "experiment/task_farm.hpp"
#include "io/io_error.hpp"
#include "scenario/scenario_error.hpp"

namespace {

constexpr const char* kUsage =
    R"(cmhsim - simulate community mental health pathways for adults with SMI

Usage:
  cmhsim run FILE.yaml [-o OUT.h5] [--replications N] [--seed S] [--threads N]
             [--set KEY.PATH=VALUE ...] [--precision METRIC=REL [--max-replications N]]
             [--summary-json PATH] [--persons] [--quiet]
  cmhsim compare A.yaml B.yaml [C.yaml ...] [-o OUT.h5] [--replications N] [--seed S]
             [--threads N] [--summary-json PATH] [--quiet]
  cmhsim sweep SWEEP.yaml [-o OUT.h5] [--threads N] [--resume] [--shard i/N] [--quiet]
  cmhsim merge OUT.h5 SHARD.h5 [SHARD.h5 ...]
  cmhsim export RESULTS.h5 --csv DIR
  cmhsim report RESULTS.h5 -o DIR
  cmhsim validate FILE.yaml [FILE.yaml ...]
  cmhsim params [--markdown | --model | --outputs]
  cmhsim --help | --version

Commands:
  run        run a scenario's replications (queueing network or pathway model), print
             per-service and end-of-run metric tables with 95% CIs, write results to HDF5
             (and optionally a JSON summary)
  compare    run scenarios of one place with common random numbers and print each one's
             paired difference from the first with 95% CIs; write HDF5 (and JSON)
  sweep      run every point of a sweep file, checkpointing finished points so an
             interrupted sweep resumes; shards split it over machines (MPI under mpirun)
  merge      join the shard files of one sweep into the full sweep file
  export     write tidy CSV tables (summaries, replications, series, differences)
  report     write figures (PNG, SVG) and a self-contained report.html from a results file
  validate   check scenario files without running them and say which kind each is
  params     list every scenario key (or, with --model, the model parameter table) with
             its unit, default, plausible range and source; --outputs lists the model outputs

Run 'cmhsim COMMAND --help' for a command's options.
Exit codes: 0 success, 1 run failure (e.g. cannot write output), 2 bad input,
130 interrupted (a sweep resumes with --resume).
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace cmhsim::cli;
  // Starts MPI when built with it; under mpirun only `sweep` shares work between ranks.
  const cmhsim::experiment::DistributedSession session(&argc, &argv);
  // Under mpirun a rank that fails must end the others, which may be waiting for it.
  const auto failed = [](int code) {
    return cmhsim::experiment::DistributedSession::end_all_ranks(code);
  };
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kExitBadInput;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return kExitOk;
    }
    if (command == "--version" || command == "-V") {
      std::cout << "cmhsim " << version() << " (commit " << git_commit() << ")\n";
      return kExitOk;
    }
    if (command != "sweep" && cmhsim::experiment::DistributedSession::size() > 1) {
      // Every rank would run the whole job and write the same file.
      throw UsageError{"only 'sweep' shares work between MPI ranks; run '" + command +
                       "' without mpirun"};
    }
    if (command == "run") return run_command(args);
    if (command == "compare") return compare_command(args);
    if (command == "sweep") return sweep_command(args);
    if (command == "merge") return merge_command(args);
    if (command == "export") return export_command(args);
    if (command == "report") return report_command(args);
    if (command == "validate") return validate_command(args);
    if (command == "params") return params_command(args);
    throw UsageError{"unknown command '" + command + "'"};
  } catch (const UsageError& e) {
    std::cerr << "cmhsim: " << e.what() << "\nRun 'cmhsim --help' for usage.\n";
    return failed(kExitBadInput);
  } catch (const cmhsim::scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::experiment::ComparisonError& e) {
    std::cerr << "cmhsim: " << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::experiment::PrecisionError& e) {
    std::cerr << "cmhsim: --precision: " << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::io::IoError& e) {
    std::cerr << "cmhsim: " << e.what() << '\n';
    return failed(kExitFailure);
  } catch (const std::exception& e) {
    std::cerr << "cmhsim: error: " << e.what() << '\n';
    return failed(kExitFailure);
  }
}
