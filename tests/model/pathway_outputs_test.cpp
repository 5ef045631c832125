// Tests of the pathway output definitions: the result tables follow them, every name is unique,
// and docs/outputs.md carries exactly the tables generated from them. Knows the model API only.
#include "model/pathway_outputs.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "../source_text.hpp"
#include "model/pathway_model.hpp"

namespace cmhsim::model {
namespace {

const std::string kOutputsDoc = CMHSIM_SOURCE_DIR "/docs/outputs.md";

using test_text::generated_part;
using test_text::read_text;

}  // namespace

TEST_CASE("docs/outputs.md carries the tables generated from the output definitions",
          "[pathway][outputs]") {
  INFO(
      "docs/outputs.md is out of date: replace each GENERATED part with the same part of the "
      "output of `cmhsim params --outputs` (`cmake --build --preset release --target docs` "
      "rewrites every generated part of docs/)");
  const std::string docs = read_text(kOutputsDoc);
  const auto parts = pathway::render_output_doc_parts();
  REQUIRE(parts.size() == 4);
  for (const auto& part : parts) {
    INFO(part.name);
    CHECK(generated_part(docs, part.name) == part.markdown);
  }
}

TEST_CASE("the result tables list the definitions in order", "[pathway][outputs]") {
  const auto& series = PathwayModel::series_infos();
  const auto series_defs = pathway::series_defs();
  REQUIRE(series.size() == series_defs.size());
  for (std::size_t i = 0; i < series.size(); ++i) {
    CHECK(series[i].name == series_defs[i].name);
    CHECK(series[i].unit == series_defs[i].unit);
    CHECK(series[i].description == series_defs[i].description);
  }
  const auto& metrics = PathwayModel::metric_infos();
  REQUIRE(metrics.size() == pathway::kMetricCount);
  const auto headline = pathway::headline_defs();
  for (std::size_t i = 0; i < headline.size(); ++i) CHECK(metrics[i].name == headline[i].name);
  CHECK(metrics[pathway::kMCostPerPersonYear].name == "cost_per_person_per_year");
  CHECK(metrics[pathway::kMCostPerPersonYear].unit == "GBP/person-year");
  const std::size_t k = pathway::equity_index(pathway::kEqCarePartnerContacts,
                                              pathway::diagnosis_group(Diagnosis::Bipolar));
  CHECK(metrics[k].name == "care_partner_contacts_per_person.by_diagnosis.bipolar");
  CHECK(metrics[k].unit == "contacts/person");
  CHECK(metrics[94].name == "qalys_per_person");
  CHECK(metrics[pathway::kMDiscountedCostPerPerson].name == "discounted_cost_per_person");
  CHECK(metrics.back().name == "people_observed");
  CHECK(series[pathway::setting_series(Setting::Inpatient)].name == "people_inpatient");
  CHECK(series[pathway::cost_series(pathway::kCostVcse)].name == "cost_vcse");
  CHECK(series.back().name == "cost_vcse");
}

TEST_CASE("every output has a unique name, a unit and a definition", "[pathway][outputs]") {
  for (const auto* table : {&PathwayModel::series_infos(), &PathwayModel::metric_infos()}) {
    std::set<std::string> names;
    for (const OutputInfo& info : *table) {
      INFO(info.name);
      CHECK(names.insert(info.name).second);
      CHECK_FALSE(info.unit.empty());
      CHECK_FALSE(info.description.empty());
    }
  }
}

TEST_CASE("the generated docs list every output with its unit", "[pathway][outputs]") {
  const std::string md = pathway::render_outputs_markdown();
  for (const pathway::OutputDef& d : pathway::series_defs()) {
    INFO(d.name);
    CHECK(md.find("| " + std::to_string(d.index) + " | `" + std::string(d.name) + "` | " +
                  std::string(d.unit) + " | " + std::string(d.description)) != std::string::npos);
  }
  for (const pathway::OutputDef& d : pathway::headline_defs()) {
    INFO(d.name);
    CHECK(md.find("| " + std::to_string(d.index) + " | `" + std::string(d.name) + "` | ") !=
          std::string::npos);
  }
  CHECK(md.find("37 series") != std::string::npos);
  CHECK(md.find("50 headline metrics followed by 4 × 11 = 44 equity breakdowns and 3 "
                "health-economic metrics, 97 in all") != std::string::npos);
  for (const pathway::OutputDef& d : pathway::economic_defs()) {
    INFO(d.name);
    CHECK(md.find("| " + std::to_string(d.index) + " | `" + std::string(d.name) + "` | ") !=
          std::string::npos);
  }
  CHECK(md.find("Metric indices: `50 + 11 × k + g`") != std::string::npos);
}

}  // namespace cmhsim::model
