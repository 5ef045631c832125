// `cmhsim validate` and `cmhsim params`: check scenario files, print the parameter reference.
// Knows the command line; parsing and the parameter table live in scenario/.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::cli {

namespace po = boost::program_options;

int validate_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim validate FILE.yaml [FILE.yaml ...]");
  visible.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible << "\nChecks each file and prints 'OK' or the first error in it.\n";
    return kExitOk;
  }
  if (!vm.count("scenario")) throw UsageError{"validate: missing scenario file"};
  int status = kExitOk;
  for (const std::string& file : vm["scenario"].as<std::vector<std::string>>()) {
    try {
      const scenario::Scenario sc = scenario::load_scenario_file(file);
      std::cout << file << ": OK (" << sc.network.arrivals.size() << " arrival streams, "
                << sc.network.services.size() << " services)\n";
    } catch (const scenario::ScenarioError& e) {
      std::cerr << e.what() << '\n';
      status = kExitBadInput;
    }
  }
  return status;
}

int params_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim params [--markdown]");
  visible.add_options()("help,h", "show this help")("markdown", "print the table as Markdown");
  const po::variables_map vm =
      parse_options(args, visible, po::options_description{}, po::positional_options_description{});
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  // The Markdown table is also the plain-text view: it reads well in a terminal.
  std::cout << scenario::render_reference_markdown();
  return kExitOk;
}

}  // namespace cmhsim::cli
