// `cmhsim serve`: load the baseline scenarios, start the what-if page's HTTP server, say where
// it listens, and stop it cleanly on Ctrl-C. Knows the command line; the server lives in serve/.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interrupt.hpp"
#include "cli/options.hpp"
#include "cli/run_support.hpp"
#include "cli/version.hpp"
#include "serve/serve_error.hpp"
#include "serve/server.hpp"

namespace cmhsim::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

/// Returns the shipped ICS scenarios: under the working directory if it has them (so the page's
/// commands stay short), else in the source tree.
std::vector<std::string> default_scenarios() {
  std::vector<std::string> out;
  for (const char* name :
       {"ics_baseline", "ics_partners", "ics_partners_unsupervised", "ics_stepdown"}) {
    const std::string local = std::string("scenarios/") + name + ".yaml";
    out.push_back(fs::exists(local) ? local : std::string(CMHSIM_SOURCE_DIR) + "/" + local);
  }
  return out;
}

}  // namespace

int serve_command(const std::vector<std::string>& args) {
  po::options_description visible("cmhsim serve [SCENARIO.yaml ...] [options]");
  visible.add_options()("help,h", "show this help")(
      "port,p", po::value<unsigned>()->default_value(8080), "TCP port (0 picks a free one)")(
      "bind,b", po::value<std::string>()->default_value("127.0.0.1"),
      "address to listen on; anything but a loopback address lets other machines in")(
      "threads,t", po::value<int>()->default_value(0),
      "worker threads of each comparison (0 = all cores)")(
      "max-replications", po::value<std::uint64_t>()->default_value(200),
      "most replications a page may ask for");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("scenario", -1);
  const po::variables_map vm = parse_options(args, visible, hidden, positional);
  if (vm.count("help")) {
    std::cout
        << visible
        << "\nServes a what-if page: pick a baseline, move its levers (Care Partner and\n"
           "supervisor FTE, supervision hours, discharge destination, proactive coverage,\n"
           "CMHT FTE, beds, crisis slots, or any key from the parameter table) and see the\n"
           "paired differences refine as replications finish, with the `cmhsim compare`\n"
           "command that reproduces them. The baselines are the files given (pathway\n"
           "scenarios; default: the shipped ICS scenarios). No request names a file; nothing\n"
           "is written except what the page downloads. docs/serve.md describes the API.\n"
           "\nExample:\n  cmhsim serve --port 8080 --threads 2\n";
    return kExitOk;
  }
  const unsigned port = vm["port"].as<unsigned>();
  if (port > 65535) throw UsageError{"serve: --port must be from 0 to 65535"};
  const int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError{"serve: --threads must be >= 0"};
  const std::uint64_t max_reps = vm["max-replications"].as<std::uint64_t>();
  if (max_reps < 2) throw UsageError{"serve: --max-replications must be >= 2"};
  const auto files =
      vm.count("scenario") ? vm["scenario"].as<std::vector<std::string>>() : default_scenarios();

  std::vector<serve::Baseline> baselines;
  for (const auto& file : files) baselines.push_back({file, scenario::load_scenario_file(file)});
  serve::ServeSettings settings;
  settings.bind = vm["bind"].as<std::string>();
  settings.port = static_cast<unsigned short>(port);
  settings.threads = threads;
  settings.limits.max_replications = max_reps;
  settings.version = version();
  settings.fill_provenance = [threads](experiment::RunResults& r, const scenario::Scenario& sc) {
    fill_provenance(r, sc, utc_now(), threads);
  };
  try {
    const InterruptGuard guard;
    serve::Server server(std::move(settings), std::move(baselines));
    server.start();
    std::cout << "cmhsim " << version() << " serve: open " << server.url() << "\n"
              << (server.loopback()
                      ? "listening on this machine only (loopback); --bind 0.0.0.0 opens it to "
                        "others\n"
                      : "WARNING: listening on a non-loopback address: other machines can reach "
                        "this server\n")
              << "Ctrl-C stops it.\n"
              << std::flush;
    while (!interrupted()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    std::cout << "cmhsim serve: stopped\n";
  } catch (const serve::ServeInputError& e) {
    std::cerr << "cmhsim: serve: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const serve::ServeError& e) {
    std::cerr << "cmhsim: serve: " << e.what() << '\n';
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace cmhsim::cli
