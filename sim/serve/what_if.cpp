// What-ifs: the changed copy is made by scenario::apply_overrides, named and paired exactly as
// `cmhsim compare` does for one file with --set, so both give the same numbers.
#include "serve/what_if.hpp"

#include <filesystem>

#include "experiment/model_spec.hpp"
#include "scenario/pairing.hpp"

namespace cmhsim::serve {
namespace {

/// Returns the model a scenario describes, as the command line picks it.
experiment::ModelSpec model_of(const scenario::Scenario& sc) {
  if (sc.pathways) return experiment::ModelSpec(*sc.pathways);
  return experiment::ModelSpec(sc.network);
}

std::string stem(const scenario::Scenario& sc) {
  return sc.name.empty() ? std::filesystem::path(sc.path).stem().string() : sc.name;
}

}  // namespace

std::vector<experiment::ComparisonArm> WhatIf::arms() const {
  return {{stem(baseline), model_of(baseline), scenario::people_defining_values(baseline)},
          {stem(changed), model_of(changed), scenario::people_defining_values(changed)}};
}

void WhatIf::set_run(std::uint64_t seed, std::uint64_t replications) {
  baseline.set_run(seed, replications);
  changed.set_run(seed, replications);
}

std::string WhatIf::command() const {
  std::string out = "cmhsim compare " + shell_quote(file);
  for (const auto& o : overrides) out += " --set " + shell_quote(o.key_path + "=" + o.value);
  out += " --replications " + std::to_string(baseline.replications) + " --seed " +
         std::to_string(baseline.seed);
  return out;
}

WhatIf make_what_if(const Baseline& base, const std::vector<scenario::Override>& overrides) {
  WhatIf w;
  w.file = base.file;
  w.overrides = overrides;
  w.baseline = base.scenario;
  w.changed = scenario::apply_overrides(base.scenario, overrides);
  w.changed.name = stem(base.scenario) + "_what_if";
  return w;
}

std::string shell_quote(const std::string& text) {
  const bool plain = !text.empty() && text.find_first_not_of(
                                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789_-.,/:=+@%") == std::string::npos;
  if (plain) return text;
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace cmhsim::serve
