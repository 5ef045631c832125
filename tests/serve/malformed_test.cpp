// Tests that malformed requests get 4xx and the server keeps serving: bad JSON, wrong types,
// huge numbers, unknown keys, oversized, truncated and slow requests, then a normal comparison.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "http_client.hpp"
#include "serve_support.hpp"

namespace cmhsim::serve::test {
namespace {

using Json = nlohmann::json;

/// Returns bodies that are not a valid comparison request, each for a different reason.
std::vector<std::string> bad_bodies() {
  const std::string ok_start = R"({"page": "p", "baseline": "base", )";
  std::vector<std::string> out{
      "",
      "{",
      "}",
      "[]",
      "null",
      "42",
      "\"text\"",
      "{\"page\": }",
      "{'page': 'p'}",
      "{\"page\": \"p\",}",
      "\xff\xfe{}",
      std::string("{\"page\": \"p\0\"}", 14),
      R"({"page": "p"})",
      R"({"baseline": "base", "set": {}})",
      R"({"page": "p", "set": {"care_partners.fte": 1}})",
      R"({"page": "p", "baseline": "base"})",
      R"({"page": 7, "baseline": "base", "set": {}})",
      R"({"page": "", "baseline": "base", "set": {}})",
      R"({"page": "has space", "baseline": "base", "set": {}})",
      R"({"page": "../../etc/passwd", "baseline": "base", "set": {}})",
      R"({"page": ["p"], "baseline": "base", "set": {}})",
      ok_start + R"("set": []})",
      ok_start + R"("set": "care_partners.fte=3"})",
      ok_start + R"("set": {"care_partners.fte": [3]}})",
      ok_start + R"("set": {"care_partners.fte": {"x": 3}}})",
      ok_start + R"("set": {"care_partners.fte": true}})",
      ok_start + R"("set": {"care_partners.fte": null}})",
      ok_start + R"("set": {"care_partners.fte": 1e999}})",
      ok_start + R"("set": {"care_partners.fte": -1e999}})",
      ok_start + R"("set": {"care_partners.fte": "3\n4"}})",
      ok_start + R"("set": {"": 3}})",
      ok_start + R"("set": {"care_partners.fte": ""}})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": 1})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": 0})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": -5})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": 2.5})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": "10"})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": 1000000000000})",
      ok_start + R"("set": {"care_partners.fte": 3}, "replications": 99999999999999999999999})",
      ok_start + R"("set": {"care_partners.fte": 3}, "precision": -0.1})",
      ok_start + R"("set": {"care_partners.fte": 3}, "precision": 2})",
      ok_start + R"("set": {"care_partners.fte": 3}, "precision": "tight"})",
      ok_start + R"("set": {"care_partners.fte": 3}, "seed": 1})",
      ok_start + R"("set": {"care_partners.fte": 3}, "file": "/etc/passwd"})",
      ok_start + R"("set": {"care_partners.fte": 3}, "path": "scenarios/x.yaml"})",
      ok_start + R"("set": {"care_partners.fte": 3}, "threads": 64})",
      R"({"page": "p", "baseline": "nope", "set": {"care_partners.fte": 3}})",
      R"({"page": "p", "baseline": "/etc/passwd", "set": {"care_partners.fte": 3}})",
      ok_start + R"("set": {}})",
      ok_start + R"("set": {"population.register_size": 600}})",
      ok_start + R"("set": {"seed": 5}})",
      ok_start + R"("set": {"care_partners.fte": -1}})",
      ok_start + R"("set": {"care_partners": 3}})",
      ok_start + R"("set": {"care_partners.fte=3": 1}})",
      ok_start + R"("set": {"care partners.fte": 1}})",
      ok_start + R"("set": {".fte": 1}})",
      ok_start + R"("set": {"care_partners..fte": 1}})",
      ok_start + R"("set": {"policies.cmht_discharge_destination": 3}})",
      ok_start + R"("set": {"services.acute_beds_per_100k_adults": "[1, 2"}})",
      ok_start + R"("set": {"services.length_of_stay_days": "{dist: gamma, shape: -1}"}})",
      std::string(70, '[') + std::string(70, ']'),
      ok_start + R"("set": {"care_partners.fte": 3}, "x": )" + std::string(40, '[') +
          std::string(40, ']') + "}",
      ok_start + R"("set": {")" + std::string(300, 'a') + R"(": 1}})",
  };
  // Many keys, and every key of the request with a value of each wrong type.
  std::string many = ok_start + R"("set": {)";
  for (int i = 0; i < 70; ++i)
    many += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\": 1";
  out.push_back(many + "}}");
  for (const char* key : {"page", "baseline", "set", "replications", "precision"}) {
    for (const char* value : {"null", "true", "[]", "{}", "\"\"", "-1", "1.5e308", "\"x\""}) {
      Json doc = {{"page", "p"}, {"baseline", "base"}, {"set", {{"care_partners.fte", 3}}}};
      doc[key] = Json::parse(value);
      const std::string text = doc.dump();
      // Skip the combinations that happen to be valid.
      if (std::string(key) == "set" && std::string(value) == "{}") continue;
      if (std::string(key) == "baseline" && std::string(value) == "\"x\"") {
        out.push_back(text);
        continue;
      }
      if (std::string(key) == "page" && std::string(value) == "\"x\"") continue;
      out.push_back(text);
    }
  }
  // Random bytes: deterministic, so a failure can be repeated.
  std::uint32_t state = 12345;
  for (int i = 0; i < 90; ++i) {
    std::string noise;
    for (int j = 0; j < 1 + (i * 7) % 90; ++j) {
      state = state * 1664525u + 1013904223u;
      noise += static_cast<char>(state >> 24);
    }
    out.push_back(noise);
  }
  return out;
}

