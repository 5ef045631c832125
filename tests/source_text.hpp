// Reading the project's own files in tests: a file's whole text, and the part of a document
// between the markers the docs target writes. Knows the marker format, not what the parts hold.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

namespace cmhsim::test_text {

/// Returns the whole text of the file at `path`, which must exist.
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// Returns the text of `docs` between the BEGIN and END GENERATED markers of part `name` (the
/// unnamed part when empty).
inline std::string generated_part(const std::string& docs, const std::string& name = "") {
  const std::string label = name.empty() ? "GENERATED" : "GENERATED " + name;
  const std::string begin = "<!-- BEGIN " + label + " -->\n";
  const std::string end = "<!-- END " + label + " -->";
  const auto b = docs.find(begin);
  const auto e = docs.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  REQUIRE(b < e);
  return docs.substr(b + begin.size(), e - b - begin.size());
}

}  // namespace cmhsim::test_text
