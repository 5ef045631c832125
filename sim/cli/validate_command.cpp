// `cmhsim validate` and `cmhsim params`: check scenario files, print the parameter reference.
// Knows the command line; parsing and the parameter table live in scenario/.
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <memory>

#include "cli/calibration_metrics.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
#include "model/pathway_outputs.hpp"
#include "scenario/calibration_file.hpp"
#include "scenario/scenario.hpp"
#include "scenario/sweep_file.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::cli {
namespace {

/// Returns true when `text` is YAML with a top-level `base` key, i.e. a sweep file.
bool is_sweep_text(const std::string& text) {
  try {
    const YAML::Node root = YAML::Load(text);
    return root.IsMap() && root["base"];
  } catch (const YAML::Exception&) {
    return false;  // the scenario loader reports the error with its position
  }
}

/// Returns true when `text` is YAML with top-level `scenario` and `parameters` keys, i.e. a
/// calibration file.
bool is_calibration_text(const std::string& text) {
  try {
    const YAML::Node root = YAML::Load(text);
    return root.IsMap() && root["scenario"] && root["parameters"];
  } catch (const YAML::Exception&) {
    return false;
  }
}

/// Checks each file and says what it describes; returns the exit code.
int validate(const std::vector<std::string>& files) {
  if (files.empty()) throw UsageError{"validate: missing scenario file"};
  int status = kExitOk;
  for (const std::string& file : files) {
    try {
      // Read once: a second read of a FIFO or a changing file would see other text.
      const std::string text = scenario::read_input_file(file);
      if (is_sweep_text(text)) {
        const scenario::SweepSpec spec = scenario::parse_sweep(text, file);
        std::cout << file << ": OK (sweep: " << spec.points.size() << " points over "
                  << spec.axes.size() << " axes; base " << describe_model(spec.base) << ")\n";
        continue;
      }
      if (is_calibration_text(text)) {
        const scenario::CalibrationSpec spec = scenario::parse_calibration(text, file);
        check_metrics(spec);
        std::cout << file << ": OK (calibration: " << spec.parameters.size() << " parameters, "
                  << spec.targets.size() << " targets; scenario "
                  << describe_model(spec.scenarios[0]) << ")\n";
        continue;
      }
      const scenario::Scenario sc = scenario::parse_scenario(text, file);
      std::cout << file << ": OK (" << describe_model(sc) << ")\n";
    } catch (const scenario::ScenarioError& e) {
      std::cerr << e.what() << '\n';
      status = kExitBadInput;
    }
  }
  return status;
}

/// Holds `params`'s options.
struct ParamsArgs {
  bool markdown = false;
  bool model = false;
  bool outputs = false;
};

/// Prints the reference `args` asks for; returns the exit code.
int params(const ParamsArgs& args) {
  if (int{args.markdown} + int{args.model} + int{args.outputs} > 1) {
    throw UsageError{"params: give one of --markdown, --model and --outputs"};
  }
  // The Markdown tables are also the plain-text view: they read well in a terminal.
  std::cout << (args.model     ? scenario::render_parameters_markdown()
                : args.outputs ? model::pathway::render_outputs_markdown()
                               : scenario::render_reference_markdown());
  return kExitOk;
}

}  // namespace

CommandAction setup_validate(CLI::App& app) {
  auto options = std::make_shared<SharedOptions>();
  add_operands(app, *options);
  return [options] { return validate(options->operands); };
}

CommandAction setup_params(CLI::App& app) {
  auto args = std::make_shared<ParamsArgs>();
  app.add_flag("--markdown", args->markdown,
               "print every scenario key as Markdown (docs/scenario-reference.md; the default)");
  app.add_flag("--model", args->model,
               "print the model parameter table: unit, default, plausible range, source "
               "(docs/parameters.md)");
  app.add_flag("--outputs", args->outputs, "print the model output tables (docs/outputs.md)");
  return [args] { return params(*args); };
}

}  // namespace cmhsim::cli