/// Returns raw HTTP requests that break the protocol or its limits.
std::vector<std::string> bad_http() {
  const std::string head =
      "POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\nConnection: close\r\n";
  return {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + std::string(20000, 'x') + "\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
      head + "Content-Length: 100000\r\n\r\n" + std::string(100000, ' '),
      head + "Content-Length: 99999999999999999999\r\n\r\n{}",
      head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
      head + "Content-Length: 10\r\nContent-Length: 12\r\n\r\n{}",
  };
}

}  // namespace

TEST_CASE("at least 200 malformed requests get 4xx and a comparison still works afterwards",
          "[serve][bad-input]") {
  const auto dir = scratch("malformed");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base"));
  ServeSettings settings;
  settings.read_timeout = std::chrono::milliseconds(400);
  const TestServer server({base}, settings);
  const unsigned short port = server.port();
  int count = 0;

  for (const std::string& body : bad_bodies()) {
    INFO("body: " << body.substr(0, 200));
    const Reply r = request(port, http::verb::post, "/api/compare", body);
    CHECK(r.status >= 400);
    CHECK(r.status < 500);
    CHECK(Json::parse(r.body).contains("error"));
    ++count;
  }
  for (const std::string& bytes : bad_http()) {
    INFO("request: " << bytes.substr(0, 120));
    const int status = raw_status(raw(port, bytes, false));
    CHECK(status >= 400);
    CHECK(status < 500);
    ++count;
  }
  // Wrong methods, paths, content types, downloads; a body announced but cut short.
  CHECK(request(port, http::verb::get, "/api/compare").status == 405);
  CHECK(request(port, http::verb::post, "/api/levers", "{}").status == 405);
  CHECK(request(port, http::verb::delete_, "/").status == 405);
  CHECK(request(port, http::verb::get, "/etc/passwd").status == 404);
  CHECK(request(port, http::verb::get, "/../../etc/passwd").status == 404);
  CHECK(request(port, http::verb::get, "/api/download?page=p&what=../../x").status == 404);
  CHECK(request(port, http::verb::get, "/api/download?page=../x&what=yaml").status == 400);
  CHECK(request(port, http::verb::post, "/api/compare", "{}", "text/plain").status == 415);
  count += 8;
  for (int i = 0; i < 8; ++i) {
    const std::string bytes =
        "POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json\r\nContent-Length: 80\r\n\r\n{\"page\": \"p\"" +
        std::string(static_cast<std::size_t>(i), ' ');
    CHECK(raw_status(raw(port, bytes, true)) == 400);
    ++count;
  }
  // Slow clients: part of a request, then nothing; the server answers 408 and moves on.
  for (const std::string& part :
       {std::string("GET / HT"), std::string("POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                             "Content-Length: 50\r\n\r\n{\"pa")}) {
    CHECK(raw_status(raw(port, part, false)) == 408);
    ++count;
  }
  CHECK(count >= 200);

  int status = 0;
  std::vector<Json> lines;
  status = stream_lines(
      port,
      R"({"page": "p", "baseline": "base", "set": {"care_partners.fte": 3}, "replications": 4})",
      [&](const std::string& l) { lines.push_back(Json::parse(l)); });
  REQUIRE(status == 200);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back()["type"] == "done");
  CHECK(lines.back()["result"]["replications"] == 4);
}

TEST_CASE("too many comparisons at once are refused with 429", "[serve][bad-input]") {
  const auto dir = scratch("cap");
  const std::string base = write_file(dir / "base.yaml", small_pathway("base", 2000));
  ServeSettings settings;
  settings.max_running = 1;
  const TestServer server({base}, settings);
  std::atomic<bool> started{false};
  std::thread first([&] {
    stream_lines(server.port(),
                 R"({"page": "a", "baseline": "base", "set": {"care_partners.fte": 3},
                     "replications": 12, "precision": 0})",
                 [&](const std::string&) { started = true; });
  });
  for (int i = 0; i < 6000 && !started; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const Reply r = request(server.port(), http::verb::post, "/api/compare",
                          R"({"page": "b", "baseline": "base", "set": {"care_partners.fte": 4}})");
  first.join();
  CHECK(r.status == 429);
}

}  // namespace cmhsim::serve::test
