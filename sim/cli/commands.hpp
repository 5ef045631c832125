// The cmhsim subcommands, each taking the arguments after its name.
// Knows the command line; the work is done by the library layers.
#pragma once

#include <string>
#include <vector>

namespace cmhsim::cli {

/// Runs a scenario's replications and reports them; returns the exit code.
int run_command(const std::vector<std::string>& args);
/// Runs scenarios with common random numbers and reports paired differences; returns the exit code.
int compare_command(const std::vector<std::string>& args);
/// Runs a sweep file's points with checkpoints, resume and shards; returns the exit code.
int sweep_command(const std::vector<std::string>& args);
/// Merges shard files of one sweep into the full sweep file; returns the exit code.
int merge_command(const std::vector<std::string>& args);
/// Writes tidy CSV tables from a results file; returns the exit code.
int export_command(const std::vector<std::string>& args);
/// Checks scenario files without running them; returns the exit code.
int validate_command(const std::vector<std::string>& args);
/// Writes figures and an HTML report from a results file (via analysis/); returns the exit code.
int report_command(const std::vector<std::string>& args);
/// Serves the what-if page and its API until interrupted; returns the exit code.
int serve_command(const std::vector<std::string>& args);
/// Prints the scenario parameter reference; returns the exit code.
int params_command(const std::vector<std::string>& args);

}  // namespace cmhsim::cli
