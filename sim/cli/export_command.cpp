// `cmhsim export`: tidy CSV tables from a run, comparison or sweep results file.
// Knows the command line; the tables are made by io/csv_export.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "io/csv_export.hpp"

namespace cmhsim::cli {

namespace po = boost::program_options;

int export_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim export RESULTS.h5 --csv DIR");
  visible.add_options()("help,h", "show this help")(
      "csv", po::value<std::string>(),
      "directory to write the CSV tables into (created if needed)");
  po::options_description hidden;
  hidden.add_options()("results", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("results", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible
              << "\nWrites metrics_summary.csv, metrics_replications.csv, series_summary.csv and\n"
                 "services_summary.csv (plus differences.csv for a comparison), one row per\n"
                 "observation, from a file written by run, compare, sweep or merge.\n"
                 "\nExample:\n  cmhsim export results/sweep.h5 --csv results/sweep_csv\n";
    return kExitOk;
  }
  if (!vm.count("results") || vm["results"].as<std::vector<std::string>>().size() != 1) {
    throw UsageError{"export: expected exactly one results file"};
  }
  if (!vm.count("csv")) throw UsageError{"export: --csv DIR is required"};
  const auto files =
      io::export_csv(vm["results"].as<std::vector<std::string>>()[0], vm["csv"].as<std::string>());
  for (const auto& f : files) std::cout << "wrote " << f << "\n";
  return kExitOk;
}

}  // namespace cmhsim::cli
