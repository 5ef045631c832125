// Tests the summary JSON: exact text for a small case, and values parsed back with yaml-cpp.
// Knows nothing of HDF5.
#include "io/summary_json.hpp"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "io/atomic_file.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {

TEST_CASE("summary json has the documented shape", "[json]") {
  experiment::RunResults r;
  r.provenance.replications = 5;
  r.provenance.seed = 42;
  experiment::ServiceSummary s;
  s.name = "gp";
  for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
    s.metrics[m] = engine::Estimate{static_cast<double>(m) + 0.5, static_cast<double>(m),
                                    static_cast<double>(m) + 1.0, 5};
  }
  s.metrics[5] = engine::Estimate{0.0, std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::quiet_NaN(), 1};
  r.summary.push_back(s);
  CHECK(summary_json(r) == R"({"services":{"gp":{)"
                           R"("mean_wait":{"mean":0.5,"ci95":[0.0,1.0]},)"
                           R"("mean_in_queue":{"mean":1.5,"ci95":[1.0,2.0]},)"
                           R"("mean_in_system":{"mean":2.5,"ci95":[2.0,3.0]},)"
                           R"("utilisation":{"mean":3.5,"ci95":[3.0,4.0]},)"
                           R"("throughput_per_day":{"mean":4.5,"ci95":[4.0,5.0]},)"
                           R"("blocked_fraction":{"mean":0.0,"ci95":[null,null]},)"
                           R"("reneged_fraction":{"mean":6.5,"ci95":[6.0,7.0]}}},)"
                           R"("metrics":{},"replications":5,"seed":42})");
}

TEST_CASE("summary json lists every model metric by name", "[json]") {
  const experiment::RunResults r = sample_pathway_results();
  const std::string text = summary_json(r);
  CHECK(text.find(R"("metrics":{"crises_per_1000_per_year":{"mean":1.5,"ci95":[1.0,2.0]},)"
                  R"("crises_per_1000_per_year.by_network.formal_sparse":{"mean":0.3,)"
                  R"("ci95":[null,null]}},"replications":3,)") != std::string::npos);
  const YAML::Node doc = YAML::Load(text);
  CHECK(doc["services"]["cmht"]["utilisation"]["mean"]);
  REQUIRE(doc["metrics"].size() == 2);
  CHECK(doc["metrics"]["crises_per_1000_per_year"]["ci95"][1].as<double>() == 2.0);
}

TEST_CASE("summary json parses back to the same values", "[json]") {
  const experiment::RunResults r = sample_results();
  const YAML::Node doc = YAML::Load(summary_json(r));
  REQUIRE(doc.IsMap());
  CHECK(doc["replications"].as<std::uint64_t>() == 3);
  CHECK(doc["seed"].as<std::uint64_t>() == 18446744073709551557ULL);

  const YAML::Node services = doc["services"];
  REQUIRE(services.IsMap());
  REQUIRE(services.size() == 2);
  std::vector<std::string> order;
  for (const auto& kv : services) order.push_back(kv.first.as<std::string>());
  CHECK(order == std::vector<std::string>{"triage", "cmht"});

  for (const auto& summary : r.summary) {
    INFO(summary.name);
    const YAML::Node service = services[summary.name];
    REQUIRE(service.IsMap());
    CHECK(service.size() == model::kServiceMetricCount);
    for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
      INFO(model::kServiceMetrics[m].name);
      const engine::Estimate& e = summary.metrics[m];
      const YAML::Node node = service[model::kServiceMetrics[m].name];
      REQUIRE(node.IsMap());
      CHECK(bits(node["mean"].as<double>()) == bits(e.mean));
      const YAML::Node ci = node["ci95"];
      REQUIRE(ci.IsSequence());
      REQUIRE(ci.size() == 2);
      if (std::isfinite(e.lo)) {
        CHECK(bits(ci[0].as<double>()) == bits(e.lo));
        CHECK(bits(ci[1].as<double>()) == bits(e.hi));
      } else {
        CHECK(ci[0].IsNull());
        CHECK(ci[1].IsNull());
      }
    }
  }
}

TEST_CASE("summary json file holds the summary and a newline", "[json]") {
  const TempDir dir;
  const std::string path = dir.file("summary.json");
  write_file_atomically(path, "stale");
  write_summary_json(sample_results(), path);
  CHECK(read_bytes(path) == summary_json(sample_results()) + "\n");
  CHECK(dir.entries() == std::set<std::string>{"summary.json"});
}

}  // namespace cmhsim::io::test
