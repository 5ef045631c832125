// The cmhsim executable: runs the command line and maps exceptions to exit codes.
// Knows which exception means which exit code, not the commands.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "experiment/comparison.hpp"
#include "experiment/parameter_sets.hpp"
#include "experiment/precision.hpp"
#include "experiment/task_farm.hpp"
#include "io/io_error.hpp"
#include "scenario/scenario_error.hpp"

int main(int argc, char** argv) {
  using namespace cmhsim::cli;
  // Starts MPI when built with it; under mpirun only `sweep` shares work between ranks.
  const cmhsim::experiment::DistributedSession session(&argc, &argv);
  // Under mpirun a rank that fails must end the others, which may be waiting for it.
  const auto failed = [](int code) {
    return cmhsim::experiment::DistributedSession::end_all_ranks(code);
  };
  remove_temporaries_on_signal();
  try {
    return run_command_line(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    std::cerr << "cmhsim: " << e.what() << "\nRun 'cmhsim --help' for usage.\n";
    return failed(kExitBadInput);
  } catch (const cmhsim::scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::experiment::ComparisonError& e) {
    std::cerr << "cmhsim: " << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::experiment::ParameterSetsError& e) {
    std::cerr << "cmhsim: --parameter-sets: " << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::experiment::PrecisionError& e) {
    std::cerr << "cmhsim: --precision: " << e.what() << '\n';
    return failed(kExitBadInput);
  } catch (const cmhsim::io::IoError& e) {
    std::cerr << "cmhsim: " << e.what() << '\n';
    return failed(kExitFailure);
  } catch (const std::exception& e) {
    std::cerr << "cmhsim: error: " << e.what() << '\n';
    return failed(kExitFailure);
  }
}
