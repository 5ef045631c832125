// The options several subcommands share, each declared once with its spelling and its check.
// Knows nothing of what the options do.
#include "cli/options.hpp"

#include "scenario/parameter_table.hpp"

namespace cmhsim::cli {

CLI::Validator whole_number(std::uint64_t minimum, std::uint64_t maximum) {
  const std::string expected =
      "expects a whole number " +
      (maximum == std::numeric_limits<std::uint64_t>::max()
           ? ">= " + std::to_string(minimum)
           : "from " + std::to_string(minimum) + " to " + std::to_string(maximum));
  return CLI::Validator(
      [minimum, maximum, expected](std::string& text) -> std::string {
        // A sign is refused here: converting "-1" to an unsigned count would wrap it.
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
          return expected + ", got '" + text + "'";
        }
        try {
          const std::uint64_t value = std::stoull(text);
          if (value < minimum || value > maximum) return expected + ", got " + text;
        } catch (const std::out_of_range&) {
          return expected + ", got " + text;
        }
        return {};
      },
      "");
}

std::uint64_t max_replications() {
  return static_cast<std::uint64_t>(
      scenario::parameter("replications", scenario::Schema::Common).bounds.hi);
}

void add_operands(CLI::App& app, SharedOptions& options) {
  // An empty group keeps them out of the option list; the synopsis names them instead.
  app.add_option("operands", options.operands)->group("");
}

CLI::Option* add_output(CLI::App& app, SharedOptions& options, const std::string& description,
                        const std::string& value_name) {
  return add_optional(app, "-o,--output", options.output, description, value_name);
}

void add_summary_json(CLI::App& app, SharedOptions& options, const std::string& description) {
  add_optional(app, "--summary-json", options.summary_json, description, "PATH");
}

void add_replications(CLI::App& app, SharedOptions& options, const std::string& description,
                      std::uint64_t minimum) {
  add_optional(app, "-r,--replications", options.replications, description, "N")
      ->check(whole_number(minimum, max_replications()));
}

void add_seed(CLI::App& app, SharedOptions& options, const std::string& description) {
  add_optional(app, "-s,--seed", options.seed, description, "S")->check(whole_number(0));
}

void add_threads(CLI::App& app, SharedOptions& options, const std::string& description) {
  app.add_option("-t,--threads", options.threads, description)
      ->type_name("N")
      ->check(whole_number(0, kMaxThreads))
      ->capture_default_str();
}

void add_set(CLI::App& app, SharedOptions& options) {
  app.add_option("--set", options.set,
                 "set a scenario key, checked like the file: --set care_partners.fte=8 "
                 "(repeatable)")
      ->type_name("KEY.PATH=VALUE")
      // One value per --set, so a scenario file after it is not taken as a second setting.
      ->allow_extra_args(false);
}

void add_quiet(CLI::App& app, SharedOptions& options) {
  app.add_flag("-q,--quiet", options.quiet, "no progress bar");
}

void add_all_metrics(CLI::App& app, SharedOptions& options) {
  app.add_flag("--all-metrics", options.all_metrics,
               "print every outcome, not only the headline ones of the report's summary");
}

void add_resume(CLI::App& app, SharedOptions& options) {
  app.add_flag("--resume", options.resume,
               "keep the finished points checkpointed in OUT.h5.partial/ and run the rest");
}

void add_parameter_sets(CLI::App& app, SharedOptions& options) {
  add_optional(app, "--parameter-sets", options.parameter_sets,
               "run each replication with one parameter set from this CSV or HDF5 file (a "
               "/parameter_sets group), the same set for the same replication in every scenario",
               "FILE");
}

}  // namespace cmhsim::cli
