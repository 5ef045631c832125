// Generation of the scenario reference and the model parameter table (Markdown) from the
// parameter table, so docs cannot drift. Knows the table and Markdown; nothing of YAML or loading.
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

bool is_container(const Parameter& p) {
  return p.kind == ValueKind::Mapping || p.kind == ValueKind::Categories;
}

/// Returns the section a pathway key sits in ("population" for "population.age_mean").
std::string_view section_of(const Parameter& p) {
  const auto dot = p.path.find('.');
  return dot == std::string_view::npos ? p.path : p.path.substr(0, dot);
}

void key_table(std::ostringstream& md, const std::vector<const Parameter*>& rows) {
  md << "| Key | Type | Unit | Default | Range | Description | Source |\n"
     << "|---|---|---|---|---|---|---|\n";
  for (const Parameter* p : rows) {
    md << "| " << code(p->path) << " | " << type_text(*p) << " | " << cell(p->unit) << " | "
       << default_cell(*p) << " | " << cell(range_text(*p)) << " | " << p->description << " | "
       << p->source << " |\n";
  }
}

void pathway_key_table(std::ostringstream& md, std::string_view section) {
  md << "| Key | Type | Unit | Default | Range | Plausible range | Description | Source |\n"
     << "|---|---|---|---|---|---|---|---|\n";
  for (const Parameter& p : parameters()) {
    if (p.schema != Schema::Pathway || section_of(p) != section) continue;
    md << "| " << code(p.path) << " | " << type_text(p) << " | " << cell(p.unit) << " | "
       << default_cell(p) << " | " << cell(range_text(p)) << " | " << cell(plausible_text(p))
       << " | " << p.description << " | " << p.source << " |\n";
  }
}

std::vector<const Parameter*> network_keys() {
  std::vector<const Parameter*> out;
  for (const Parameter& p : parameters()) {
    if (belongs_to(p, Schema::Network)) out.push_back(&p);
  }
  return out;
}

void distributions(std::ostringstream& md) {
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
}

}  // namespace

std::string render_reference_markdown() {
  std::ostringstream md;
  md << "### Queueing-network scenarios\n\n"
     << "A file without a `population` section is a queueing network. `<name>` and `<target>` "
        "stand for names you choose; `[]` stands for each item of a list. Keys not listed here "
        "are errors.\n\n";
  key_table(md, network_keys());

  md << "\n### Pathway scenarios\n\n"
     << "A file with a top-level `population` section is a pathway scenario of the community "
        "mental health model. Every section but `population` may be left out, and every key "
        "but `population.register_size` takes its default. A mapping by category names each "
        "category exactly once. The plausible range is what sensitivity sweeps explore (for a "
        "distribution, the range of its mean); docs/parameters.md lists the same parameters "
        "with their sources.\n\n"
     << "#### Run settings\n\n";
  std::vector<const Parameter*> run_settings;
  for (const Parameter* p : children("", Schema::Pathway)) {
    if (!is_container(*p)) run_settings.push_back(p);
  }
  key_table(md, run_settings);
  for (const Parameter* section : pathway_sections()) {
    md << "\n#### " << code(section->path) << "\n\n";
    pathway_key_table(md, section->path);
  }
  distributions(md);
  md << "\n### Sweep files\n\n"
     << "A sweep file names a base scenario and the parameters to vary (axes), each by its key "
        "path, the dotted path of a scenario key such as `care_partners.fte` or "
        "`services.cmht_triage_days.scale` (the same paths `cmhsim run --set` takes). "
        "docs/sweep-files.md describes the designs and the order of points.\n\n";
  std::vector<const Parameter*> sweep_keys;
  for (const Parameter& p : sweep_parameters()) sweep_keys.push_back(&p);
  key_table(md, sweep_keys);
  return md.str();
}

std::string render_parameters_markdown() {
  std::ostringstream md;
  for (const Parameter* section : pathway_sections()) {
    md << "### " << code(section->path) << "\n\n"
       << section->description << "\n\n"
       << "| Parameter | Description | Unit | Default | Plausible range | Source |\n"
       << "|---|---|---|---|---|---|\n";
    for (const Parameter& p : parameters()) {
      if (p.schema != Schema::Pathway || section_of(p) != section->path || is_container(p)) {
        continue;
      }
      md << "| " << code(p.path) << " | " << p.description << " | " << cell(p.unit) << " | "
         << default_cell(p) << " | " << cell(plausible_text(p)) << " | " << p.source << " |\n";
    }
    md << "\n";
  }
  std::string out = md.str();
  out.pop_back();  // One blank line between tables, none after the last.
  return out;
}

}  // namespace cmhsim::scenario
