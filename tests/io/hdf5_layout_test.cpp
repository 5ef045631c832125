// Tests that the written HDF5 file has the names, shapes and types docs/results-schema.md states.
// Knows the documented schema; reads with HDF5 calls, not with read_results_hdf5.
#include <catch2/catch.hpp>
#include <vector>

#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io/hdf5_writer.hpp"
#include "io_test_support.hpp"

namespace cmhsim::io::test {
namespace {

/// Describes a stored type as "u64", "i32", "f64" or "vlen-utf8" (else "other").
std::string type_code(hid_t type) {
  switch (H5Tget_class(type)) {
    case H5T_INTEGER:
      return std::string(H5Tget_sign(type) == H5T_SGN_NONE ? "u" : "i") +
             std::to_string(8 * H5Tget_size(type));
    case H5T_FLOAT:
      return "f" + std::to_string(8 * H5Tget_size(type));
    case H5T_STRING:
      return H5Tis_variable_str(type) > 0 && H5Tget_cset(type) == H5T_CSET_UTF8 ? "vlen-utf8"
                                                                                : "other";
    default:
      return "other";
  }
}

/// Returns the type code and dimensions of attribute `name` of `object`.
std::pair<std::string, std::vector<hsize_t>> attribute_shape(hid_t object, const char* name) {
  AttributeHandle a(check(H5Aopen(object, name, H5P_DEFAULT), name));
  DatatypeHandle t(check(H5Aget_type(a.get()), name));
  DataspaceHandle s(check(H5Aget_space(a.get()), name));
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(s.get())));
  H5Sget_simple_extent_dims(s.get(), dims.data(), nullptr);
  return {type_code(t.get()), dims};
}

/// Returns the type code and dimensions of dataset `path` under `file`.
std::pair<std::string, std::vector<hsize_t>> dataset_shape(hid_t file, const char* path) {
  DatasetHandle d(check(H5Dopen2(file, path, H5P_DEFAULT), path));
  DatatypeHandle t(check(H5Dget_type(d.get()), path));
  DataspaceHandle s(check(H5Dget_space(d.get()), path));
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(s.get())));
  H5Sget_simple_extent_dims(s.get(), dims.data(), nullptr);
  return {type_code(t.get()), dims};
}

using Shape = std::pair<std::string, std::vector<hsize_t>>;

}  // namespace

TEST_CASE("results file layout matches the documented schema", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("layout.h5");
  write_results_hdf5(sample_results(), path);
  FileHandle file = h5::open_file_readonly(path);
  const hid_t f = file.get();

  SECTION("root attributes") {
    CHECK(h5::read_string_attribute(f, "schema") == "cmhsim-results");
    CHECK(h5::read_i64_attribute(f, "schema_version") == 2);
    CHECK(h5::read_string_attribute(f, "content") == "run");
    CHECK(h5::read_string_attribute(f, "model") == "network");
    CHECK(attribute_shape(f, "schema_version") == Shape{"i32", {}});
    CHECK(attribute_shape(f, "threads") == Shape{"i32", {}});
    for (const char* name : {"schema", "content", "model", "version", "git_commit", "scenario_path",
                             "started_utc", "finished_utc", "host"}) {
      INFO(name);
      CHECK(attribute_shape(f, name) == Shape{"vlen-utf8", {}});
    }
    for (const char* name : {"seed", "replications", "events"}) {
      INFO(name);
      CHECK(attribute_shape(f, name) == Shape{"u64", {}});
    }
    for (const char* name : {"horizon_days", "warmup_days", "wall_seconds"}) {
      INFO(name);
      CHECK(attribute_shape(f, name) == Shape{"f64", {}});
    }
    CHECK(h5::read_u64_attribute(f, "seed") == 18446744073709551557ULL);
  }

  SECTION("datasets") {
    CHECK(dataset_shape(f, "/provenance/scenario_text") == Shape{"vlen-utf8", {}});
    CHECK(dataset_shape(f, "/replications/events") == Shape{"u64", {3}});
    for (const char* service : {"triage", "cmht"}) {
      INFO(service);
      const std::string base = std::string("/services/") + service;
      CHECK(dataset_shape(f, (base + "/replications").c_str()) == Shape{"f64", {3, 7}});
      CHECK(dataset_shape(f, (base + "/arrivals").c_str()) == Shape{"u64", {3}});
      CHECK(dataset_shape(f, (base + "/completions").c_str()) == Shape{"u64", {3}});
      for (const char* column : {"mean", "ci95_lo", "ci95_hi"}) {
        CHECK(dataset_shape(f, (base + "/summary/" + column).c_str()) == Shape{"f64", {7}});
      }
      CHECK(dataset_shape(f, (base + "/summary/n").c_str()) == Shape{"u64", {7}});
    }
    // A network has no model metrics or series: the datasets exist with a zero-length axis.
    CHECK(dataset_shape(f, "/metrics/replications") == Shape{"f64", {3, 0}});
    CHECK(dataset_shape(f, "/series/replications") == Shape{"f64", {3, 0, 0}});
    CHECK_FALSE(h5::has_link(f, "persons"));
  }

  SECTION("metric axis and service order") {
    GroupHandle services = h5::open_group(f, "services");
    CHECK(h5::read_strings_attribute(services.get(), "order") ==
          std::vector<std::string>{"triage", "cmht"});
    std::vector<std::string> names;
    std::vector<std::string> units;
    for (const auto& m : model::kServiceMetrics) {
      names.emplace_back(m.name);
      units.emplace_back(m.unit);
    }
    DatasetHandle table(check(H5Dopen2(f, "/services/cmht/replications", H5P_DEFAULT), "open"));
    CHECK(h5::read_strings_attribute(table.get(), "metrics") == names);
    CHECK(h5::read_strings_attribute(table.get(), "units") == units);
    CHECK(h5::read_strings_attribute(table.get(), "descriptions").size() == names.size());
    GroupHandle summary = h5::open_group(f, "/services/cmht/summary");
    CHECK(h5::read_strings_attribute(summary.get(), "metrics") == names);
    CHECK(h5::read_strings_attribute(summary.get(), "units") == units);
  }

  SECTION("values sit at [replication, metric]") {
    GroupHandle cmht = h5::open_group(f, "/services/cmht");
    const h5::Matrix table = h5::read_double_matrix(cmht.get(), "replications");
    const auto expected = sample_results();
    REQUIRE(table.rows == 3);
    REQUIRE(table.cols == 7);
    for (std::size_t r = 0; r < 3; ++r) {
      for (std::size_t m = 0; m < 7; ++m) {
        CHECK(bits(table.values[r * 7 + m]) ==
              bits(expected.replications[r].services[1].values[m]));
      }
    }
  }
}

