// Parameter sets on disk: the CSV reader with located errors, the CSV writer and the HDF5 group.
// Knows nothing of scenarios or of how sets are used.
#include "io/parameter_sets_io.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/hdf5_primitives.hpp"

namespace cmhsim::io {
namespace {

using experiment::ParameterSets;
using experiment::ParameterSetsError;

/// Holds one comma-separated field of a CSV line and its 1-based column.
struct Field {
  std::string text;
  int column = 0;
};

/// Splits `line` at commas into trimmed fields with the column where each field's text starts.
std::vector<Field> split_fields(const std::string& line) {
  std::vector<Field> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = std::min(line.find(',', start), line.size());
    std::size_t a = start;
    std::size_t b = end;
    while (a < b && (line[a] == ' ' || line[a] == '\t')) ++a;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t')) --b;
    out.push_back({line.substr(a, b - a), static_cast<int>(a) + 1});
    if (end == line.size()) break;
    start = end + 1;
  }
  return out;
}

/// Reads a CSV file of parameter sets; every error starts "PATH:LINE:COLUMN: ".
ParameterSets read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ParameterSetsError(path + ": cannot open the parameter sets file");
  const auto fail = [&](int line, int column, const std::string& message) {
    throw ParameterSetsError(path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                             ": " + message);
  };
  ParameterSets sets;
  std::vector<std::string> comments;
  bool have_header = false;
  bool have_weight = false;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    if (line[first] == '#') {
      std::string text = line.substr(first + 1);
      if (!text.empty() && text.front() == ' ') text.erase(0, 1);
      comments.push_back(text);
      continue;
    }
    const std::vector<Field> fields = split_fields(line);
    if (!have_header) {
      have_header = true;
      have_weight = fields.front().text == "weight";
      for (std::size_t i = have_weight ? 1 : 0; i < fields.size(); ++i) {
        const Field& f = fields[i];
        if (f.text.empty()) fail(number, f.column, "empty key path in the header");
        for (const std::string& k : sets.keys) {
          if (k == f.text) fail(number, f.column, "key '" + f.text + "' appears twice");
        }
        sets.keys.push_back(f.text);
      }
      if (sets.keys.empty()) fail(number, 1, "the header names no key paths");
      continue;
    }
    const std::size_t expected = sets.keys.size() + (have_weight ? 1 : 0);
    if (fields.size() != expected) {
      const int column =
          fields.size() > expected ? fields[expected].column : static_cast<int>(line.size()) + 1;
      fail(number, column,
           "expected " + std::to_string(expected) + " values, found " +
               std::to_string(fields.size()));
    }
    std::vector<double> row;
    double weight = 1.0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const Field& f = fields[i];
      const std::string what = have_weight && i == 0
                                   ? std::string("weight")
                                   : "'" + sets.keys[i - (have_weight ? 1 : 0)] + "'";
      double v = 0.0;
      const char* b = f.text.data();
      const char* e = b + f.text.size();
      const auto [ptr, ec] = std::from_chars(b, e, v);
      if (f.text.empty() || ec != std::errc() || ptr != e) {
        fail(number, f.column, "the value of " + what + " is not a number: '" + f.text + "'");
      }
      if (!std::isfinite(v)) fail(number, f.column, "the value of " + what + " is not finite");
      if (have_weight && i == 0) {
        if (v < 0.0) fail(number, f.column, "a weight must be >= 0");
        weight = v;
      } else {
        row.push_back(v);
      }
    }
    sets.values.push_back(std::move(row));
    sets.weights.push_back(weight);
  }
  if (!have_header) fail(number + 1, 1, "the file has no header line");
  if (sets.values.empty()) fail(number + 1, 1, "the file holds no parameter sets");
  if (!have_weight) {
    for (double& w : sets.weights) w = 1.0 / static_cast<double>(sets.weights.size());
  }
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (i > 0) sets.provenance += '\n';
    sets.provenance += comments[i];
  }
  try {
    experiment::check_parameter_sets(sets);
  } catch (const ParameterSetsError& e) {
    throw ParameterSetsError(path + ": " + e.what());
  }
  return sets;
}

