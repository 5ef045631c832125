// The fuzzer's targets: the scenario loader, and every results reader over a mutated file whose
// seal is made valid again. Only typed errors (ScenarioError, IoError) count as clean refusals.
#include "fuzz_targets.hpp"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>

#include "../io/io_test_support.hpp"
#include "fuzz_mutations.hpp"
#include "io/csv_export.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_seal.hpp"
#include "io/hdf5_sweep.hpp"
#include "io/hdf5_writer.hpp"
#include "io/io_error.hpp"
#include "scenario/scenario.hpp"

namespace cmhsim::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

/// Returns a pathway run without person tables, whose chunks would make a seed mostly padding.
experiment::RunResults pathway_without_persons() {
  experiment::RunResults run = io::test::sample_pathway_results();
  run.persons.clear();
  return run;
}

/// Returns a pathway run of one replication with its person table.
experiment::RunResults pathway_with_persons() {
  experiment::RunResults run = io::test::sample_pathway_results();
  run.replications.resize(1);
  run.persons.resize(1);
  run.provenance.replications = 1;
  return run;
}

/// Returns the point of a sweep seed: a pathway run for odd indices, a network run otherwise.
experiment::RunResults sweep_point(std::size_t i) {
  return i % 2 == 1 ? pathway_without_persons() : io::test::sample_results();
}

}  // namespace

int load_scenario(const std::string& text) {
  try {
    (void)scenario::parse_scenario(text, "fuzz.yaml");
  } catch (const scenario::ScenarioError&) {
    return kClean;
  } catch (const std::exception& e) {
    std::cerr << "unexpected exception: " << e.what() << "\n";
    return kUnexpected;
  }
  return kClean;
}

std::vector<std::vector<std::uint8_t>> results_seeds(const fs::path& scratch) {
  std::vector<std::vector<std::uint8_t>> seeds;
  seeds.push_back(io::results_hdf5_image(io::test::sample_results()));
  seeds.push_back(io::results_hdf5_image(pathway_without_persons()));
  seeds.push_back(io::results_hdf5_image(pathway_with_persons()));
  const auto written = [&](const char* name, const auto& write) {
    const fs::path path = scratch / name;
    write(path.string());
    seeds.push_back(file_bytes(path));
    fs::remove(path);
  };
  written("comparison.h5", [](const std::string& p) {
    io::write_comparison_hdf5(io::test::sample_comparison(), p);
  });
  written("sweep.h5", [](const std::string& p) {
    io::write_sweep_hdf5(io::test::three_points(), {0, 1, 2}, sweep_point, p);
  });
  written("shard.h5", [](const std::string& p) {
    io::SweepHeader header = io::test::three_points();
    header.shard = "1/2";
    io::write_sweep_hdf5(header, {1}, sweep_point, p);
  });
  written("checkpoint.h5", [](const std::string& p) {
    const io::SweepHeader header = io::test::three_points();
    io::write_point_checkpoint(pathway_without_persons(),
                               {1, header.text, header.axes, header.settings[1]}, p);
  });
  return seeds;
}

std::vector<std::uint8_t> mutate_results(const std::vector<std::uint8_t>& seed,
                                         std::mt19937_64& rng) {
  std::vector<std::uint8_t> out = mutate_binary(seed, io::kSealBlockSize, rng);
  io::seal_image(out);
  return out;
}

int read_results(const std::vector<std::uint8_t>& bytes, const fs::path& scratch) {
  const std::string tag = std::to_string(::getpid());
  const fs::path path = scratch / ("input-" + tag + ".h5");
  const fs::path csv = scratch / ("csv-" + tag);
  write_file(path, bytes);
  const std::string file = path.string();
  int whole = 0;
  // Reading only the content attribute says little, so it does not count as reading whole.
  const auto attempt = [&](const auto& read, bool counts = true) {
    try {
      read();
      if (counts) ++whole;
    } catch (const io::IoError&) {
      // A refusal with a typed error is what a damaged file must give.
    }
  };
  try {
    attempt([&] { (void)io::read_results_hdf5_image(bytes); });
    attempt([&] { (void)io::read_results_hdf5(file); });
    attempt([&] { (void)io::read_comparison_hdf5(file); });
    attempt([&] {
      for (const std::size_t i : io::read_sweep_contents(file).points) {
        (void)io::read_sweep_point(file, i);
      }
    });
    attempt([&] { (void)io::read_point_stamp(file); });
    attempt([&] { (void)io::results_content(file); }, false);
    attempt([&] { io::check_results_file(file); }, false);
    attempt([&] { (void)io::export_csv(file, csv.string()); });
  } catch (const std::exception& e) {
    std::cerr << "unexpected exception: " << e.what() << "\n";
    return kUnexpected;
  }
  std::error_code ec;
  fs::remove(path, ec);
  fs::remove_all(csv, ec);
  return whole > 0 ? kReadWhole : kClean;
}

}  // namespace cmhsim::fuzz
