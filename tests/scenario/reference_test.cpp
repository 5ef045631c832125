// Tests that the parameter table is well formed and that docs/scenario-reference.md and
// docs/parameters.md carry exactly the text generated from it. Knows the scenario API and table.
#include <catch2/catch.hpp>
#include <string>

#include "../source_text.hpp"
#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

using namespace cmhsim::scenario;

namespace {

const std::string kReference = CMHSIM_SOURCE_DIR "/docs/scenario-reference.md";
const std::string kParameters = CMHSIM_SOURCE_DIR "/docs/parameters.md";
using cmhsim::test_text::generated_part;
using cmhsim::test_text::read_text;

/// Returns the generated part of the document at `path`.
std::string generated_section(const std::string& path) { return generated_part(read_text(path)); }

/// Returns the n-th (0-based) ```yaml block of `docs`.
std::string yaml_block(const std::string& docs, int n) {
  const std::string fence = "```yaml\n";
  std::size_t start = std::string::npos;
  std::size_t from = 0;
  for (int i = 0; i <= n; ++i) {
    start = docs.find(fence, from);
    REQUIRE(start != std::string::npos);
    from = start + fence.size();
  }
  const auto stop = docs.find("```", from);
  REQUIRE(stop != std::string::npos);
  return docs.substr(from, stop - from);
}

Schema lookup_schema(const Parameter& p) {
  return p.schema == Schema::Common ? Schema::Network : p.schema;
}

}  // namespace

TEST_CASE("docs generated section equals render_reference_markdown", "[reference]") {
  INFO(
      "docs/scenario-reference.md is out of date: replace the text between the markers with the "
      "output of `cmhsim params --markdown` (`cmake --build --preset release --target docs` "
      "rewrites every generated part of docs/)");
  CHECK(generated_section(kReference) == render_reference_markdown());
}

TEST_CASE("parameters docs generated section equals render_parameters_markdown", "[reference]") {
  INFO(
      "docs/parameters.md is out of date: replace the text between the markers with the output "
      "of `cmhsim params --model` (`cmake --build --preset release --target docs` rewrites "
      "every generated part of docs/)");
  CHECK(generated_section(kParameters) == render_parameters_markdown());
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

TEST_CASE("parameters docs list every pathway value with its plausible range", "[reference]") {
  const std::string md = render_parameters_markdown();
  for (const Parameter& p : parameters()) {
    if (p.schema != Schema::Pathway || p.kind == ValueKind::Mapping ||
        p.kind == ValueKind::Categories || p.path == "horizon_days") {
      continue;
    }
    INFO(p.path);
    const std::string row = "| `" + std::string(p.path) + "` | " + std::string(p.description);
    CHECK(md.find(row) != std::string::npos);
    if (p.plausible.known()) CHECK(md.find(plausible_text(p)) != std::string::npos);
  }
  CHECK(md.find("| `care_partners.caseload_per_fte` | Caseload cap per FTE. | people per FTE | "
                "30 | 20–40 |") != std::string::npos);
  CHECK(md.find("| `services.length_of_stay_days` |") != std::string::npos);
  CHECK(md.find("| mean 30–45 | NHS Benchmarking 2023") != std::string::npos);
}

TEST_CASE("every table entry has a parent, a description and a source", "[reference]") {
  for (const Parameter& p : parameters()) {
    INFO(p.path);
    const auto dot = p.path.rfind('.');
    if (dot != std::string_view::npos) {
      CHECK_NOTHROW(parameter(p.path.substr(0, dot), lookup_schema(p)));
    }
    CHECK_FALSE(p.description.empty());
    CHECK_FALSE(p.source.empty());
    CHECK((p.required ? p.default_value.empty() : true));
  }
}

TEST_CASE("container entries declare the children the loader walks", "[reference]") {
  for (const Parameter& p : parameters()) {
    INFO(p.path);
    const Schema schema = lookup_schema(p);
    if (p.kind == ValueKind::NamedEntries) {
      REQUIRE(children(p.path, schema).size() == 1);
      CHECK(children(p.path, schema).front()->key().front() == '<');
    }
    if (p.kind == ValueKind::Sequence) CHECK_NOTHROW(parameter(std::string(p.path) + "[]", schema));
    if (p.kind == ValueKind::Mapping || p.kind == ValueKind::Categories) {
      CHECK_FALSE(children(p.path, schema).empty());
    }
  }
  CHECK(children("", Schema::Network).size() == 9);
  CHECK(children("", Schema::Pathway).size() == 18);
  CHECK(pathway_sections().size() == 11);
  CHECK(children("population.ethnicity_shares", Schema::Pathway).size() == 5);
  CHECK(children("mortality.natural_excess_by_diagnosis", Schema::Pathway).size() == 3);
  CHECK(children("mortality.cardiovascular_ratio", Schema::Pathway).size() == 3);
}

TEST_CASE("each path names one entry per kind of scenario", "[reference]") {
  for (const Parameter& a : parameters()) {
    for (const Parameter& b : parameters()) {
      if (&a == &b || a.path != b.path) continue;
      INFO(a.path);
      CHECK(a.schema != Schema::Common);
      CHECK(b.schema != Schema::Common);
      CHECK(a.schema != b.schema);
    }
  }
  CHECK(parameter("services", Schema::Network).kind == ValueKind::NamedEntries);
  CHECK(parameter("services", Schema::Pathway).kind == ValueKind::Mapping);
}

TEST_CASE("complete network example in the docs loads", "[reference]") {
  const std::string example = yaml_block(read_text(kReference), 0);
  const Scenario s = parse_scenario(example, "docs/scenario-reference.md");
  CHECK_FALSE(s.pathways.has_value());
  CHECK(s.network.services.size() >= 2);
  CHECK_FALSE(s.network.arrivals.empty());
}

TEST_CASE("pathway example in the docs loads as a pathway scenario", "[reference]") {
  const std::string example = yaml_block(read_text(kReference), 1);
  const Scenario s = parse_scenario(example, "docs/scenario-reference.md");
  REQUIRE(s.pathways.has_value());
  CHECK(s.pathways->care_partners.fte > 0.0);
  CHECK(s.network.services.empty());
}

TEST_CASE("reference lists every sweep-file key", "[reference]") {
  const std::string md = render_reference_markdown();
  for (const Parameter& p : sweep_parameters()) {
    INFO(p.path);
    CHECK(md.find("| `" + std::string(p.path) + "` |") != std::string::npos);
  }
  CHECK(sweep_children("").size() == 9);
  CHECK(sweep_children("axes.<key path>").size() == 3);
}
