// The options several subcommands share (CLI11), each spelled, described and checked once here.
// Knows how options are written on the command line, not what the commands do with them.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace cmhsim::cli {

/// Bounds -t/--threads: more threads than this is a typing slip, not a machine.
inline constexpr std::uint64_t kMaxThreads = 1024;

/// Holds the values of the shared options; each command declares only the ones it takes.
struct SharedOptions {
  std::vector<std::string> operands;          ///< The files named on the command line, in order.
  std::optional<std::string> output;          ///< -o/--output
  std::optional<std::string> summary_json;    ///< --summary-json
  std::optional<std::uint64_t> replications;  ///< -r/--replications
  std::optional<std::uint64_t> seed;          ///< -s/--seed
  int threads = 0;                            ///< -t/--threads; 0 means all cores
  std::vector<std::string> set;               ///< --set KEY.PATH=VALUE, repeatable
  bool quiet = false;                         ///< -q/--quiet
  bool resume = false;                        ///< --resume
  bool all_metrics = false;                   ///< --all-metrics
  std::optional<std::string> parameter_sets;  ///< --parameter-sets
};

/// Returns a check that a value is a whole number from `minimum` to `maximum`, without a sign.
CLI::Validator whole_number(std::uint64_t minimum,
                            std::uint64_t maximum = std::numeric_limits<std::uint64_t>::max());

/// Declares an option whose value, when given, is stored in `target`.
template <typename T>
CLI::Option* add_optional(CLI::App& app, const std::string& names, std::optional<T>& target,
                          const std::string& description, const std::string& value_name) {
  return app
      .add_option_function<T>(
          names, [&target](const T& value) { target = value; }, description)
      ->type_name(value_name);
}

/// Declares the command's file arguments; the command table names them in the synopsis.
void add_operands(CLI::App& app, SharedOptions& options);
/// Declares -o/--output VALUE_NAME.
CLI::Option* add_output(CLI::App& app, SharedOptions& options, const std::string& description,
                        const std::string& value_name = "OUT.h5");
/// Declares --summary-json PATH.
void add_summary_json(CLI::App& app, SharedOptions& options, const std::string& description);
/// Returns the most replications a run may have (the scenario key's bound).
std::uint64_t max_replications();

/// Declares -r/--replications N, refusing values below `minimum` or above max_replications().
void add_replications(CLI::App& app, SharedOptions& options, const std::string& description,
                      std::uint64_t minimum);
/// Declares -s/--seed S.
void add_seed(CLI::App& app, SharedOptions& options, const std::string& description);
/// Declares -t/--threads N (0 = all cores), refusing negative values and more than kMaxThreads.
void add_threads(CLI::App& app, SharedOptions& options,
                 const std::string& description = "worker threads; 0 = all cores");
/// Declares the repeatable --set KEY.PATH=VALUE.
void add_set(CLI::App& app, SharedOptions& options);
/// Declares -q/--quiet.
void add_quiet(CLI::App& app, SharedOptions& options);
/// Declares --resume.
void add_resume(CLI::App& app, SharedOptions& options);
/// Declares --all-metrics.
void add_all_metrics(CLI::App& app, SharedOptions& options);
/// Declares --parameter-sets FILE.
void add_parameter_sets(CLI::App& app, SharedOptions& options);

}  // namespace cmhsim::cli
