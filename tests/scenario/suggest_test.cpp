// Tests the edit distance and closest-match lookup behind "did you mean" hints.
// Knows only scenario/suggest.hpp.
#include "scenario/suggest.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using cmhsim::scenario::closest_match;
using cmhsim::scenario::did_you_mean;
using cmhsim::scenario::edit_distance;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("servrs", "servers") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("edit distance counts an adjacent transposition as one edit", "[suggest]") {
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("mena", "mean") == 1);
  CHECK(edit_distance("ca", "abc") == 3);  // Optimal string alignment, not unrestricted.
}

TEST_CASE("closest match picks the nearest close candidate", "[suggest]") {
  const std::vector<std::string> keys{"servers", "service_time", "queue", "patience", "routing"};
  CHECK(closest_match("servrs", keys) == std::optional<std::string>("servers"));
  CHECK(closest_match("Servers", keys) == std::optional<std::string>("servers"));
  CHECK(closest_match("rooting", keys) == std::optional<std::string>("routing"));
  CHECK_FALSE(closest_match("colour", keys).has_value());
  CHECK_FALSE(closest_match("q", keys).has_value());
}

TEST_CASE("did you mean text is empty when nothing is close", "[suggest]") {
  CHECK(did_you_mean("crsis", {"cmht", "crisis", "exit"}) == " (did you mean 'crisis'?)");
  CHECK(did_you_mean("ward", {"cmht", "crisis", "exit"}).empty());
}
