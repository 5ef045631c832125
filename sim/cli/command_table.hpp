// The table of cmhsim's subcommands: names, synopsis arguments, help text and examples.
// The top-level help and every command's help are generated from it and the declared options.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace cmhsim::cli {

/// Describes one subcommand: how it is called, what its help says and what declares its options.
struct CommandEntry {
  const char* name;
  const char* operands;  ///< The synopsis's file arguments, e.g. "FILE.yaml".
  const char* summary;   ///< One sentence for the top-level command list.
  const char* details;   ///< The paragraph the command's help prints after its options.
  std::vector<const char*> examples;  ///< Command lines to copy; paths must exist in scenarios/.
  bool shares_ranks;                  ///< True when several MPI ranks may run it together.
  CommandAction (*setup)(CLI::App&);  ///< Declares its options and returns what runs it.
};

/// Returns every subcommand in the order the top-level help lists them.
const std::vector<CommandEntry>& command_table();

/// Returns the subcommand called `name`, or nullptr.
const CommandEntry* find_command(const std::string& name);

}  // namespace cmhsim::cli
