// Reading of pathway scenarios: one section of the file at a time, with the table's defaults for
// absent keys, and the checks that span keys. Internal to scenario/; knows YAML and the config.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/pathway_config.hpp"
#include "scenario/yaml_reader.hpp"

namespace cmhsim::scenario {

/// Reads one pathway section (such as `clinical`), falling back to the table's defaults.
class Section {
 public:
  /// Reads section `name` of the top-level `top` (which may lack it) of the document `root`.
  Section(const Reader& r, const Field& root, const Fields& top, std::string_view name);

  /// Returns true if the file gives the section.
  [[nodiscard]] bool given() const noexcept { return given_; }
  /// Returns the section's field (a null value when the file lacks it).
  [[nodiscard]] const Field& field() const noexcept { return section_; }
  /// Returns the field of `key` as written in the file, or nullptr when the default applies.
  [[nodiscard]] const Field* given_field(std::string_view key) const;

  /// Returns the real number under `key`.
  [[nodiscard]] double number(std::string_view key);
  /// Returns the whole number under `key` (the table bounds it to 32 bits).
  [[nodiscard]] std::uint32_t count(std::string_view key);
  /// Returns the distribution under `key`.
  [[nodiscard]] engine::Distribution distribution(std::string_view key);
  /// Returns the word under `key`.
  [[nodiscard]] std::string choice(std::string_view key);
  /// Returns the values of the category mapping `key`, in the order of `names`.
  [[nodiscard]] std::vector<double> categories(std::string_view key,
                                               const std::vector<std::string_view>& names);

 private:
  [[nodiscard]] Field resolve(std::string_view key);

  const Reader& r_;
  Field section_;
  Fields fields_;
  bool given_ = false;
};

/// Holds the sections of one pathway scenario while it is read and checked.
struct PathwaySections {
  const Section &population, &clinical, &care_partners, &supervision, &services, &policies, &costs,
      &trial, &warm_start;
};

/// Reads every pathway section of `top` into a config with the given run length.
model::PathwayConfig read_pathways(const Reader& r, const Field& root, const Fields& top,
                                   double horizon_days, double warmup_days);

/// Checks the rules that span keys (shares summing to 1, ordered bounds, trial consistency).
void check_pathways(const Reader& r, const PathwaySections& s, const model::PathwayConfig& c);

}  // namespace cmhsim::scenario
