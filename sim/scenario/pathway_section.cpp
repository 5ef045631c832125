// One section of a pathway scenario: its keys as written, or the parameter table's defaults.
// Knows YAML and the table; knows nothing of what the section's keys mean to the model.
#include <stdexcept>

#include "scenario/pathway_reader.hpp"

namespace cmhsim::scenario {

Section::Section(const Reader& r, const Field& root, const Fields& top, std::string_view name)
    : r_(r) {
  if (const Field* f = top.find(name)) {
    section_ = *f;
    given_ = true;
    fields_ = r_.mapping(section_);
  } else {
    // An absent section reads as an empty one positioned at the document, so defaults apply.
    section_ = Field{YAML::Node(), root.value.Mark(), std::string(name), std::string(name),
                     &parameter(name, Schema::Pathway)};
  }
}

const Field* Section::given_field(std::string_view key) const { return fields_.find(key); }

Field Section::resolve(std::string_view key) { return r_.field_or_default(fields_, section_, key); }

double Section::number(std::string_view key) { return r_.number(resolve(key)); }

std::uint32_t Section::count(std::string_view key) {
  const Field f = resolve(key);
  if (f.param->bounds.hi > 4294967295.0) {
    throw std::logic_error("scenario parameter '" + f.path + "' is not bounded to 32 bits");
  }
  return static_cast<std::uint32_t>(r_.unsigned_integer(f));
}

engine::Distribution Section::distribution(std::string_view key) {
  return r_.distribution(resolve(key));
}

std::string Section::choice(std::string_view key) { return r_.choice(resolve(key)); }

std::vector<double> Section::categories(std::string_view key,
                                        const std::vector<std::string_view>& names) {
  const Field mapping = resolve(key);
  if (mapping.param->kind != ValueKind::Categories) {
    throw std::logic_error("scenario parameter '" + mapping.path + "' is not a category mapping");
  }
  const auto table_keys = children(mapping.param->path, Schema::Pathway);
  if (table_keys.size() != names.size()) {
    throw std::logic_error("scenario parameter '" + mapping.path + "' lists " +
                           std::to_string(table_keys.size()) + " categories, the model " +
                           std::to_string(names.size()));
  }
  // A given mapping names every category; an absent one takes each category's default.
  const Fields given = given_field(key) ? r_.categories(mapping) : Fields{};
  std::vector<double> out;
  out.reserve(names.size());
  for (const std::string_view name : names) {
    out.push_back(r_.number(r_.field_or_default(given, mapping, name)));
  }
  return out;
}

}  // namespace cmhsim::scenario
