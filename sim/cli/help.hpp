// cmhsim's help pages, generated from the command table and the options each command declares:
// the top-level usage and every command's. Knows page layout, not what the options do.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace cmhsim::cli {

/// Formats `cmhsim --help` and `cmhsim COMMAND --help` for CLI11 from the command table.
class HelpFormatter : public CLI::Formatter {
 public:
  /// Returns the top-level page for the root command, else the page of the command `app`.
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override;
};

}  // namespace cmhsim::cli
