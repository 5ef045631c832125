// Generation of the output tables of docs/outputs.md (Markdown) from the output definitions, so
// the docs cannot drift. Knows the definitions and Markdown; nothing of events or files.
#include <sstream>

#include "model/pathway_outputs.hpp"

namespace cmhsim::model::pathway {
namespace {

std::string code(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.append(1, '`').append(text).append(1, '`');
  return out;
}

/// Returns the definition column: the stored definition, then the documentation's detail.
std::string definition(const OutputDef& d) {
  std::string out(d.description);
  if (!d.detail.empty()) out.append(". ").append(d.detail);
  return out;
}

void output_table(std::ostringstream& md, std::span<const OutputDef> defs) {
  md << "| # | name | unit | definition |\n|---|---|---|---|\n";
  for (const OutputDef& d : defs) {
    md << "| " << d.index << " | " << code(d.name) << " | " << d.unit << " | " << definition(d)
       << " |\n";
  }
}

std::string series_part() {
  std::ostringstream md;
  md << kSeriesCount
     << " series, in this order (the order of the HDF5 `series/replications` axis; read by "
        "name).\n\n";
  output_table(md, series_defs());
  return md.str();
}

std::string metrics_part() {
  std::ostringstream md;
  const std::size_t breakdowns =
      static_cast<std::size_t>(kMQalysPerPerson) - static_cast<std::size_t>(kEquityFirst);
  md << std::size_t{kEquityFirst} << " headline metrics followed by "
     << std::size_t{kEquityMetricCount} << " × " << kGroupCount << " = " << breakdowns
     << " equity breakdowns and " << kEconomicMetricCount << " health-economic metrics, "
     << kMetricCount
     << " in all, in this order (the order of the HDF5 `metrics/replications` axis).\n\n"
     << "### Headline metrics\n\n";
  output_table(md, headline_defs());
  return md.str();
}

/// Returns "first–last" for the `count` groups starting at `first`.
std::string group_range(std::size_t first, std::size_t count) {
  return std::to_string(first) + "–" + std::to_string(first + count - 1);
}

template <std::size_t N>
std::string name_list(const std::array<const char*, N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += (i ? ", " : "") + code(names[i]);
  return out;
}

std::string breakdowns_part() {
  std::ostringstream md;
  md << "For each of the " << std::size_t{kEquityMetricCount} << " metrics the " << kGroupCount
     << " groups follow in the order network types (" << kNetworkTypeCount
     << "), ethnicity groups (" << kEthnicityCount << "), diagnoses (" << kDiagnosisCount
     << "):\n\n"
     << "| metric | unit | definition for a group |\n|---|---|---|\n";
  for (const OutputDef& d : breakdown_defs()) {
    md << "| `" << d.name << ".by_…` | " << d.unit << " | " << definition(d) << " |\n";
  }
  md << "\nMetric indices: `" << std::size_t{kEquityFirst} << " + " << kGroupCount
     << " × k + g` with `k` =";
  for (const OutputDef& d : breakdown_defs()) {
    md << (d.index ? ", " : " ") << d.index << " " << code(d.name);
  }
  md << ", and `g` = " << group_range(0, kNetworkTypeCount) << " network ("
     << name_list(kNetworkTypeNames) << "), " << group_range(kNetworkTypeCount, kEthnicityCount)
     << " ethnicity (" << name_list(kEthnicityNames) << "), "
     << group_range(kNetworkTypeCount + kEthnicityCount, kDiagnosisCount) << " diagnosis ("
     << name_list(kDiagnosisNames) << ").\n";
  return md.str();
}

std::string economics_part() {
  std::ostringstream md;
  md << "The " << kEconomicMetricCount
     << " health-economic metrics follow the equity breakdowns:\n\n";
  output_table(md, economic_defs());
  return md.str();
}

}  // namespace

std::vector<OutputDocPart> render_output_doc_parts() {
  return {{"series", series_part()},
          {"metrics", metrics_part()},
          {"breakdowns", breakdowns_part()},
          {"economics", economics_part()}};
}

std::string render_outputs_markdown() {
  std::string out;
  for (const OutputDocPart& part : render_output_doc_parts()) {
    if (!out.empty()) out += "\n";
    out += "<!-- BEGIN GENERATED " + part.name + " -->\n" + part.markdown + "<!-- END GENERATED " +
           part.name + " -->\n";
  }
  return out;
}

}  // namespace cmhsim::model::pathway
