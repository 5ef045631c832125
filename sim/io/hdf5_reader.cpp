// The HDF5 results reader: checks the schema and content, then rebuilds a run or a comparison.
// Knows nothing of how the results were produced.
#include "io/hdf5_reader.hpp"

#include <filesystem>
#include <functional>

#include "io/hdf5_arrays.hpp"
#include "io/hdf5_checked_file.hpp"
#include "io/hdf5_file_check.hpp"
#include "io/hdf5_image.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_run_layout.hpp"
#include "io/hdf5_seal.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace sc = schema;

/// Returns the schema version after checking the root identifies a readable cmhsim file.
std::int64_t require_schema(hid_t root) {
  if (!h5::has_attribute(root, "schema")) {
    throw IoError("not a cmhsim results file (the root group has no 'schema' attribute)");
  }
  const std::string name = h5::read_string_attribute(root, "schema");
  if (name != sc::kName) {
    throw IoError("not a cmhsim results file (schema is '" + name + "', expected '" + sc::kName +
                  "')");
  }
  if (!h5::has_attribute(root, "schema_version")) {
    throw IoError("the root group has no 'schema_version' attribute");
  }
  const std::int64_t version = h5::read_i64_attribute(root, "schema_version");
  if (version < sc::kOldestReadable || version > sc::kVersion) {
    throw IoError("results schema_version " + std::to_string(version) +
                  " is not supported; this cmhsim reads schema_version " +
                  std::to_string(sc::kOldestReadable) + " to " + std::to_string(sc::kVersion));
  }
  return version;
}

/// Returns the root's content ("run" for version 1, which has no such attribute).
std::string content_of(hid_t root, std::int64_t version) {
  if (version < 2) return sc::kContentRun;
  return h5::read_string_attribute(root, sc::kContent);
}

/// Opens a file with `open`, checks its schema and calls `read(root, version)`; IoErrors from
/// either are prefixed with `prefix`.
template <typename Open, typename Read>
auto read_opened(Open open, const std::string& prefix, Read read) {
  try {
    h5::CheckedFile file = open();
    GroupHandle root = h5::open_root(file.get());
    const std::int64_t version = require_schema(root.get());
    return read(root.get(), version);
  } catch (const IoError& e) {
    throw ResultsFileError(prefix + e.what());
  } catch (const std::exception& e) {
    // A damaged size or name (a huge allocation, a number that does not parse) is a bad file.
    throw ResultsFileError(prefix + "damaged contents (" + e.what() + ")");
  }
}

/// Returns the run at the root of a results file (not a comparison or sweep file).
experiment::RunResults read_run_root(hid_t root, std::int64_t version) {
  const std::string content = content_of(root, version);
  if (content == sc::kContentComparison) {
    throw IoError("this is a comparison file (from 'cmhsim compare'), not a single run");
  }
  if (content == sc::kContentSweep || content == sc::kContentShard) {
    throw IoError("this is a sweep file (from 'cmhsim sweep' or 'cmhsim merge'), not a single run");
  }
  if (content != sc::kContentRun) throw IoError("unknown content '" + content + "'");
  return detail::read_run_group(root, version);
}

/// Opens `path` after checking it exists and is HDF5, and calls `read(root, version)`.
template <typename Read>
auto read_file(const std::string& path, Read read) {
  const ErrorSilencer quiet;
  const std::string prefix = "cannot read results file '" + path + "': ";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ResultsFileError(
        prefix + (std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
  }
  try {
    check_seal(path);
  } catch (const IoError& e) {
    throw ResultsFileError(prefix + e.what());
  }
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) {
    take_hdf5_error_stack();
    throw ResultsFileError(prefix + "not an HDF5 file");
  }
  return read_opened([&] { return h5::CheckedFile::open(path); }, prefix, read);
}

