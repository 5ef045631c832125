// Whether scenarios can be compared pairwise: same model kind, the same values of every key that
// decides the people (given by the scenario layer), and for networks the same arrival streams
// and services. No I/O, no threads.
#include <map>

#include "experiment/comparison.hpp"

namespace cmhsim::experiment {
namespace {

/// Returns "[a, b, c]".
std::string list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

/// Returns "key (x in a, y in b)" for each key whose value differs or that only one arm has.
std::vector<std::string> people_differences(const ComparisonArm& a, const ComparisonArm& b) {
  std::map<std::string, std::string> in_b(b.people.begin(), b.people.end());
  std::vector<std::string> out;
  const auto note = [&](const std::string& key, const std::string& x, const std::string& y) {
    out.push_back(key + " (" + x + " in " + a.name + ", " + y + " in " + b.name + ")");
  };
  for (const auto& [key, value] : a.people) {
    const auto it = in_b.find(key);
    if (it == in_b.end()) {
      note(key, value, "absent");
    } else {
      if (it->second != value) note(key, value, it->second);
      in_b.erase(it);
    }
  }
  for (const auto& [key, value] : b.people) {
    if (in_b.count(key)) note(key, "absent", value);
  }
  return out;
}

/// Returns the problems that stop two network scenarios being compared.
std::vector<std::string> network_differences(const model::NetworkConfig& a,
                                             const model::NetworkConfig& b, const std::string& na,
                                             const std::string& nb) {
  std::vector<std::string> out;
  std::vector<std::string> sa, sb, aa, ab;
  for (const auto& s : a.services) sa.push_back(s.name);
  for (const auto& s : b.services) sb.push_back(s.name);
  // Customers are numbered per arrival stream, so pairing needs the same streams in order.
  for (const auto& s : a.arrivals) aa.push_back(s.name);
  for (const auto& s : b.arrivals) ab.push_back(s.name);
  if (sa != sb) {
    out.push_back("services differ: " + list(sa) + " in " + na + ", " + list(sb) + " in " + nb);
  }
  if (aa != ab) {
    out.push_back("arrival streams differ: " + list(aa) + " in " + na + ", " + list(ab) + " in " +
                  nb);
  }
  return out;
}

}  // namespace

std::vector<std::string> comparability_problems(const std::vector<ComparisonArm>& arms) {
  std::vector<std::string> out;
  if (arms.empty()) return out;
  const ComparisonArm& base = arms.front();
  for (std::size_t i = 1; i < arms.size(); ++i) {
    const ComparisonArm& arm = arms[i];
    if (arm.model.kind() != base.model.kind()) {
      out.push_back(base.name + " is a " + std::string(model_kind_name(base.model.kind())) +
                    " scenario but " + arm.name + " is a " +
                    std::string(model_kind_name(arm.model.kind())) + " scenario");
      continue;
    }
    const std::vector<std::string> fields = people_differences(base, arm);
    if (!fields.empty()) {
      std::string line = "the population differs between " + base.name + " and " + arm.name +
                         " (common random numbers pair the same people): ";
      for (std::size_t f = 0; f < fields.size(); ++f) line += (f ? "; " : "") + fields[f];
      out.push_back(line);
    }
    if (base.model.kind() == ModelKind::Network) {
      const auto diffs =
          network_differences(*base.model.network(), *arm.model.network(), base.name, arm.name);
      out.insert(out.end(), diffs.begin(), diffs.end());
    }
  }
  return out;
}

}  // namespace cmhsim::experiment
