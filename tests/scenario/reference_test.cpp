// Tests that the parameter table is well formed and that docs/scenario-reference.md carries
// exactly the reference generated from it. Knows the scenario API and the table.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim::scenario;

namespace {

const std::string kDocs = CMHSIM_SOURCE_DIR "/docs/scenario-reference.md";
const std::string kBegin = "<!-- BEGIN GENERATED -->\n";
const std::string kEnd = "<!-- END GENERATED -->";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("docs generated section equals render_reference_markdown", "[reference]") {
  const std::string docs = read_text(kDocs);
  const auto begin = docs.find(kBegin);
  const auto end = docs.find(kEnd);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  REQUIRE(begin < end);
  const std::string section = docs.substr(begin + kBegin.size(), end - begin - kBegin.size());
  INFO(
      "docs/scenario-reference.md is out of date: replace the text between the markers with the "
      "output of `cmhsim params --markdown`");
  CHECK(section == render_reference_markdown());
}

TEST_CASE("reference lists every key and every distribution family", "[reference]") {
  const std::string md = render_reference_markdown();
  for (const Parameter& p : parameters()) {
    INFO(p.path);
    CHECK(md.find("| `" + std::string(p.path) + "` |") != std::string::npos);
  }
  for (const DistributionFamily& f : distribution_families()) {
    INFO(f.name);
    CHECK(md.find("| `" + std::string(f.name) + "` |") != std::string::npos);
  }
}

TEST_CASE("every table entry has a parent, a description and a source", "[reference]") {
  for (const Parameter& p : parameters()) {
    INFO(p.path);
    const auto dot = p.path.rfind('.');
    if (dot != std::string_view::npos) CHECK_NOTHROW(parameter(p.path.substr(0, dot)));
    CHECK_FALSE(p.description.empty());
    CHECK_FALSE(p.source.empty());
    CHECK((p.required ? p.default_value.empty() : true));
  }
}

TEST_CASE("container entries declare the children the loader walks", "[reference]") {
  for (const Parameter& p : parameters()) {
    INFO(p.path);
    if (p.kind == ValueKind::NamedEntries) {
      REQUIRE(children(p.path).size() == 1);
      CHECK(children(p.path).front()->key().front() == '<');
    }
    if (p.kind == ValueKind::Sequence) CHECK_NOTHROW(parameter(std::string(p.path) + "[]"));
    if (p.kind == ValueKind::Mapping) CHECK_FALSE(children(p.path).empty());
  }
  CHECK(children("").size() == 8);
}

TEST_CASE("complete example in the docs loads", "[reference]") {
  const std::string docs = read_text(kDocs);
  const std::string fence = "```yaml\n";
  const auto start = docs.find(fence);
  REQUIRE(start != std::string::npos);
  const auto stop = docs.find("```", start + fence.size());
  REQUIRE(stop != std::string::npos);
  const std::string example = docs.substr(start + fence.size(), stop - start - fence.size());
  const Scenario s = parse_scenario(example, "docs/scenario-reference.md");
  CHECK(s.network.services.size() >= 2);
  CHECK_FALSE(s.network.arrivals.empty());
}