/// Reads the /comparison group into `out` (names, estimates, differences).
void read_comparison_group(hid_t root, experiment::ComparisonResults& out) {
  GroupHandle group = h5::open_group(root, sc::kComparisonGroup);
  const auto names = h5::read_strings_attribute(group.get(), sc::kNames);
  const auto units = h5::read_strings_attribute(group.get(), sc::kUnits);
  const auto descriptions = h5::read_strings_attribute(group.get(), sc::kDescriptions);
  if (units.size() != names.size() || descriptions.size() != names.size()) {
    throw IoError("'/comparison' has different numbers of names, units and descriptions");
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    out.outcomes.push_back({names[i], units[i], descriptions[i]});
  }
  const std::size_t m = names.size();
  const std::size_t k = out.names.size();
  const auto read = [&](const char* name, std::size_t rows) {
    auto a = h5::read_double_array(group.get(), name, 2);
    if (a.dims != std::vector<std::size_t>{rows, m}) {
      throw IoError("'/comparison/" + std::string(name) + "' has the wrong shape");
    }
    return a.values;
  };
  const auto read_n = [&](const char* name, std::size_t rows) {
    auto a = h5::read_u64_array(group.get(), name, 2);
    if (a.dims != std::vector<std::size_t>{rows, m}) {
      throw IoError("'/comparison/" + std::string(name) + "' has the wrong shape");
    }
    return a.values;
  };
  const auto mean = read(sc::kDifferenceMean, k - 1);
  const auto lo = read(sc::kCiLo, k - 1);
  const auto hi = read(sc::kCiHi, k - 1);
  const auto ulo = read(sc::kUnpairedCiLo, k - 1);
  const auto uhi = read(sc::kUnpairedCiHi, k - 1);
  const auto n = read_n(sc::kCount, k - 1);
  for (std::size_t s = 0; s + 1 < k; ++s) {
    std::vector<experiment::Difference> row;
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t i = s * m + j;
      const engine::Estimate& base = out.estimates[0][j];
      const engine::Estimate& x = out.estimates[s + 1][j];
      row.push_back({engine::Estimate{mean[i], lo[i], hi[i], n[i]},
                     engine::Estimate{x.mean - base.mean, ulo[i], uhi[i], std::min(x.n, base.n)}});
    }
    out.differences.push_back(std::move(row));
  }
}

}  // namespace

namespace detail {

void with_results_file(const std::string& path,
                       const std::function<void(hid_t, std::int64_t)>& read) {
  read_file(path, [&](hid_t root, std::int64_t version) {
    read(root, version);
    return 0;
  });
}

}  // namespace detail

experiment::RunResults read_results_hdf5(const std::string& path) {
  return read_file(path, read_run_root);
}

experiment::RunResults read_results_hdf5_image(const std::vector<std::uint8_t>& image) {
  const ErrorSilencer quiet;
  return read_opened([&] { return h5::CheckedFile::open_image(image); },
                     "cannot read results from an HDF5 file image: ", read_run_root);
}

void check_results_file(const std::string& path) {
  const ErrorSilencer quiet;
  check_seal(path);
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    take_hdf5_error_stack();
    return;
  }
  try {
    h5::check_whole_file(path);
  } catch (const ResultsFileError&) {
    throw;
  } catch (const IoError& e) {
    throw ResultsFileError(e.what());
  }
}

experiment::ComparisonResults read_comparison_hdf5(const std::string& path) {
  return read_file(path, [](hid_t root, std::int64_t version) {
    if (content_of(root, version) != sc::kContentComparison) {
      throw IoError("this is a single run, not a comparison file");
    }
    experiment::ComparisonResults out;
    out.seed = h5::read_u64_attribute(root, "seed");
    out.replications = h5::read_u64_attribute(root, "replications");
    out.wall_seconds = h5::read_double_attribute(root, "wall_seconds");
    GroupHandle scenarios = h5::open_group(root, sc::kScenariosGroup);
    out.names = h5::read_strings_attribute(scenarios.get(), sc::kOrder);
    if (out.names.empty()) throw IoError("'/scenarios' lists no scenarios");
    for (const auto& name : out.names) {
      GroupHandle group = h5::open_group(scenarios.get(), name);
      out.runs.push_back(detail::read_run_group(group.get(), version));
    }
    {
      GroupHandle group = h5::open_group(root, sc::kComparisonGroup);
      const std::size_t m = h5::read_strings_attribute(group.get(), sc::kNames).size();
      const auto mean = h5::read_double_array(group.get(), "scenario_mean", 2);
      const auto lo = h5::read_double_array(group.get(), "scenario_ci95_lo", 2);
      const auto hi = h5::read_double_array(group.get(), "scenario_ci95_hi", 2);
      const auto n = h5::read_u64_array(group.get(), "scenario_n", 2);
      const std::vector<std::size_t> dims{out.names.size(), m};
      if (mean.dims != dims || lo.dims != dims || hi.dims != dims || n.dims != dims) {
        throw IoError("'/comparison' scenario estimates have the wrong shape");
      }
      for (std::size_t s = 0; s < out.names.size(); ++s) {
        std::vector<engine::Estimate> row;
        for (std::size_t j = 0; j < m; ++j) {
          const std::size_t i = s * m + j;
          row.push_back({mean.values[i], lo.values[i], hi.values[i], n.values[i]});
        }
        out.estimates.push_back(std::move(row));
      }
    }
    read_comparison_group(root, out);
    return out;
  });
}

}  // namespace cmhsim::io
