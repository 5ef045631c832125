// Parsing helpers shared by the subcommands (Boost.Program_options).
// Turns option errors into UsageError; knows nothing of what the options do.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace cmhsim::cli {

/// Parses `args` against `visible` options and `positional` names; throws UsageError on errors.
boost::program_options::variables_map parse_options(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& visible,
    const boost::program_options::options_description& hidden,
    const boost::program_options::positional_options_description& positional);

}  // namespace cmhsim::cli
