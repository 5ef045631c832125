// Boost.Program_options parsing with errors mapped to UsageError.
// Knows nothing of what the options do.
#include "cli/options.hpp"

#include "cli/exit_codes.hpp"

namespace cmhsim::cli {

namespace po = boost::program_options;

po::variables_map parse_options(const std::vector<std::string>& args,
                                const po::options_description& visible,
                                const po::options_description& hidden,
                                const po::positional_options_description& positional) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }
  return vm;
}

}  // namespace cmhsim::cli
