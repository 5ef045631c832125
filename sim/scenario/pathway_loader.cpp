// Pathway scenarios: every key of the parameter table's pathway sections read into the config
// field its entry binds. Knows the scenario file's pathway sections and the model's config; no
// simulation, no threads.
#include <algorithm>
#include <stdexcept>

#include "scenario/pathway_reader.hpp"

namespace cmhsim::scenario {
namespace {

/// Returns the index of `word` among `names`; a word the table allows but the model lacks is a bug.
std::size_t index_of(std::string_view word, std::span<const char* const> names,
                     std::string_view path) {
  const auto it = std::find_if(names.begin(), names.end(),
                               [&](const char* n) { return std::string_view(n) == word; });
  if (it == names.end()) {
    throw std::logic_error("scenario parameter '" + std::string(path) + "' allows '" +
                           std::string(word) + "', which the model does not know");
  }
  return static_cast<std::size_t>(it - names.begin());
}

/// Reads key `p` of section `s` into the config field the table binds it to.
void read_key(Section& s, const Parameter& p, model::PathwayConfig& c) {
  const std::string_view key = p.key();
  std::visit(
      [&](auto ref) {
        using R = decltype(ref);
        if constexpr (std::is_same_v<R, std::monostate>) {
          throw std::logic_error("scenario parameter '" + std::string(p.path) +
                                 "' is bound to no field of the model's config");
        } else if constexpr (std::is_same_v<R, FieldRef<double>>) {
          ref(c) = p.kind == ValueKind::Integer ? static_cast<double>(s.count(key)) : s.number(key);
        } else if constexpr (std::is_same_v<R, FieldRef<std::uint32_t>>) {
          ref(c) = s.count(key);
        } else if constexpr (std::is_same_v<R, FieldRef<engine::Distribution>>) {
          ref(c) = s.distribution(key);
        } else if constexpr (std::is_same_v<R, FieldRef<bool>>) {
          throw std::logic_error("scenario parameter '" + std::string(p.path) +
                                 "' binds a flag, which only a section's presence sets");
        } else if constexpr (std::is_same_v<R, CategoryRef>) {
          const std::vector<std::string_view> names(ref.names.begin(), ref.names.end());
          const std::vector<double> values = s.categories(key, names);
          std::copy(values.begin(), values.end(), ref.values(c).begin());
        } else {
          static_assert(std::is_same_v<R, ChoiceRef>);
          ref.set(c, index_of(s.choice(key), ref.names, p.path));
        }
      },
      p.binding);
}

/// Returns the section of `sections` called `name`.
Section& named(std::vector<Section>& sections, std::string_view name) {
  for (Section& s : sections) {
    if (s.field().param->key() == name) return s;
  }
  throw std::logic_error("no pathway section '" + std::string(name) + "' in the table");
}

}  // namespace

model::PathwayConfig read_pathways(const Reader& r, const Field& root, const Fields& top,
                                   double horizon_days, double warmup_days) {
  model::PathwayConfig c{};
  std::vector<Section> sections;
  for (const Parameter* section : pathway_sections()) {
    Section& s = sections.emplace_back(r, root, top, section->key());
    if (const auto* presence = std::get_if<FieldRef<bool>>(&section->binding)) {
      (*presence)(c) = s.given();
    }
    for (const Parameter* p : children(section->path, Schema::Pathway)) read_key(s, *p, c);
  }
  c.horizon_days = horizon_days;
  c.warmup_days = warmup_days;
  const PathwaySections s{
      named(sections, "population"),  named(sections, "clinical"), named(sections, "care_partners"),
      named(sections, "supervision"), named(sections, "services"), named(sections, "policies"),
      named(sections, "costs"),       named(sections, "trial"),    named(sections, "warm_start")};
  check_pathways(r, s, c);
  return c;
}

}  // namespace cmhsim::scenario