/// Formats `v` with %.17g, which reads back to the same double.
std::string format_exact(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

}  // namespace

ParameterSets read_parameter_sets(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ParameterSetsError(path + ": " +
                             (std::filesystem::exists(path, ec)
                                  ? "the parameter sets file is not a regular file"
                                  : "no such parameter sets file"));
  }
  const ErrorSilencer quiet;
  if (H5Fis_hdf5(path.c_str()) > 0) {
    try {
      FileHandle file = h5::open_file_readonly(path);
      GroupHandle root = h5::open_root(file.get());
      return read_parameter_sets_group(root.get());
    } catch (const ParameterSetsError& e) {
      throw ParameterSetsError(path + ": " + e.what());
    } catch (const IoError& e) {
      throw ParameterSetsError(path + ": " + e.what());
    }
  }
  take_hdf5_error_stack();
  return read_csv(path);
}

void write_parameter_sets_csv(const ParameterSets& sets, const std::string& path) {
  experiment::check_parameter_sets(sets);
  std::ostringstream out;
  if (!sets.provenance.empty()) {
    std::istringstream lines(sets.provenance);
    std::string line;
    while (std::getline(lines, line)) out << "# " << line << '\n';
  }
  out << "weight";
  for (const std::string& key : sets.keys) out << ',' << key;
  out << '\n';
  for (std::size_t i = 0; i < sets.values.size(); ++i) {
    out << format_exact(sets.weights[i]);
    for (const double v : sets.values[i]) out << ',' << format_exact(v);
    out << '\n';
  }
  write_file_atomically(path, out.str());
}

void write_parameter_sets_group(hid_t parent, const ParameterSets& sets, const std::string& name) {
  experiment::check_parameter_sets(sets);
  GroupHandle group = h5::create_group(parent, name);
  h5::write_strings_dataset(group.get(), "keys", {sets.keys.size()}, sets.keys);
  h5::Matrix values{sets.values.size(), sets.keys.size(), {}};
  values.values.reserve(values.rows * values.cols);
  for (const auto& row : sets.values)
    values.values.insert(values.values.end(), row.begin(), row.end());
  h5::write_double_matrix(group.get(), "values", values);
  h5::write_double_vector(group.get(), "weights", sets.weights);
  h5::write_string_attribute(group.get(), "provenance", sets.provenance);
}

ParameterSets read_parameter_sets_group(hid_t parent, const std::string& name) {
  const ErrorSilencer quiet;
  const std::string parent_path = h5::object_path(parent);
  std::string where = "'";
  where += parent_path;
  if (parent_path != "/") where += '/';
  where += name;
  where += '\'';
  ParameterSets sets;
  try {
    if (!h5::has_link(parent, name)) throw ParameterSetsError(where + " is missing");
    GroupHandle group = h5::open_group(parent, name);
    sets.keys = h5::read_strings_dataset(group.get(), "keys");
    const h5::Matrix values = h5::read_double_matrix(group.get(), "values");
    sets.weights = h5::read_double_vector(group.get(), "weights");
    if (h5::has_attribute(group.get(), "provenance")) {
      sets.provenance = h5::read_string_attribute(group.get(), "provenance");
    }
    if (values.cols != sets.keys.size() || values.rows != sets.weights.size()) {
      throw ParameterSetsError(where + "/values has shape [" + std::to_string(values.rows) + ", " +
                               std::to_string(values.cols) + "], expected [" +
                               std::to_string(sets.weights.size()) + ", " +
                               std::to_string(sets.keys.size()) + "]");
    }
    for (std::size_t r = 0; r < values.rows; ++r) {
      const auto begin = values.values.begin() + static_cast<std::ptrdiff_t>(r * values.cols);
      sets.values.emplace_back(begin, begin + static_cast<std::ptrdiff_t>(values.cols));
    }
  } catch (const IoError& e) {
    throw ParameterSetsError(where + ": " + e.what());
  }
  try {
    experiment::check_parameter_sets(sets);
  } catch (const ParameterSetsError& e) {
    throw ParameterSetsError(where + ": " + e.what());
  }
  return sets;
}

}  // namespace cmhsim::io
