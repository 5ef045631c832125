// Names and versions of the HDF5 results schema shared by the writer and the reader.
// Knows nothing of HDF5 calls; docs/results-schema.md describes the layout these names form.
#pragma once

#include <cstdint>

namespace cmhsim::io::schema {

/// Identifies a cmhsim results file (root attribute `schema`).
inline constexpr const char* kName = "cmhsim-results";
/// Version of the layout this code writes (root attribute `schema_version`).
inline constexpr std::int32_t kVersion = 2;
/// Oldest version this code still reads (a network run without metrics or series).
inline constexpr std::int32_t kOldestReadable = 1;

/// Root attribute: "run", "comparison", "sweep" or "sweep-shard".
inline constexpr const char* kContent = "content";
inline constexpr const char* kContentRun = "run";
inline constexpr const char* kContentComparison = "comparison";
inline constexpr const char* kContentSweep = "sweep";
inline constexpr const char* kContentShard = "sweep-shard";
inline constexpr const char* kModel = "model";  ///< Run attribute: "network" or "pathway".

inline constexpr const char* kProvenanceGroup = "provenance";
inline constexpr const char* kScenarioText = "scenario_text";
/// Every scenario key with the value that ran: strings [K, 2] of (key path, value).
inline constexpr const char* kParameters = "parameters";
inline constexpr const char* kReplicationsGroup = "replications";
inline constexpr const char* kEvents = "events";
inline constexpr const char* kServicesGroup = "services";
inline constexpr const char* kOrder = "order";
inline constexpr const char* kReplications = "replications";
inline constexpr const char* kArrivals = "arrivals";
inline constexpr const char* kCompletions = "completions";
inline constexpr const char* kSummaryGroup = "summary";
inline constexpr const char* kMean = "mean";
inline constexpr const char* kCiLo = "ci95_lo";
inline constexpr const char* kCiHi = "ci95_hi";
inline constexpr const char* kCount = "n";
inline constexpr const char* kMetrics = "metrics";
inline constexpr const char* kUnits = "units";
inline constexpr const char* kDescriptions = "descriptions";
inline constexpr const char* kNames = "names";

inline constexpr const char* kMetricsGroup = "metrics";
inline constexpr const char* kSeriesGroup = "series";
inline constexpr const char* kPersonsGroup = "persons";
inline constexpr const char* kParameterSetsGroup = "parameter_sets";
inline constexpr const char* kParameterSet = "parameter_set";

inline constexpr const char* kScenariosGroup = "scenarios";
inline constexpr const char* kComparisonGroup = "comparison";
inline constexpr const char* kBaseline = "baseline";
inline constexpr const char* kCompared = "compared";
inline constexpr const char* kDifferenceMean = "difference_mean";
inline constexpr const char* kUnpairedCiLo = "unpaired_ci95_lo";
inline constexpr const char* kUnpairedCiHi = "unpaired_ci95_hi";

/// Bounds the points a sweep file may list, as the sweep file loader bounds a sweep.
inline constexpr std::uint64_t kMaxSweepPoints = 1000000;

inline constexpr const char* kSweepGroup = "sweep";
inline constexpr const char* kPointsGroup = "points";
inline constexpr const char* kSweepText = "sweep_text";
inline constexpr const char* kSweepPoint = "sweep_point";

}  // namespace cmhsim::io::schema
