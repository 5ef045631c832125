// Tests the HDF5 recorder: streamed rows and person tables read back exactly, and one pathway
// replication recorded to HDF5 and in memory agrees with itself and with its outcome.
#include "io/hdf5_recorder.hpp"

#include <catch2/catch.hpp>

#include "experiment/memory_recorder.hpp"
#include "experiment/runner.hpp"
#include "io/hdf5_arrays.hpp"
#include "io/hdf5_primitives.hpp"
#include "io_test_support.hpp"
#include "model/pathway_model.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::io::test {

TEST_CASE("the HDF5 recorder streams rows and persons that read back exactly", "[hdf5]") {
  const TempDir dir;
  const std::string path = dir.file("rec.h5");
  const auto sample = sample_pathway_results();
  {
    FileHandle file = h5::create_file(path);
    Hdf5Recorder recorder(file.get(), sample.series_infos, "series", "persons");
    const auto& rep = sample.replications[2];
    for (std::size_t m = 0; m < rep.months; ++m) {
      recorder.record_month(m, std::span<const double>(rep.series.data() + m * 3, 3));
    }
    // More persons than one write block, so several blocks and a partial one are written.
    for (std::uint32_t i = 0; i < 10000; ++i) {
      model::PersonSummary p = sample.persons[1][i % 6];
      p.person = i;
      recorder.record_person(p);
    }
    CHECK_THROWS_WITH(recorder.record_month(7, std::span<const double>(rep.series.data(), 3)),
                      Catch::Contains("expected month 4"));
    CHECK_THROWS_WITH(recorder.record_month(4, std::span<const double>(rep.series.data(), 2)),
                      Catch::Contains("expected 3"));
    recorder.finish();
  }
  FileHandle file = h5::open_file_readonly(path);
  GroupHandle root = h5::open_root(file.get());
  const auto series = h5::read_double_array(root.get(), "series", 2);
  CHECK(series.dims == std::vector<std::size_t>{4, 3});
  REQUIRE(series.values.size() == sample.replications[2].series.size());
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    CHECK(bits(series.values[i]) == bits(sample.replications[2].series[i]));
  }
  const auto persons = read_person_table(root.get(), "persons");
  REQUIRE(persons.size() == 10000);
  for (std::uint32_t i = 0; i < 10000; i += 997) {
    model::PersonSummary expected = sample.persons[1][i % 6];
    expected.person = i;
    CHECK(same_person(persons[i], expected));
  }
}

TEST_CASE("a pathway replication recorded to HDF5 and in memory agrees exactly", "[hdf5]") {
  const scenario::Scenario sc = scenario::parse_scenario(
      "name: rec\nhorizon_days: 730.5\nwarmup_days: 0\npopulation:\n  register_size: 500\n",
      "rec.yaml");
  REQUIRE(sc.pathways);
  const TempDir dir;
  const std::string path = dir.file("replication.h5");
  const engine::RngKey key{17, 1};
  model::ReplicationOutcome via_hdf5;
  {
    FileHandle file = h5::create_file(path);
    Hdf5Recorder recorder(file.get(), model::PathwayModel::series_infos(), "series", "persons");
    via_hdf5 = experiment::run_one(*sc.pathways, key, &recorder);
    recorder.finish();
  }
  experiment::MemoryRecorder memory;
  const model::ReplicationOutcome via_memory = experiment::run_one(*sc.pathways, key, &memory);

  FileHandle file = h5::open_file_readonly(path);
  GroupHandle root = h5::open_root(file.get());
  const auto series = h5::read_double_array(root.get(), "series", 2);
  const std::size_t width = model::PathwayModel::series_infos().size();
  REQUIRE(series.dims == std::vector<std::size_t>{memory.months(), width});
  REQUIRE(memory.months() == via_memory.months);
  REQUIRE(memory.months() > 0);
  REQUIRE(series.values.size() == memory.series().size());
  REQUIRE(via_hdf5.series.size() == memory.series().size());
  for (std::size_t i = 0; i < series.values.size(); ++i) {
    INFO("value " << i);
    REQUIRE(bits(series.values[i]) == bits(memory.series()[i]));
    REQUIRE(bits(via_hdf5.series[i]) == bits(memory.series()[i]));
  }
  const auto persons = read_person_table(root.get(), "persons");
  REQUIRE(persons.size() == memory.persons().size());
  REQUIRE(persons.size() >= 500);
  for (std::size_t i = 0; i < persons.size(); ++i) {
    INFO("person " << i);
    REQUIRE(same_person(persons[i], memory.persons()[i]));
  }
}

}  // namespace cmhsim::io::test
