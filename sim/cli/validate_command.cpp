// `cmhsim validate` and `cmhsim params`: check scenario files, print the parameter reference.
// Knows the command line; parsing and the parameter table live in scenario/.
#include <yaml-cpp/yaml.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
#include "model/pathway_outputs.hpp"
#include "scenario/scenario.hpp"
#include "scenario/sweep_file.hpp"

namespace cmhsim::cli {
namespace {

/// Returns true when `file` is YAML with a top-level `base` key, i.e. a sweep file.
bool is_sweep_file(const std::string& file) {
  try {
    const YAML::Node root = YAML::LoadFile(file);
    return root.IsMap() && root["base"];
  } catch (const YAML::Exception&) {
    return false;  // the scenario loader reports the error with its position
  }
}

}  // namespace

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
    std::cout
        << visible
        << "\nChecks each file and prints 'OK' with the kind of model it describes (queueing\n"
           "network or pathway model), or the first error in it.\n";
    return kExitOk;
  }
  if (!vm.count("scenario")) throw UsageError{"validate: missing scenario file"};
  int status = kExitOk;
  for (const std::string& file : vm["scenario"].as<std::vector<std::string>>()) {
    try {
      if (is_sweep_file(file)) {
        const scenario::SweepSpec spec = scenario::load_sweep_file(file);
        std::cout << file << ": OK (sweep: " << spec.points.size() << " points over "
                  << spec.axes.size() << " axes; base " << describe_model(spec.base) << ")\n";
        continue;
      }
      const scenario::Scenario sc = scenario::load_scenario_file(file);
      std::cout << file << ": OK (" << describe_model(sc) << ")\n";
    } catch (const scenario::ScenarioError& e) {
      std::cerr << e.what() << '\n';
      status = kExitBadInput;
    }
  }
  return status;
}

int params_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim params [--markdown | --model | --outputs]");
  visible.add_options()("help,h", "show this help")(
      "markdown", "print every scenario key as Markdown (docs/scenario-reference.md; the default)")(
      "model",
      "print the model parameter table: unit, default, plausible range, source "
      "(docs/parameters.md)")("outputs", "print the model output tables (docs/outputs.md)");
  const po::variables_map vm =
      parse_options(args, visible, po::options_description{}, po::positional_options_description{});
  if (vm.count("help")) {
    std::cout << visible;
    return kExitOk;
  }
  if (vm.count("markdown") + vm.count("model") + vm.count("outputs") > 1) {
    throw UsageError{"params: give one of --markdown, --model and --outputs"};
  }
  // The Markdown tables are also the plain-text view: they read well in a terminal.
  std::cout << (vm.count("model")     ? scenario::render_parameters_markdown()
                : vm.count("outputs") ? model::pathway::render_outputs_markdown()
                                      : scenario::render_reference_markdown());
  return kExitOk;
}

}  // namespace cmhsim::cli
