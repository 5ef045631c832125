// The cmhsim command line: one CLI11 parser with a subcommand per command-table entry, parse
// errors turned into UsageError. Knows the command line, not what the commands do.
#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>

#include "cli/command_table.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help.hpp"
#include "cli/version.hpp"
#include "experiment/task_farm.hpp"

namespace cmhsim::cli {
namespace {

/// Returns the message for arguments no option or operand took, e.g. "unknown option '--x'".
std::string unexpected_message(const std::vector<std::string>& extras) {
  if (extras.empty()) return "unexpected arguments";
  const std::string& first = extras.front();
  if (first.size() > 1 && first.front() == '-') {
    return "unknown option '" + first.substr(0, first.find('=')) + "'";
  }
  return "unexpected argument '" + first + "'";
}

}  // namespace

int run_command_line(std::vector<std::string> args) {
  CLI::App root("simulate community mental health pathways for adults with SMI", "cmhsim");
  root.formatter(std::make_shared<HelpFormatter>());
  root.set_help_flag("-h,--help", "show this help");
  bool show_version = false;
  root.add_flag("-V,--version", show_version, "print the version and the commit it was built from");
  root.require_subcommand(0, 1);
  std::map<std::string, CommandAction> actions;
  for (const auto& entry : command_table()) {
    actions[entry.name] = entry.setup(*root.add_subcommand(entry.name, entry.summary));
  }

  if (args.empty()) {
    std::cerr << root.help();
    return kExitBadInput;
  }
  if (args.front() == "help") args.front() = "--help";
  const CommandEntry* command = find_command(args.front());
  if (command == nullptr && args.front().rfind('-', 0) != 0) {
    throw UsageError{"unknown command '" + args.front() + "'"};
  }
  if (command != nullptr && !command->shares_ranks && experiment::DistributedSession::size() > 1) {
    // Every rank would run the whole job and write the same file.
    throw UsageError{"only 'sweep' shares work between MPI ranks; run '" + args.front() +
                     "' without mpirun"};
  }
  const std::string where = command != nullptr ? std::string(command->name) + ": " : "";
  try {
    // CLI11 takes the arguments last first.
    root.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  } catch (const CLI::CallForHelp&) {
    // Shows the chosen command's page, or the top-level one.
    std::cout << root.help();
    return kExitOk;
  } catch (const CLI::ExtrasError&) {
    const CLI::App& app = command != nullptr ? *root.get_subcommand(command->name) : root;
    throw UsageError{where + unexpected_message(app.remaining())};
  } catch (const CLI::ParseError& e) {
    throw UsageError{where + e.what()};
  }
  if (show_version) {
    std::cout << "cmhsim " << version() << " (commit " << git_commit() << ")\n";
    return kExitOk;
  }
  if (command == nullptr) {
    std::cerr << root.help();
    return kExitBadInput;
  }
  return actions.at(command->name)();
}

}  // namespace cmhsim::cli
