// Time to the first answer and to the default precision of the ICS what-if on the page (the
// baseline with 40 FTE Care Partners and 3 FTE supervisors), through the server's HTTP API on a
// loopback port at 2 threads. One JSON object per line.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "bench_util.hpp"
#include "scenario/scenario.hpp"
#include "serve/server.hpp"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

constexpr const char* kUsage =
    "usage: serve_bench [SCENARIO.yaml [THREADS]]\n"
    "  Serves the scenario file (default: the shipped ICS baseline) on a loopback port, asks for\n"
    "  the what-if with 40 FTE Care Partners and 3 FTE supervisors at THREADS worker threads\n"
    "  (default 2), and prints one JSON line with the seconds to the first and the final answer.\n";

int main(int argc, char** argv) {
  if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
    const bool help = std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h";
    std::fputs(kUsage, help ? stdout : stderr);
    return help ? 0 : 2;
  }
  const std::string path =
      argc > 1 ? argv[1] : std::string(CMHSIM_SOURCE_DIR) + "/scenarios/ics_baseline.yaml";
  const std::optional<long> threads =
      argc > 2 ? cmhsim::bench::whole_number(argv[2], 1, 1024) : std::optional<long>(2);
  if (!threads) {
    std::fprintf(stderr, "serve_bench: THREADS: expected a whole number in [1, 1024], got '%s'\n%s",
                 argv[2], kUsage);
    return 2;
  }
  cmhsim::serve::ServeSettings settings;
  settings.port = 0;
  settings.threads = static_cast<int>(*threads);
  cmhsim::scenario::Scenario sc;
  try {
    sc = cmhsim::scenario::load_scenario_file(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "serve_bench: %s\n", e.what());
    return 2;
  }
  cmhsim::serve::Server server(settings, {{path, sc}});
  server.start(1);

  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect({net::ip::make_address("127.0.0.1"), server.port()});
  http::request<http::string_body> req{http::verb::post, "/api/compare", 11};
  req.set(http::field::host, "127.0.0.1");
  req.set(http::field::content_type, "application/json");
  req.body() = R"({"page": "bench", "baseline": ")" + sc.name +
               R"(", "set": {"care_partners.fte": 40, "supervision.supervisor_fte": 3}})";
  req.prepare_payload();
  const auto start = Clock::now();
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1ULL << 30);
  http::read_header(socket, buffer, parser);
  double first = -1.0;
  std::size_t used = 0;
  std::string pending;
  nlohmann::json done;
  while (!parser.is_done()) {
    http::read_some(socket, buffer, parser);
    const std::string& body = parser.get().body();
    pending.append(body, used, std::string::npos);
    used = body.size();
    for (std::size_t nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
      const auto line = nlohmann::json::parse(pending.substr(0, nl));
      pending.erase(0, nl + 1);
      if (line["type"] == "update" && first < 0) first = since(start);
      if (line["type"] == "done") done = line;
    }
  }
  const double total = since(start);
  server.stop();
  if (done.is_null()) {
    std::fprintf(stderr, "serve_bench: the comparison did not finish\n");
    return 1;
  }
  std::printf(
      "{\"bench\":\"serve_what_if\",\"scenario\":\"%s\",\"threads\":%d,"
      "\"first_answer_seconds\":%.3f,\"final_answer_seconds\":%.3f,\"replications\":%d,"
      "\"stopped_by\":\"%s\",\"precision\":%.3g}\n",
      path.c_str(), settings.threads, first, total, done["result"]["replications"].get<int>(),
      done["reason"].get<std::string>().c_str(), cmhsim::serve::CompareRequest{}.precision);
  return 0;
}
