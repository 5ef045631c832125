// Evaluating calibration points over threads or ranks, sharing the results with every rank, and
// reading a named summary metric from a run. Knows nothing of scenarios or of the algorithm.
#include "experiment/calibration_points.hpp"

#include <cstdint>
#include <cstring>

#include "experiment/runner.hpp"
#include "experiment/task_farm.hpp"
#include "model/service_metrics.hpp"

namespace cmhsim::experiment {
namespace {

void append(TaskBytes& out, const void* data, std::size_t size) {
  const std::size_t at = out.size();
  out.resize(at + size);
  if (size > 0) std::memcpy(out.data() + at, data, size);
}

TaskBytes encode(const std::vector<double>& values) {
  TaskBytes out;
  const std::uint64_t n = values.size();
  append(out, &n, sizeof n);
  append(out, values.data(), n * sizeof(double));
  return out;
}

std::vector<double> decode(const TaskBytes& bytes, std::size_t& at) {
  std::uint64_t n = 0;
  if (at + sizeof n > bytes.size()) throw std::runtime_error("truncated calibration results");
  std::memcpy(&n, bytes.data() + at, sizeof n);
  at += sizeof n;
  if (at + n * sizeof(double) > bytes.size()) {
    throw std::runtime_error("truncated calibration results");
  }
  std::vector<double> values(static_cast<std::size_t>(n));
  std::memcpy(values.data(), bytes.data() + at, n * sizeof(double));
  at += n * sizeof(double);
  return values;
}

}  // namespace

std::vector<std::vector<double>> evaluate_points(
    std::size_t count, int threads,
    const std::function<std::vector<double>(std::size_t, int)>& work) {
  std::vector<std::vector<double>> out(count);
  if (DistributedSession::size() <= 1) {
    parallel_tasks(count, threads, [&](std::uint64_t i) { out[i] = work(i, 1); }, {});
    return out;
  }
  farm_tasks(
      count, std::vector<bool>(count, false),
      [&](std::size_t i) { return encode(work(i, threads)); },
      [&](std::size_t i, TaskBytes bytes) {
        std::size_t at = 0;
        out[i] = decode(bytes, at);
      },
      [] { return false; });
  TaskBytes all;
  if (DistributedSession::coordinator()) {
    for (const auto& values : out) {
      const TaskBytes one = encode(values);
      append(all, one.data(), one.size());
    }
  }
  share_from_coordinator(all);
  std::size_t at = 0;
  for (auto& values : out) values = decode(all, at);
  return out;
}

bool agreed_stop(const std::function<bool()>& stop) {
  TaskBytes flag{static_cast<std::uint8_t>(stop && stop() ? 1 : 0)};
  share_from_coordinator(flag);
  return !flag.empty() && flag[0] != 0;
}

double summary_metric(const RunResults& results, const std::string& name) {
  const std::string prefix = "services.";
  if (name.compare(0, prefix.size(), prefix) == 0) {
    const std::string rest = name.substr(prefix.size());
    const auto dot = rest.rfind('.');
    const std::string service = dot == std::string::npos ? rest : rest.substr(0, dot);
    const std::string metric = dot == std::string::npos ? "" : rest.substr(dot + 1);
    std::string services;
    for (const ServiceSummary& s : results.summary) {
      services += (services.empty() ? "" : ", ") + s.name;
      if (s.name != service) continue;
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        if (model::kServiceMetrics[m].name == metric) return s.metrics[m].mean;
      }
      throw UnknownMetricError("no service metric '" + metric + "' in " + name);
    }
    throw UnknownMetricError("no service '" + service + "' in " + name + " (services: " + services +
                             ")");
  }
  for (std::size_t m = 0; m < results.metric_infos.size(); ++m) {
    if (results.metric_infos[m].name == name) return results.metric_summary.at(m).mean;
  }
  throw UnknownMetricError("no end-of-run metric '" + name + "'");
}

}  // namespace cmhsim::experiment
