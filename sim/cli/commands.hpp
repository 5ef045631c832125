// The cmhsim subcommands: each declares its options on a CLI11 command and returns what runs it.
// Knows the command line; the work is done by the library layers.
#pragma once

#include <functional>

namespace CLI {
class App;
}  // namespace CLI

namespace cmhsim::cli {

/// Runs a command once its options are parsed; returns the exit code.
using CommandAction = std::function<int()>;

/// Declares `run`'s options; returns what runs a scenario's replications and reports them.
CommandAction setup_run(CLI::App& app);
/// Declares `compare`'s options; returns what runs scenarios with common random numbers.
CommandAction setup_compare(CLI::App& app);
/// Declares `warmup`'s options; returns what recommends a scenario's warm-up from its series.
CommandAction setup_warmup(CLI::App& app);
/// Declares `sweep`'s options; returns what runs a sweep file's points with checkpoints.
CommandAction setup_sweep(CLI::App& app);
/// Declares `calibrate`'s options; returns what fits a scenario's parameters to observed figures.
CommandAction setup_calibrate(CLI::App& app);
/// Declares `merge`'s arguments; returns what merges shard files into the full sweep file.
CommandAction setup_merge(CLI::App& app);
/// Declares `export`'s options; returns what writes tidy CSV tables from a results file.
CommandAction setup_export(CLI::App& app);
/// Declares `report`'s options; returns what writes figures and an HTML report (via analysis/).
CommandAction setup_report(CLI::App& app);
/// Declares `validate`'s arguments; returns what checks scenario files without running them.
CommandAction setup_validate(CLI::App& app);
/// Declares `serve`'s options; returns what serves the what-if page until interrupted.
CommandAction setup_serve(CLI::App& app);
/// Declares `params`'s options; returns what prints the parameter reference.
CommandAction setup_params(CLI::App& app);

}  // namespace cmhsim::cli
