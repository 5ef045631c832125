// The in-memory recorder: appends rows and person summaries to vectors.
// Knows nothing of files or threads.
#include "experiment/memory_recorder.hpp"

#include <stdexcept>
#include <string>

namespace cmhsim::experiment {

void MemoryRecorder::record_month(std::size_t month, std::span<const double> values) {
  if (month != months_) {
    throw std::invalid_argument("recorded month " + std::to_string(month) + ", expected month " +
                                std::to_string(months_));
  }
  if (months_ == 0) {
    width_ = values.size();
  } else if (values.size() != width_) {
    throw std::invalid_argument("month " + std::to_string(month) + " has " +
                                std::to_string(values.size()) + " values, expected " +
                                std::to_string(width_));
  }
  series_.insert(series_.end(), values.begin(), values.end());
  ++months_;
}

void MemoryRecorder::record_person(const model::PersonSummary& person) {
  persons_.push_back(person);
}

}  // namespace cmhsim::experiment