TEST_CASE("pathway results file layout matches the documented schema", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("pathway.h5");
  const experiment::RunResults results = sample_pathway_results();
  write_results_hdf5(results, path);
  FileHandle file = h5::open_file_readonly(path);
  const hid_t f = file.get();
  CHECK(h5::read_string_attribute(f, "model") == "pathway");

  CHECK(dataset_shape(f, "/metrics/replications") == Shape{"f64", {3, 2}});
  for (const char* column : {"mean", "ci95_lo", "ci95_hi"}) {
    CHECK(dataset_shape(f, (std::string("/metrics/summary/") + column).c_str()) ==
          Shape{"f64", {2}});
    CHECK(dataset_shape(f, (std::string("/series/summary/") + column).c_str()) ==
          Shape{"f64", {4, 3}});
  }
  CHECK(dataset_shape(f, "/metrics/summary/n") == Shape{"u64", {2}});
  CHECK(dataset_shape(f, "/series/summary/n") == Shape{"u64", {4, 3}});
  CHECK(dataset_shape(f, "/series/replications") == Shape{"f64", {3, 4, 3}});

  DatasetHandle metrics(check(H5Dopen2(f, "/metrics/replications", H5P_DEFAULT), "open"));
  CHECK(h5::read_strings_attribute(metrics.get(), "names") ==
        std::vector<std::string>{"crises_per_1000_per_year",
                                 "crises_per_1000_per_year.by_network.formal_sparse"});
  CHECK(h5::read_strings_attribute(metrics.get(), "units") ==
        std::vector<std::string>{"per 1000 person-years", "per 1000 person-years"});
  CHECK(h5::read_strings_attribute(metrics.get(), "descriptions").size() == 2);
  GroupHandle msummary = h5::open_group(f, "/metrics/summary");
  CHECK(h5::read_strings_attribute(msummary.get(), "names").size() == 2);
  DatasetHandle series(check(H5Dopen2(f, "/series/replications", H5P_DEFAULT), "open"));
  CHECK(h5::read_strings_attribute(series.get(), "names") ==
        std::vector<std::string>{"people_in_gap", "mean_qol", "cost_cmht"});
  CHECK(h5::read_strings_attribute(series.get(), "units") ==
        std::vector<std::string>{"people", "score 1-7", "GBP"});

  // Series values sit at [replication, month, series].
  GroupHandle sgroup = h5::open_group(f, "/series");
  const auto table = h5::read_double_array(sgroup.get(), "replications", 3);
  for (std::size_t r = 0; r < 3; ++r) {
    for (std::size_t m = 0; m < 4; ++m) {
      for (std::size_t k = 0; k < 3; ++k) {
        CHECK(bits(table.values[(r * 4 + m) * 3 + k]) ==
              bits(results.replications[r].series[m * 3 + k]));
      }
    }
  }

  // Person tables: one compound dataset per replication, named by its index.
  DatasetHandle persons(check(H5Dopen2(f, "/persons/2", H5P_DEFAULT), "open"));
  DatatypeHandle type(check(H5Dget_type(persons.get()), "type"));
  CHECK(H5Tget_class(type.get()) == H5T_COMPOUND);
  CHECK(H5Tget_nmembers(type.get()) == 15);
  DataspaceHandle space(check(H5Dget_space(persons.get()), "space"));
  CHECK(H5Sget_simple_extent_npoints(space.get()) == 7);
  CHECK(h5::read_strings_attribute(persons.get(), "network_names") ==
        std::vector<std::string>{"diverse_active", "family_stable", "formal_sparse"});
}

}  // namespace cmhsim::io::test
