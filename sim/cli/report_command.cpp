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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_seal.hpp"

extern char** environ;

namespace cmhsim::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kImportCheck = "import h5py, numpy, pandas, matplotlib, scipy, yaml";

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

/// Holds `report`'s options.
struct ReportArgs {
  SharedOptions shared;
  int dpi = 300;
};

/// Writes the report `args` asks for through the analysis package; returns the exit code.
int report(const ReportArgs& args) {
  if (args.shared.operands.size() != 1) {
    throw UsageError{"report: expected exactly one results file"};
  }
  const std::string& input = args.shared.operands.front();
  const std::string& out_dir = *args.shared.output;
  check_output_directory("report", {out_dir, "-o"});
  check_outputs("report", {{input, "results file"}},
                {{(fs::path(out_dir) / "report.html").string(), "report"}});
  try {
    // A damaged file is refused here, before a Python HDF5 reader could crash on it.
    io::check_results_file(input);
  } catch (const io::ResultsFileError& e) {
    std::cerr << "cmhsim: report: cannot read results file '" << input << "': " << e.what() << '\n';
    return kExitBadInput;
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
    std::cerr << "cmhsim: report: no Python 3 that can import h5py, numpy, pandas, matplotlib, "
                 "scipy and yaml (tried "
              << list
              << "); install python3-h5py python3-pandas python3-matplotlib python3-scipy "
                 "python3-yaml "
                 "(apt-get) or set CMHSIM_PYTHON\n";
    return kExitFailure;
  }
  const int rc = spawn_and_wait({*python, "-m", "cmhsim_analysis", args.shared.operands.front(),
                                 "-o", *args.shared.output, "--dpi", std::to_string(args.dpi)},
                                env, false);
  if (rc < 0) {
    std::cerr << "cmhsim: report: " << *python << " did not finish\n";
    return kExitFailure;
  }
  // The package uses cmhsim's exit codes: 0 done, 1 failure, 2 bad input.
  return rc;
}

}  // namespace

CommandAction setup_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  add_operands(app, args->shared);
  add_output(app, args->shared, "directory to write the figures and report.html into", "DIR")
      ->required();
  app.add_option("--dpi", args->dpi, "resolution of the PNG figures")
      ->type_name("N")
      ->check(whole_number(50, 1200))
      ->capture_default_str();
  return [args] { return report(*args); };
}

}  // namespace cmhsim::cli
