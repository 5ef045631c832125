// Where a pathway scenario key's value is stored in model::PathwayConfig: accessors made from the
// member's name, so a table entry names its key and its field once. Knows the config; no YAML.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <variant>

#include "engine/distribution.hpp"
#include "model/pathway_config.hpp"

namespace cmhsim::scenario {

/// Returns a reference to one field of a pathway config.
template <class T>
using FieldRef = T& (*)(model::PathwayConfig&);

/// Stores a category mapping: the config's array and the model's name of each element.
struct CategoryRef {
  std::span<double> (*values)(model::PathwayConfig&);
  std::span<const char* const> names;  ///< The model's category names, in array order.
};

/// Stores a word as an enum: the setter takes the word's index in the model's names.
struct ChoiceRef {
  void (*set)(model::PathwayConfig&, std::size_t);
  std::size_t (*get)(const model::PathwayConfig&);  ///< Returns the index of the enum value.
  std::span<const char* const> names;  ///< The model's names of the enum values, in order.
};

/// Says where the loader puts a key's value; monostate for keys outside the pathway config.
///
/// A bool field on a section records whether the file gives the section (`trial.enabled`).
using Binding =
    std::variant<std::monostate, FieldRef<double>, FieldRef<std::uint32_t>, FieldRef<bool>,
                 FieldRef<engine::Distribution>, CategoryRef, ChoiceRef>;

/// Names a table entry: its path and, for pathway keys, the config field it fills.
struct Key {
  std::string_view path;
  Binding binding{};

  Key(const char* p) : path(p) {}  // NOLINT(google-explicit-constructor): plain keys.
  Key(std::string_view p, Binding b) : path(p), binding(b) {}
};

namespace detail {

template <class T>
struct IsDoubleArray : std::false_type {};
template <std::size_t N>
struct IsDoubleArray<std::array<double, N>> : std::true_type {};

}  // namespace detail

/// Returns the binding of the field `F{}(config)` refers to (F is a captureless lambda).
template <class F>
Binding bind(F, std::span<const char* const> names = {}) {
  using T = std::remove_reference_t<std::invoke_result_t<F, model::PathwayConfig&>>;
  if constexpr (std::is_enum_v<T>) {
    return ChoiceRef{[](model::PathwayConfig& c, std::size_t i) { F{}(c) = static_cast<T>(i); },
                     [](const model::PathwayConfig& c) {
                       return static_cast<std::size_t>(F{}(const_cast<model::PathwayConfig&>(c)));
                     },
                     names};
  } else if constexpr (detail::IsDoubleArray<T>::value) {
    return CategoryRef{[](model::PathwayConfig& c) { return std::span<double>(F{}(c)); }, names};
  } else {
    return FieldRef<T>{[](model::PathwayConfig& c) -> T& { return F{}(c); }};
  }
}

}  // namespace cmhsim::scenario

/// Names the pathway key `section.key` and binds it to `PathwayConfig::section.key`.
#define CMHSIM_FIELD(member)                                                           \
  ::cmhsim::scenario::Key {                                                            \
#member, ::cmhsim::scenario::bind(                                                 \
                 [](::cmhsim::model::PathwayConfig & c) -> auto& { return c.member; }) \
  }

/// Names a category mapping or an enum-valued key and binds it with the model's `names`.
#define CMHSIM_NAMED_FIELD(member, names)                                                     \
  ::cmhsim::scenario::Key {                                                                   \
#member, ::cmhsim::scenario::bind(                                                        \
                 [](::cmhsim::model::PathwayConfig & c) -> auto& { return c.member; }, names) \
  }

/// Names the section `path` and binds its presence in the file to the bool `member`.
#define CMHSIM_PRESENCE(path, member)                                               \
  ::cmhsim::scenario::Key {                                                         \
    path, ::cmhsim::scenario::bind(                                                 \
              [](::cmhsim::model::PathwayConfig & c) -> auto& { return c.member; }) \
  }
