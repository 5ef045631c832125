// Tests the server's API over HTTP on a loopback port: the lever list, a streamed comparison
// equal bit for bit to `cmhsim compare --set`, downloads, cancellation by a newer request.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli_support.hpp"
#include "h5_compare.hpp"
#include "http_client.hpp"
#include "io/hdf5_reader.hpp"
#include "scenario/parameter_table.hpp"
#include "serve_support.hpp"

namespace cmhsim::serve::test {
namespace {

using Json = nlohmann::json;

/// Returns every line of a comparison's stream, parsed.
std::vector<Json> compare_lines(unsigned short port, const std::string& body, int* status) {
  std::vector<Json> lines;
  *status =
      stream_lines(port, body, [&](const std::string& l) { lines.push_back(Json::parse(l)); });
  return lines;
}

}  // namespace

TEST_CASE("levers list the chosen keys with unit, ranges, source and each baseline's value",
          "[serve]") {
  const auto dir = scratch("levers");
  const std::string a = write_file(dir / "a.yaml", small_pathway("a"));
  const std::string b =
      write_file(dir / "b.yaml", small_pathway("b") + "care_partners:\n  fte: 3\n");
  const TestServer server({a, b});
  const Reply r = request(server.port(), http::verb::get, "/api/levers");
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "application/json");
  const Json doc = Json::parse(r.body);
  std::vector<std::string> paths;
  for (const auto& l : doc["levers"]) paths.push_back(l["path"]);
  CHECK(paths == std::vector<std::string>{
                     "care_partners.fte", "supervision.supervisor_fte",
                     "supervision.hours_per_supervisor_fte_per_month",
                     "supervision.half_effect_hours_per_care_partner",
                     "policies.cmht_discharge_destination", "policies.proactive_coverage",
                     "policies.proactive_interval_days", "services.cmht_coordinators_fte",
                     "services.acute_beds_per_100k_adults", "services.crisis_team_slots"});
  const Json& fte = doc["levers"][0];
  CHECK(fte["unit"] == "FTE");
  CHECK(fte["kind"] == "number");
  // The bounds and range are the parameter table's.
  const auto& entry = scenario::parameter("care_partners.fte", scenario::Schema::Pathway);
  CHECK(fte["min"] == entry.bounds.lo);
  if (std::isfinite(entry.bounds.hi)) {
    CHECK(fte["max"] == entry.bounds.hi);
  } else {
    CHECK(fte["max"].is_null());
  }
  CHECK(fte["range"] == scenario::range_text(entry));
  CHECK(fte["plausible"] == Json::array({0.0, 30.0}));
  CHECK(fte["source"] == "n/a (policy lever)");
  CHECK(fte["values"]["a"] == "0");
  CHECK(fte["values"]["b"] == "3");
  const Json& destination = doc["levers"][4];
  CHECK(destination["kind"] == "choice");
  CHECK(destination["words"] == Json::array({"primary_care", "care_partner", "vcse"}));
  // Keys that decide who is simulated cannot be what-ifs; run settings are not levers.
  bool population = false;
  bool extra = false;
  for (const auto& k : doc["keys"]) {
    const std::string path = k["path"];
    population = population || path.rfind("population.", 0) == 0 || path == "seed";
    extra = extra || path == "services.vcse_places";
  }
  CHECK_FALSE(population);
  CHECK(extra);

