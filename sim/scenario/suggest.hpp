// "Did you mean ...?" hints: edit distance between a misspelt word and the words allowed there.
// Knows nothing of YAML, scenarios or where the candidate words come from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cmhsim::scenario {

/// Returns the optimal-string-alignment (restricted Damerau-Levenshtein) distance of a and b.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Returns the candidate closest to `word`, if one is close enough to be a likely misspelling.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

/// Returns " (did you mean 'x'?)" for the closest candidate, or an empty string if none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cmhsim::scenario
