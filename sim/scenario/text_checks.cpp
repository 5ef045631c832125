// Validates that scenario text is UTF-8, so every stored copy of it can be read back as text.
// Knows nothing of YAML or of the keys the text holds.
#include "scenario/text_checks.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

#include "scenario/scenario_error.hpp"

namespace cmhsim::scenario {
namespace {

/// Returns the length of the valid UTF-8 character starting at `text[i]`, or 0 if it is not one.
std::size_t character_length(const std::string& text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
    code = (code << 6u) | (byte(i + k) & 0x3Fu);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not characters.
  static constexpr std::array<std::uint32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
  return length;
}

}  // namespace

void require_utf8(const std::string& text, const std::string& source_name) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = character_length(text, i);
    if (length == 0) {
      std::array<char, 8> hex{};
      std::snprintf(hex.data(), hex.size(), "0x%02X", static_cast<std::uint8_t>(text[i]));
      throw ScenarioError(
          source_name, line, column, "",
          "the file is not valid UTF-8 (byte " + std::string(hex.data()) + "); save it as UTF-8");
    }
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
}

}  // namespace cmhsim::scenario