  const Reply s = request(server.port(), http::verb::get, "/api/scenarios");
  REQUIRE(s.status == 200);
  const Json scenarios = Json::parse(s.body);
  CHECK(scenarios["scenarios"][1]["name"] == "b");
  CHECK(scenarios["scenarios"][1]["file"] == b);
  CHECK(scenarios["headline"][0] == "people_in_gap");
  const Reply page = request(server.port(), http::verb::get, "/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body.find("<html") != std::string::npos);
}

TEST_CASE("a streamed comparison ends equal to cmhsim compare --set bit for bit", "[serve]") {
  const auto dir = scratch("compare");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base"));
  const TestServer server({base});
  int status = 0;
  const auto lines =
      compare_lines(server.port(),
                    R"({"page": "p1", "baseline": "base", "set": {"care_partners.fte": 3,
          "supervision.supervisor_fte": 0.5, "policies.cmht_discharge_destination":
          "care_partner"}, "replications": 7, "precision": 0})",
                    &status);
  REQUIRE(status == 200);
  REQUIRE(lines.size() >= 3);
  CHECK(lines.front()["type"] == "started");
  CHECK(lines.front()["scenario"] == "base_what_if");
  // Partial answers arrive as replications finish, each with more than the last.
  std::uint64_t last = 0;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    REQUIRE(lines[i]["type"] == "update");
    const std::uint64_t reps = lines[i]["result"]["replications"];
    CHECK(reps > last);
    last = reps;
  }
  CHECK(lines.size() >= 4);  // 2 threads: batches of 2, 2, 2, 1 replications
  const Json& done = lines.back();
  REQUIRE(done["type"] == "done");
  CHECK(done["reason"] == "replications");
  CHECK(done["result"]["replications"] == 7);
  const std::string command = done["command"];
  CHECK(command == "cmhsim compare " + base +
                       " --set care_partners.fte=3 --set supervision.supervisor_fte=0.5 --set "
                       "policies.cmht_discharge_destination=care_partner --replications 7 "
                       "--seed 4");

  // The same comparison from the command line, as the page's command says.
  const std::string args = command.substr(std::string("cmhsim ").size()) + " -q -o " +
                           (dir / "cli.h5").string() + " --summary-json " +
                           (dir / "cli.json").string();
  const auto cli = cli_test::run_cmhsim(args, dir);
  REQUIRE(cli.code == 0);
  const Json cli_json = Json::parse(cli_test::slurp(dir / "cli.json"));
  for (const auto& row : done["result"]["headline"]) {
    const std::string name = row["name"];
    INFO(name);
    const Json& d = cli_json["differences"]["base_what_if"][name];
    CHECK(row["difference"]["mean"] == d["mean"]);
    CHECK(row["difference"]["ci95"] == d["ci95"]);
    CHECK(row["baseline"]["mean"] == cli_json["metrics"][name]["base"]["mean"]);
  }
  CHECK(done["result"]["headline"].size() == 10);

  // The downloaded HDF5 file holds the same numbers as the command line's, dataset by dataset.
  const Reply h5 = request(server.port(), http::verb::get, "/api/download?page=p1&what=hdf5");
  REQUIRE(h5.status == 200);
  CHECK(h5.disposition == "attachment; filename=\"base_what_if.h5\"");
  std::ofstream(dir / "served.h5", std::ios::binary) << h5.body;
  const auto served = cmhsim::test::read_all_datasets((dir / "served.h5").string());
  const auto expected = cmhsim::test::read_all_datasets((dir / "cli.h5").string());
  CHECK(served.size() == expected.size());
  for (const auto& [name, values] : expected) {
    INFO(name);
    REQUIRE(served.count(name));
    CHECK(served.at(name) == values);
  }
  const auto cmp = io::read_comparison_hdf5((dir / "served.h5").string());
  CHECK(cmp.replications == 7);

  const Reply yaml = request(server.port(), http::verb::get, "/api/download?page=p1&what=yaml");
  REQUIRE(yaml.status == 200);
  CHECK(yaml.body.find("care_partner") != std::string::npos);
  const auto reread = scenario::parse_scenario(yaml.body, "download.yaml");
  CHECK(reread.pathways->care_partners.fte == 3.0);
  const Reply csv = request(server.port(), http::verb::get, "/api/download?page=p1&what=csv");
  REQUIRE(csv.status == 200);
  CHECK(csv.body.rfind("scenario,baseline,outcome,unit,baseline_mean,", 0) == 0);
  CHECK(csv.body.find("\nbase_what_if,base,people_in_gap,people,") != std::string::npos);
  CHECK(request(server.port(), http::verb::get, "/api/download?page=other&what=csv").status == 404);
}

