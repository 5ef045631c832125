// Tests the parsing of comparison requests and the pieces of a what-if: the `--set` arguments
// a request becomes, its refusals, the nesting check, shell quoting of the command.
#include "serve/compare_request.hpp"

#include <catch2/catch.hpp>

#include "serve/serve_error.hpp"
#include "serve/what_if.hpp"
#include "serve_support.hpp"

namespace cmhsim::serve::test {
namespace {

std::string refusal(const std::string& body) {
  try {
    parse_compare_request(body, RequestLimits{});
  } catch (const RequestError& e) {
    CHECK(e.status() == 400);
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a request becomes --set arguments in the order given", "[serve][request]") {
  const CompareRequest r = parse_compare_request(
      R"({"page": "p-1_x", "baseline": "b", "set": {"z.b": 40, "a.c": 0.1, "m.n": "care_partner",
          "d.e": 1e-7, "f.g": -3}, "replications": 12, "precision": 0.05})",
      RequestLimits{});
  CHECK(r.page == "p-1_x");
  CHECK(r.baseline == "b");
  CHECK(r.set ==
        std::vector<std::string>{"z.b=40", "a.c=0.1", "m.n=care_partner", "d.e=1e-07", "f.g=-3"});
  CHECK(r.replications == 12);
  CHECK(r.precision == 0.05);
  const CompareRequest d =
      parse_compare_request(R"({"page": "p", "baseline": "b", "set": {}})", RequestLimits{});
  CHECK(d.replications == 0);
  CHECK(d.precision == 0.05);
}

TEST_CASE("requests with unknown keys, wrong types or values out of limits are refused",
          "[serve][request][bad-input]") {
  CHECK(refusal("{") == "the request body is not valid JSON");
  CHECK(refusal("[1]") == "the request must be a JSON object");
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {}, "file": "x"})") ==
        "unknown key 'file'; a request has page, baseline, set, replications and precision");
  CHECK(refusal(R"({"baseline": "b", "set": {}})") == "'page' is missing");
  CHECK(refusal(R"({"page": "a/b", "baseline": "b", "set": {}})") ==
        "'page' must be 1 to 64 letters, digits, '-' or '_'");
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {"k.x": true}})") ==
        "'set.k.x' must be a number or a string");
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {"k.x": 1e400}})") ==
        "the request body is not valid JSON");
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {}, "replications": 201})") ==
        "'replications' must be a whole number from 2 to 200");
  CHECK(
      refusal(R"({"page": "p", "baseline": "b", "set": {}, "replications": 18446744073709551616})")
          .find("'replications'") != std::string::npos);
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {}, "precision": -1})") ==
        "'precision' must be a number from 0 to 1");
  CHECK(refusal(R"({"page": "p", "baseline": "b", "set": {"a.b": [[[[[[[[[1]]]]]]]]]}})") ==
        "the request is nested too deeply");
}

TEST_CASE("nesting depth counts brackets outside strings only", "[serve][request]") {
  CHECK(json_depth("{}") == 1);
  CHECK(json_depth(R"({"a": [[1], {"b": 2}]})") == 3);
  CHECK(json_depth(R"({"a": "[[[[\"[[["})") == 1);
  CHECK(json_depth("") == 0);
}

TEST_CASE("the reproducing command quotes what a shell would split", "[serve][request]") {
  CHECK(shell_quote("care_partners.fte=40") == "care_partners.fte=40");
  CHECK(shell_quote("a b") == "'a b'");
  CHECK(shell_quote("{dist: gamma, shape: 2}") == "'{dist: gamma, shape: 2}'");
  CHECK(shell_quote("it's") == "'it'\\''s'");
  CHECK(shell_quote("") == "''");
  const auto dir = scratch("command");
  const std::string file = write_file(dir / "my base.yaml", small_pathway("base"));
  const Baseline base{file, scenario::load_scenario_file(file)};
  WhatIf w = make_what_if(
      base, scenario::parse_set_options({"care_partners.fte=3",
                                         "services.length_of_stay_days={dist: gamma, shape: 2, "
                                         "scale: 15}"}));
  w.set_run(4, 9);
  CHECK(w.changed.name == "base_what_if");
  CHECK(w.command() == "cmhsim compare '" + file +
                           "' --set care_partners.fte=3 --set 'services.length_of_stay_days={dist: "
                           "gamma, shape: 2, scale: 15}' --replications 9 --seed 4");
}

}  // namespace cmhsim::serve::test
