// Typed reading of YAML nodes against the parameter table, throwing positioned ScenarioErrors.
// Knows YAML and the table's value kinds; knows nothing of services, arrivals or the model.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/distribution.hpp"
#include "scenario/parameter_table.hpp"

namespace cmhsim::scenario {

/// Holds one value found in a file: its node, the key that introduced it, its path and its entry.
struct Field {
  YAML::Node value;                    ///< The value node (may be null).
  std::optional<YAML::Mark> key_mark;  ///< Where the key stands; empty for the root and list items.
  std::string name;                    ///< The key as written (empty for the root and list items).
  std::string path;                    ///< Concrete dotted path, e.g. "services.cmht.queue".
  const Parameter* param = nullptr;    ///< The table entry; nullptr for the root.
};

/// Holds the fields of one mapping in file order.
struct Fields {
  std::vector<Field> items;

  /// Returns the field with key `key`, or nullptr when absent.
  [[nodiscard]] const Field* find(std::string_view key) const;
};

/// Reads values of one file, reporting every problem as a ScenarioError naming that file.
class Reader {
 public:
  /// Creates a reader whose errors name `file`, checking keys of `schema`-kind scenarios.
  explicit Reader(std::string file, Schema schema = Schema::Network)
      : file_(std::move(file)), schema_(schema) {}

  /// Returns the kind of scenario whose keys this reader accepts.
  [[nodiscard]] Schema schema() const noexcept { return schema_; }

  /// Returns the position of a field: its value, or its key when the value is empty.
  [[nodiscard]] static YAML::Mark where(const Field& f);

  /// Throws a ScenarioError at `mark` about `path`.
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& path,
                         const std::string& message) const;
  /// Throws a ScenarioError at the field's value about its path.
  [[noreturn]] void fail(const Field& f, const std::string& message) const;
  /// Throws "expected <expected>, got <what the file has>" at the field's value.
  [[noreturn]] void fail_expected(const Field& f, const std::string& expected,
                                  const std::string& hint = "") const;

  /// Reads a mapping whose keys the table lists below the field's entry (or the top level).
  [[nodiscard]] Fields mapping(const Field& f) const;
  /// Reads a mapping allowing only `allowed` keys; `what` qualifies "unknown key" messages.
  [[nodiscard]] Fields mapping(const Field& f, const std::vector<const Parameter*>& allowed,
                               const std::string& what) const;
  /// Reads a list of mappings; each item's entry is the table's "<path>[]".
  [[nodiscard]] std::vector<Field> sequence(const Field& f) const;
  /// Reads a mapping by category: every category key of the table exactly once, nothing else.
  [[nodiscard]] Fields categories(const Field& f) const;
  /// Returns the field `key` of `fields` below `parent`, or one holding the table's default.
  ///
  /// A default field has no key mark; its value is the table's default text read as YAML.
  [[nodiscard]] Field field_or_default(const Fields& fields, const Field& parent,
                                       std::string_view key) const;

  /// Reads a string.
  [[nodiscard]] std::string text(const Field& f) const;
  /// Reads a string that names the default output file: letters, digits, '-', '_' and '.', not
  /// "." or "..", so it cannot leave the results folder.
  [[nodiscard]] std::string file_name(const Field& f) const;
  /// Reads a finite number within the entry's bounds.
  [[nodiscard]] double number(const Field& f) const;
  /// Reads a signed integer within the entry's bounds.
  [[nodiscard]] std::int64_t integer(const Field& f) const;
  /// Reads an unsigned integer within the entry's bounds.
  [[nodiscard]] std::uint64_t unsigned_integer(const Field& f) const;
  /// Reads one of the entry's words.
  [[nodiscard]] std::string choice(const Field& f) const;
  /// Reads a non-empty list of numbers, each within the entry's bounds.
  [[nodiscard]] std::vector<double> numbers(const Field& f) const;
  /// Reads two numbers [lo, hi] with lo < hi, both within the bounds of `key` (named `name`).
  [[nodiscard]] std::array<double, 2> interval(const Field& f, const Parameter& key,
                                               const std::string& name) const;
  /// Reads a distribution mapping and builds it (defined in distribution_reader.cpp).
  [[nodiscard]] engine::Distribution distribution(const Field& f) const;

  /// Parses `text` as one YAML mapping; an empty document fails with `empty_message`.
  [[nodiscard]] YAML::Node load_mapping(const std::string& text,
                                        const std::string& empty_message) const;

  /// Returns true if the field is the plain or quoted word `word`.
  [[nodiscard]] static bool is_word(const Field& f, std::string_view word);
  /// Returns a field's value as it appears in an error: "'ten'", "a mapping", "nothing".
  [[nodiscard]] static std::string describe(const YAML::Node& node);

 private:
  [[nodiscard]] std::string scalar(const Field& f, const std::string& expected) const;
  /// Returns `d`, or fails at `f` when its mean is not finite and > 0 or its variance not finite.
  [[nodiscard]] engine::Distribution finite(const Field& f, engine::Distribution d) const;

  std::string file_;
  Schema schema_;
};

/// Returns the dotted path of `key` below `parent` ("" for the top level).
std::string join_path(const std::string& parent, std::string_view key);

/// Returns the text of the file at `path`; throws ScenarioError (line 0) if it cannot be read.
std::string read_input_file(const std::string& path);

}  // namespace cmhsim::scenario