TEST_CASE("a comparison stops early once its headline differences are precise enough", "[serve]") {
  const auto dir = scratch("precision");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base"));
  const TestServer server({base});
  int status = 0;
  // Setting a key to its baseline value changes nothing: every difference is exactly zero.
  const auto lines = compare_lines(
      server.port(),
      R"({"page": "p", "baseline": "base", "set": {"services.acute_beds_per_100k_adults": 18}, "replications": 40})",
      &status);
  REQUIRE(status == 200);
  const Json& done = lines.back();
  REQUIRE(done["type"] == "done");
  CHECK(done["reason"] == "precision");
  CHECK(done["result"]["replications"] == 2);
  CHECK(done["result"]["headline"][0]["sentence"] ==
        "no difference in any replication (people in gap)");
}

TEST_CASE("a newer request from the same page cancels the older one", "[serve][cancel]") {
  const auto dir = scratch("cancel");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base", 2000));
  const TestServer server({base});
  const std::string slow =
      R"({"page": "p1", "baseline": "base", "set": {"care_partners.fte": 5}, "replications": 200,
          "precision": 0})";
  std::vector<Json> first;
  std::atomic<bool> updated{false};
  std::thread older([&] {
    stream_lines(server.port(), slow, [&](const std::string& l) {
      first.push_back(Json::parse(l));
      if (first.back()["type"] == "update") updated = true;
    });
  });
  for (int i = 0; i < 6000 && !updated; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(updated);
  int status = 0;
  const auto newer = compare_lines(
      server.port(),
      R"({"page": "p1", "baseline": "base", "set": {"care_partners.fte": 6}, "replications": 2})",
      &status);
  older.join();
  REQUIRE(status == 200);
  CHECK(newer.back()["type"] == "done");
  CHECK(newer.back()["result"]["replications"] == 2);
  REQUIRE_FALSE(first.empty());
  CHECK(first.back()["type"] == "cancelled");
  const std::uint64_t reached = first[first.size() - 2]["result"]["replications"];
  CHECK(reached < 200);
}

TEST_CASE("a lever outside its valid range gets the message --set gives and no run",
          "[serve][bad-input]") {
  const auto dir = scratch("range");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base"));
  const TestServer server({base});
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"care_partners.fte", "-2"},
           {"policies.proactive_coverage", "1.5"},
           {"policies.cmht_discharge_destination", "\"nowhere\""},
           {"care_partners.ftee", "3"}}) {
    INFO(key);
    const Reply r =
        request(server.port(), http::verb::post, "/api/compare",
                R"({"page": "p", "baseline": "base", "set": {")" + key + "\": " + value + "}}");
    CHECK(r.status == 422);
    const std::string shown = value.front() == '"' ? value.substr(1, value.size() - 2) : value;
    const auto cli = cli_test::run_cmhsim("compare " + base + " --set " + key + "=" + shown, dir);
    CHECK(cli.code == 2);
    CHECK(Json::parse(r.body)["error"].get<std::string>() + "\n" == cli.err);
  }
}

TEST_CASE("serve refuses a bad address or a network baseline with exit code 2", "[serve][cli]") {
  const auto dir = scratch("refuse");
  auto r = cli_test::run_cmhsim("serve --bind nonsense --port 0", dir);
  CHECK(r.code == 2);
  CHECK(r.err == "cmhsim: serve: --bind nonsense: not an IP address\n");
  r = cli_test::run_cmhsim("serve scenarios/example_network.yaml --port 0", dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("is a queueing-network scenario; serve offers pathway scenarios") !=
        std::string::npos);
  r = cli_test::run_cmhsim("serve --help", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("--bind") != std::string::npos);
}

}  // namespace cmhsim::serve::test
