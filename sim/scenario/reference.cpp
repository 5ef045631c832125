// Generation of the scenario reference (Markdown) from the parameter table, so docs cannot drift.
// Knows the table and Markdown; knows nothing of YAML or of loading.
#include <sstream>

#include "scenario/parameter_table.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::scenario {
namespace {

std::string cell(std::string_view text) { return text.empty() ? "—" : std::string(text); }

std::string code(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.append(1, '`').append(text).append(1, '`');
  return out;
}

std::string default_cell(const Parameter& p) {
  if (p.required) return "required";
  return cell(p.default_value);
}

}  // namespace

std::string render_reference_markdown() {
  std::ostringstream md;
  md << "### Keys\n\n"
     << "`<name>` and `<target>` stand for names you choose; `[]` stands for each item of a "
        "list. Keys not listed here are errors.\n\n"
     << "| Key | Type | Unit | Default | Range | Description | Source |\n"
     << "|---|---|---|---|---|---|---|\n";
  for (const Parameter& p : parameters()) {
    md << "| " << code(p.path) << " | " << type_text(p) << " | " << cell(p.unit) << " | "
       << default_cell(p) << " | " << cell(range_text(p)) << " | " << p.description << " | "
       << p.source << " |\n";
  }

  const Parameter& dist = distribution_selector();
  md << "\n### Distributions\n\n"
     << "A distribution is a mapping whose `dist` key names the family (" << range_text(dist)
     << ") and whose other keys are exactly that family's parameters, for example "
        "`{dist: lognormal, mean: 2.0, sd: 1.0}`. Every distribution in a scenario is a duration "
        "in days, so values are never negative and means are positive.\n\n"
     << "| `dist` | Mean | Description |\n"
     << "|---|---|---|\n";
  for (const DistributionFamily& f : distribution_families()) {
    md << "| " << code(f.name) << " | " << f.mean << " | " << f.description << " |\n";
  }
  md << "\n| `dist` | Key | Type | Unit | Default | Range | Description |\n"
     << "|---|---|---|---|---|---|---|\n";
  for (const DistributionFamily& f : distribution_families()) {
    for (const Parameter& p : f.keys) {
      md << "| " << code(f.name) << " | " << code(p.path) << " | " << type_text(p) << " | "
         << cell(p.unit) << " | " << default_cell(p) << " | " << cell(range_text(p)) << " | "
         << p.description << " |\n";
    }
  }
  return md.str();
}

}  // namespace cmhsim::scenario
