// Fixtures for the server tests: small pathway baselines in a scratch directory and a server on
// an ephemeral loopback port. Knows the serve API's entry points.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "serve/server.hpp"

namespace cmhsim::serve::test {

namespace fs = std::filesystem;

/// Returns a small pathway scenario (`people` on the register, two years) called `name`.
inline std::string small_pathway(const std::string& name, int people = 500) {
  return "name: " + name +
         "\nhorizon_days: 730.5\nwarmup_days: 0\nreplications: 6\nseed: 4\npopulation:\n"
         "  register_size: " +
         std::to_string(people) + "\n";
}

/// Returns a fresh scratch directory for one test case.
inline fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(CMHSIM_BINARY_DIR) / "tests" / "serve-scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// Writes `text` to `path` and returns the path as a string.
inline std::string write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
  return path.string();
}

/// Runs a server for the given scenario files on an ephemeral port for the life of the object.
class TestServer {
 public:
  explicit TestServer(const std::vector<std::string>& files, ServeSettings settings = {}) {
    std::vector<Baseline> baselines;
    for (const auto& f : files) baselines.push_back({f, scenario::load_scenario_file(f)});
    settings.port = 0;
    if (settings.threads == 0) settings.threads = 2;
    server_ = std::make_unique<Server>(std::move(settings), std::move(baselines));
    server_->start();
  }
  ~TestServer() { server_->stop(); }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /// Returns the port the server listens on.
  [[nodiscard]] unsigned short port() const { return server_->port(); }

 private:
  std::unique_ptr<Server> server_;
};

}  // namespace cmhsim::serve::test
