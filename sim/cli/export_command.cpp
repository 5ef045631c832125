// `cmhsim export`: tidy CSV tables from a run, comparison or sweep results file.
// Knows the command line; the tables are made by io/csv_export.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "io/csv_export.hpp"
#include "io/hdf5_seal.hpp"

namespace cmhsim::cli {

namespace {

/// Holds `export`'s options.
struct ExportArgs {
  SharedOptions shared;
  std::string csv;
};

/// Writes the CSV tables `args` asks for; returns the exit code.
int export_tables(const ExportArgs& args) {
  if (args.shared.operands.size() != 1) {
    throw UsageError{"export: expected exactly one results file"};
  }
  const std::string& input = args.shared.operands.front();
  check_output_directory("export", {args.csv, "--csv"});
  std::vector<NamedPath> outputs;
  // The tables io::export_csv may write; a comparison adds differences.csv.
  for (const char* name : {"metrics_summary.csv", "metrics_replications.csv", "series_summary.csv",
                           "services_summary.csv", "differences.csv"}) {
    outputs.push_back({(std::filesystem::path(args.csv) / name).string(), "table"});
  }
  check_outputs("export", {{input, "results file"}}, outputs);
  const auto files = io::export_csv(input, args.csv);
  for (const auto& f : files) std::cout << "wrote " << f << "\n";
  return kExitOk;
}

}  // namespace

CommandAction setup_export(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  add_operands(app, args->shared);
  app.add_option("--csv", args->csv, "directory to write the CSV tables into (created if needed)")
      ->type_name("DIR")
      ->required();
  return [args] {
    try {
      return export_tables(*args);
    } catch (const io::ResultsFileError& e) {
      std::cerr << "cmhsim: export: " << e.what() << '\n';
      return kExitBadInput;
    }
  };
}

}  // namespace cmhsim::cli
