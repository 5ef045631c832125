// Formatting of ScenarioError's "FILE:LINE:COL: key.path: message" text.
// Knows nothing of YAML or of the simulation.
#include "scenario/scenario_error.hpp"

#include <utility>

namespace cmhsim::scenario {
namespace {

std::string format(const std::string& file, int line, int column, const std::string& key_path,
                   const std::string& message) {
  std::string out = file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  if (!key_path.empty()) out += key_path + ": ";
  return out + message;
}

std::string format_origin(const std::string& origin, const std::string& key_path,
                          const std::string& message) {
  std::string out = origin + ": ";
  if (!key_path.empty()) out += key_path + ": ";
  return out + message;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, int column, std::string key_path,
                             std::string message)
    : std::runtime_error(format(file, line, column, key_path, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      key_path_(std::move(key_path)),
      message_(std::move(message)) {}

ScenarioError::ScenarioError(std::string origin, std::string key_path, std::string message)
    : std::runtime_error(format_origin(origin, key_path, message)),
      file_(std::move(origin)),
      line_(0),
      column_(0),
      key_path_(std::move(key_path)),
      message_(std::move(message)),
      positioned_(false) {}

}  // namespace cmhsim::scenario
