// `cmhsim report`: figures and an HTML report from a results file, made by the Python package
// in analysis/ (cmhsim_analysis). Knows how to find and start Python; not how figures are drawn.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

extern char** environ;

namespace cmhsim::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kImportCheck = "import h5py, numpy, pandas, matplotlib, yaml";

/// Returns the environment with PYTHONPATH led by `analysis_dir` and no bytecode written.
std::vector<std::string> child_environment(const std::string& analysis_dir) {
  std::vector<std::string> env;
  std::string python_path = analysis_dir;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("PYTHONPATH=", 0) == 0) {
      const std::string old = entry.substr(11);
      if (!old.empty()) python_path += ":" + old;
    } else if (entry.rfind("PYTHONDONTWRITEBYTECODE=", 0) != 0) {
      env.push_back(entry);
    }
  }
  env.push_back("PYTHONPATH=" + python_path);
  // The package lives in the source tree: keep it free of __pycache__ folders.
  env.push_back("PYTHONDONTWRITEBYTECODE=1");
  return env;
}

/// Runs `argv` (searching PATH) with `env`; returns its exit status, or -1 if it did not start
/// or ended on a signal. With `quiet`, its output goes to /dev/null.
int spawn_and_wait(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   bool quiet) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (quiet) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Returns the first Python that can import the analysis dependencies: $CMHSIM_PYTHON if set,
/// else Debian's /usr/bin/python3, else `python3` on PATH.
std::optional<std::string> find_python(const std::vector<std::string>& env,
                                       std::vector<std::string>& tried) {
  std::vector<std::string> candidates;
  if (const char* chosen = std::getenv("CMHSIM_PYTHON"); chosen != nullptr && *chosen != '\0') {
    candidates.emplace_back(chosen);
  } else {
    candidates = {"/usr/bin/python3", "python3"};
  }
  for (const auto& python : candidates) {
    tried.push_back(python);
    if (spawn_and_wait({python, "-c", kImportCheck}, env, true) == 0) return python;
  }
  return std::nullopt;
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim report RESULTS.h5 -o DIR");
  visible.add_options()("help,h", "show this help")(
      "output,o", po::value<std::string>(), "directory to write the figures and report.html into")(
      "dpi", po::value<int>()->default_value(300), "resolution of the PNG figures");
  po::options_description hidden;
  hidden.add_options()("results", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("results", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout << visible
              << "\nFrom a run or comparison file: monthly series with 95% bands, paired\n"
                 "differences with 95% CIs, annual costs by service and equity breakdowns; from a\n"
                 "sweep: the workforce frontier and, for a Latin hypercube, a PRCC tornado chart.\n"
                 "Each figure is written as PNG and SVG, and report.html holds them all with a\n"
                 "plain-language summary, the scenario parameters that differ and provenance\n"
                 "(docs/report.md). Needs Python 3 with h5py, numpy, pandas, matplotlib and yaml\n"
                 "(Debian: python3-h5py python3-pandas python3-matplotlib python3-yaml); set\n"
                 "CMHSIM_PYTHON to choose the interpreter.\n"
                 "\nExample:\n  cmhsim report results/default_comparison.h5 -o results/report\n";
    return kExitOk;
  }
  if (!vm.count("results") || vm["results"].as<std::vector<std::string>>().size() != 1) {
    throw UsageError{"report: expected exactly one results file"};
  }
  if (!vm.count("output")) throw UsageError{"report: -o DIR is required"};
  if (vm["dpi"].as<int>() < 50 || vm["dpi"].as<int>() > 1200) {
    throw UsageError{"report: --dpi must be between 50 and 1200"};
  }
  const char* override_dir = std::getenv("CMHSIM_ANALYSIS_DIR");
  const std::string analysis_dir = override_dir != nullptr && *override_dir != '\0'
                                       ? override_dir
                                       : std::string(CMHSIM_SOURCE_DIR) + "/analysis";
  if (!fs::exists(fs::path(analysis_dir) / "cmhsim_analysis" / "__main__.py")) {
    std::cerr << "cmhsim: report: the analysis package is not at " << analysis_dir
              << "/cmhsim_analysis (set CMHSIM_ANALYSIS_DIR to the folder that holds it)\n";
    return kExitFailure;
  }
  const std::vector<std::string> env = child_environment(analysis_dir);
  std::vector<std::string> tried;
  const auto python = find_python(env, tried);
  if (!python) {
    std::string list;
    for (const auto& t : tried) list += (list.empty() ? "" : ", ") + t;
    std::cerr << "cmhsim: report: no Python 3 that can import h5py, numpy, pandas, matplotlib "
                 "and yaml (tried "
              << list
              << "); install python3-h5py python3-pandas python3-matplotlib python3-yaml "
                 "(apt-get) or set CMHSIM_PYTHON\n";
    return kExitFailure;
  }
  const int rc = spawn_and_wait(
      {*python, "-m", "cmhsim_analysis", vm["results"].as<std::vector<std::string>>()[0], "-o",
       vm["output"].as<std::string>(), "--dpi", std::to_string(vm["dpi"].as<int>())},
      env, false);
  if (rc < 0) {
    std::cerr << "cmhsim: report: " << *python << " did not finish\n";
    return kExitFailure;
  }
  // The package uses cmhsim's exit codes: 0 done, 1 failure, 2 bad input.
  return rc;
}

}  // namespace cmhsim::cli
