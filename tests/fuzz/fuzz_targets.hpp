// What the fuzzer runs on each input: the scenario loader, and every reader of results files; and
// the results files it starts from, written at startup. Each target runs in a forked child.
#pragma once

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace cmhsim::fuzz {

/// Marks a child whose input was refused cleanly (or, for the loader, loaded).
constexpr int kClean = 0;
/// Marks a child that saw an exception of an unexpected type.
constexpr int kUnexpected = 3;
/// Marks a child in which at least one results reader read the whole input.
constexpr int kReadWhole = 4;

/// Loads a scenario; returns kClean on success or a ScenarioError, else kUnexpected.
int load_scenario(const std::string& text);

/// Returns sealed results files of every kind cmhsim reads (runs of both models, a comparison, a
/// sweep, a shard and a checkpoint), written through the writers with files in `scratch`.
std::vector<std::vector<std::uint8_t>> results_seeds(const std::filesystem::path& scratch);

/// Returns `seed` with its HDF5 part (after the user block) mutated and its seal recomputed, so
/// the seal does not hide what the readers do with the damage.
std::vector<std::uint8_t> mutate_results(const std::vector<std::uint8_t>& seed,
                                         std::mt19937_64& rng);

/// Reads `bytes` as a file in `scratch` with every results reader (run, comparison, sweep with
/// all its points, checkpoint stamp, content, CSV export, the whole-file check made before the
/// analysis package reads a file) and as an image; returns kReadWhole if
/// any reader read it whole, kClean if all refused it with an IoError, else kUnexpected.
int read_results(const std::vector<std::uint8_t>& bytes, const std::filesystem::path& scratch);

}  // namespace cmhsim::fuzz
