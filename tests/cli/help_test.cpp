// End-to-end tests of cmhsim's help and option errors: every command's help is generated from one
// table, its examples name files that exist, and bad options exit 2 naming the option.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace fs = std::filesystem;

namespace {

using cmhsim::cli_test::run_cmhsim;
using cmhsim::cli_test::scratch;

/// Returns the lines of `text`.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// Returns the command names the top-level help lists under "Commands:".
std::vector<std::string> listed_commands(const std::string& help) {
  std::vector<std::string> names;
  bool in_list = false;
  for (const auto& line : lines_of(help)) {
    if (line == "Commands:") {
      in_list = true;
    } else if (in_list && line.empty()) {
      break;
    } else if (in_list && line.size() > 2 && line[2] != ' ') {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return names;
}

/// Returns the long option names ("--output") a command's help lists under "Options:".
std::set<std::string> listed_options(const std::string& help) {
  std::set<std::string> names;
  const std::regex option(R"(^  (?:-\w, |    )(--[\w-]+))");
  bool in_list = false;
  for (const auto& line : lines_of(help)) {
    if (line == "Options:") {
      in_list = true;
    } else if (in_list && line.empty()) {
      break;
    } else if (std::smatch m; in_list && std::regex_search(line, m, option)) {
      names.insert(m[1]);
    }
  }
  return names;
}

}  // namespace

TEST_CASE("every command's help exits 0 and its example paths exist in scenarios/", "[cli][help]") {
  const auto dir = scratch("help-paths");
  const auto top = run_cmhsim("--help", dir);
  REQUIRE(top.code == 0);
  const auto commands = listed_commands(top.out);
  CHECK(commands == std::vector<std::string>{"run", "compare", "warmup", "sweep", "calibrate",
                                             "merge", "export", "report", "validate", "serve",
                                             "params"});
  const std::regex path(R"(scenarios/[\w./-]*\w)");
  std::size_t paths = 0;
  std::vector<std::string> pages = {top.out};
  for (const auto& command : commands) {
    const auto r = run_cmhsim(command + " --help", dir);
    INFO(command);
    CHECK(r.code == 0);
    CHECK(r.out.find("Usage:\n  cmhsim " + command) != std::string::npos);
    CHECK(r.out.find("Example") != std::string::npos);
    pages.push_back(r.out);
  }
  for (const auto& page : pages) {
    for (auto it = std::sregex_iterator(page.begin(), page.end(), path);
         it != std::sregex_iterator(); ++it) {
      ++paths;
      INFO(it->str());
      CHECK(fs::exists(fs::path(CMHSIM_SOURCE_DIR) / it->str()));
    }
  }
  CHECK(paths >= 8);
}

TEST_CASE("the top-level usage lists every option each command's help lists", "[cli][help]") {
  const auto dir = scratch("help-options");
  const auto top = run_cmhsim("--help", dir);
  REQUIRE(top.code == 0);
  for (const auto& command : listed_commands(top.out)) {
    const auto r = run_cmhsim(command + " --help", dir);
    REQUIRE(r.code == 0);
    // The command's synopsis is the same text in both pages.
    const std::string usage = r.out.substr(0, r.out.find("\n\n"));
    INFO(command << "\n" << usage);
    CHECK(top.out.find(usage.substr(usage.find("  cmhsim"))) != std::string::npos);
    for (const auto& option : listed_options(r.out)) {
      INFO(option);
      if (option != "--help") CHECK(usage.find(option) != std::string::npos);
    }
  }
  const auto run = run_cmhsim("run --help", dir);
  CHECK(listed_options(run.out) ==
        std::set<std::string>{"--help", "--output", "--replications", "--seed", "--threads",
                              "--summary-json", "--set", "--parameter-sets", "--precision",
                              "--max-replications", "--persons", "--all-metrics", "--quiet"});
}

TEST_CASE("bad option values exit 2 naming the option", "[cli][bad-input]") {
  const auto dir = scratch("bad-options");
  const std::string scenario =
      (fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "mmc_validation.yaml").string();
  const auto expect = [&](const std::string& args, const std::string& message) {
    const auto r = run_cmhsim(args, dir);
    INFO(args << "\n" << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(r.out.empty());
  };
  expect("run " + scenario + " --threads -1",
         "run: --threads: expects a whole number from 0 to 1024, got '-1'");
  expect("run " + scenario + " --seed -3", "run: --seed: expects a whole number >= 0, got '-3'");
  expect("run " + scenario + " --replications 0",
         "--replications: expects a whole number from 1 to 10000, got 0");
  // The scenario key's bound holds on the command line too.
  expect("run " + scenario + " --replications 100000", "--replications: expects a whole number");
  expect("compare " + scenario + " " + scenario + " -r 100000", "compare: --replications");
  expect("run " + scenario + " --precision mean_qol=0.1 --max-replications 20000",
         "--max-replications");
  expect("run " + scenario + " --max-replications 1", "--max-replications");
  expect("run " + scenario + " --seed 1 --seed 2", "--seed");
  expect("run " + scenario + " --replicatons 3", "run: unknown option '--replicatons'");
  expect("run " + scenario + " --precision", "--precision");
  expect("compare " + scenario + " " + scenario + " -r 1", "compare: --replications");
  expect("sweep x.yaml --shard 4", "sweep: --shard expects i/N");
  expect("export x.h5", "export: --csv is required");
  expect("report x.h5", "report: --output is required");
  expect("report x.h5 -o out --dpi 20", "--dpi: expects a whole number from 50 to 1200");
  expect("params --markdown --model", "params: give one of --markdown, --model and --outputs");
  expect("params extra", "params: unexpected argument 'extra'");
  expect("warmup " + scenario + " --window 0", "warmup: --window: expects a whole number");
  expect("warmup " + scenario + " --band -0.1", "warmup: --band");
  expect("--seed 3", "unknown option '--seed'");
}

TEST_CASE("run takes one value per --set, so the scenario file may follow it", "[cli][overrides]") {
  const auto dir = scratch("set-order");
  const std::string scenario =
      (fs::path(CMHSIM_SOURCE_DIR) / "scenarios" / "mmc_validation.yaml").string();
  // The unknown key is reported only once the file has been read as the scenario.
  const auto r = run_cmhsim("run --set services.nosuch.servers=3 " + scenario, dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("services.nosuch") != std::string::npos);
  CHECK(r.err.find("missing scenario file") == std::string::npos);
}
