// `cmhsim serve`: load the baseline scenarios, start the what-if page's HTTP server, say where
// it listens, and stop it cleanly on Ctrl-C. Knows the command line; the server lives in serve/.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
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

namespace fs = std::filesystem;

/// Holds `serve`'s options.
struct ServeArgs {
  SharedOptions shared;
  unsigned port = 8080;
  std::string bind = "127.0.0.1";
  std::uint64_t max_replications = 200;
};

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

/// Serves the page until interrupted; returns the exit code.
int serve(const ServeArgs& args) {
  const int threads = args.shared.threads;
  const auto files = args.shared.operands.empty() ? default_scenarios() : args.shared.operands;
  std::vector<serve::Baseline> baselines;
  for (const auto& file : files) baselines.push_back({file, scenario::load_scenario_file(file)});
  serve::ServeSettings settings;
  settings.bind = args.bind;
  settings.port = static_cast<unsigned short>(args.port);
  settings.threads = threads;
  settings.limits.max_replications = args.max_replications;
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

}  // namespace

CommandAction setup_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  add_operands(app, args->shared);
  app.add_option("-p,--port", args->port, "TCP port; 0 picks a free one")
      ->type_name("N")
      ->check(whole_number(0, 65535))
      ->capture_default_str();
  app.add_option("-b,--bind", args->bind,
                 "address to listen on; anything but a loopback address lets other machines in")
      ->type_name("ADDRESS")
      ->capture_default_str();
  add_threads(app, args->shared, "worker threads of each comparison; 0 = all cores");
  app.add_option("--max-replications", args->max_replications,
                 "most replications a page may ask for")
      ->type_name("N")
      ->check(whole_number(2, max_replications()))
      ->capture_default_str();
  return [args] { return serve(*args); };
}

}  // namespace cmhsim::cli
