// The cmhsim command line: builds the CLI11 parser from the command table, parses the arguments
// and runs the chosen command. Knows the command line, not what the commands do.
#pragma once

#include <string>
#include <vector>

namespace cmhsim::cli {

/// Parses `args` (those after the program name), runs the command they name and returns its exit
/// code; throws UsageError on a bad command line.
int run_command_line(std::vector<std::string> args);

}  // namespace cmhsim::cli
