// Reading of `{dist: family, ...}` mappings into engine::Distribution, checked key by key.
// Knows the distribution families of the parameter table; knows nothing of services or arrivals.
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {
namespace {

std::string article(std::string_view word) {
  const bool vowel =
      !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(word);
}

}  // namespace

engine::Distribution Reader::finite(const Field& f, engine::Distribution d) const {
  // Values that pass each key's bounds can still overflow the family's internal parameters
  // (a lognormal's sigma^2 = log(1 + sd^2 / mean^2)), which would make every draw NaN or 0.
  const double m = d.mean();
  const double v = d.variance();
  if (!(m > 0.0) || !std::isfinite(m) || !std::isfinite(v)) {
    fail(f,
         "expected parameters whose distribution has a finite mean > 0 and a finite "
         "variance, got " +
             d.describe() + " (the values overflow its internal parameters)");
  }
  return d;
}

engine::Distribution Reader::distribution(const Field& f) const {
  if (!f.value.IsMap()) fail_expected(f, expectation(*f.param));

  // The family decides which keys are allowed, so read `dist` before checking the others.
  const Parameter& selector = distribution_selector();
  std::optional<Field> dist;
  for (const auto& entry : f.value) {
    const YAML::Node key = entry.first;
    if (key.IsScalar() && key.Scalar() == selector.key()) {
      dist = Field{entry.second, key.Mark(), "dist", join_path(f.path, "dist"), &selector};
      break;
    }
  }
  if (!dist) {
    fail(where(f), join_path(f.path, "dist"),
         "missing required key (expected " + expectation(selector) + ")");
  }
  const DistributionFamily* family = find_family(choice(*dist));

  std::vector<const Parameter*> allowed{&selector};
  for (const Parameter& p : family->keys) allowed.push_back(&p);
  const Fields fields = mapping(f, allowed, "for " + article(family->name) + " distribution");
  const auto value = [&](std::string_view key) { return number(*fields.find(key)); };

  try {
    const std::string_view name = family->name;
    if (name == "exponential") return finite(f, engine::Distribution::exponential(value("mean")));
    if (name == "lognormal") {
      return finite(f, engine::Distribution::lognormal(value("mean"), value("sd")));
    }
    if (name == "gamma")
      return finite(f, engine::Distribution::gamma(value("shape"), value("scale")));
    if (name == "fixed") return engine::Distribution::fixed(value("value"));
    if (name == "uniform") {
      const double lo = value("min");
      const double hi = value("max");
      if (hi <= lo) {
        fail_expected(*fields.find("max"), "a number > min (" + format_number(lo) + ")");
      }
      return engine::Distribution::uniform(lo, hi);
    }
    // What remains is the empirical family.
    const Field& values_field = *fields.find("values");
    std::vector<double> values = numbers(values_field);
    std::vector<double> weights;
    if (const Field* wf = fields.find("weights")) {
      weights = numbers(*wf);
      if (weights.size() != values.size()) {
        fail_expected(*wf, "one weight per value (" + std::to_string(values.size()) + ")",
                      " with " + std::to_string(weights.size()) + " weights");
      }
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      if (total <= 0.0) fail(*wf, "expected weights that are not all 0");
      if (!std::isfinite(total)) fail(*wf, "expected weights whose sum is finite");
    }
    auto d = engine::Distribution::empirical(std::move(values), std::move(weights));
    if (!(d.mean() > 0.0)) {
      fail(values_field,
           "expected values with a weighted mean > 0, got mean " + format_number(d.mean()));
    }
    return d;
  } catch (const std::invalid_argument& e) {
    // Checks above should catch everything; this keeps any engine rule positioned too.
    fail(f, e.what());
  }
}

}  // namespace cmhsim::scenario
