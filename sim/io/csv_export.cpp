// CSV export: every results kind is read into (point, scenario, run) triples, then each table is
// written row by row. Runs have no point; sweep points are named by their settings.
#include "io/csv_export.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <functional>
#include <sstream>

#include "io/atomic_file.hpp"
#include "io/hdf5_reader.hpp"
#include "io/hdf5_seal.hpp"
#include "io/hdf5_sweep.hpp"
#include "io/io_error.hpp"
#include "io/results_schema.hpp"

namespace cmhsim::io {
namespace {

namespace fs = std::filesystem;

/// Names one run in the tables.
struct Labelled {
  std::string point;     ///< Sweep point index; empty for runs and comparisons.
  std::string scenario;  ///< Scenario name, or a sweep point's settings.
};

/// Visits every run of the file with its labels, one at a time.
void for_each_run(const std::string& path, const std::string& content,
                  const std::function<void(const Labelled&, const experiment::RunResults&)>& f) {
  if (content == schema::kContentRun) {
    const auto run = read_results_hdf5(path);
    f({"", fs::path(run.provenance.scenario_path).stem().string()}, run);
  } else if (content == schema::kContentComparison) {
    const auto cmp = read_comparison_hdf5(path);
    for (std::size_t s = 0; s < cmp.runs.size(); ++s) f({"", cmp.names[s]}, cmp.runs[s]);
  } else {
    const SweepContents contents = read_sweep_contents(path);
    for (const std::size_t i : contents.points) {
      std::string settings;
      for (std::size_t a = 0; a < contents.header.axes.size(); ++a) {
        settings +=
            (a ? "; " : "") + contents.header.axes[a] + "=" + contents.header.settings.at(i).at(a);
      }
      f({std::to_string(i), settings}, read_sweep_point(path, i));
    }
  }
}

/// Appends one CSV row of already formatted fields.
void row(std::string& out, const std::vector<std::string>& fields) {
  bool first = true;
  for (const auto& f : fields) {
    if (!first) out += ',';
    out += csv_field(f);
    first = false;
  }
  out += '\n';
}

void estimate_fields(std::string& out, std::initializer_list<std::string> head,
                     const engine::Estimate& e) {
  std::vector<std::string> fields(head);
  fields.push_back(csv_number(e.mean));
  fields.push_back(csv_number(e.lo));
  fields.push_back(csv_number(e.hi));
  fields.push_back(std::to_string(e.n));
  row(out, fields);
}

}  // namespace

std::string csv_field(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(double value) {
  if (std::isnan(value)) return "";
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

std::vector<std::string> export_csv(const std::string& results_path, const std::string& dir) {
  const std::string content = results_content(results_path);
  if (content != schema::kContentRun && content != schema::kContentComparison &&
      content != schema::kContentSweep && content != schema::kContentShard) {
    throw ResultsFileError("cannot export '" + results_path + "': unknown content '" + content +
                           "'");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) throw IoError("cannot create directory '" + dir + "'");

  std::string metrics = "point,scenario,metric,unit,mean,ci95_lo,ci95_hi,n\n";
  std::string replications = "point,scenario,replication,metric,value\n";
  std::string series = "point,scenario,month,series,mean,ci95_lo,ci95_hi\n";
  std::string services = "point,scenario,service,metric,unit,mean,ci95_lo,ci95_hi,n\n";
  for_each_run(results_path, content, [&](const Labelled& l, const experiment::RunResults& run) {
    for (std::size_t m = 0; m < run.metric_infos.size(); ++m) {
      const auto& info = run.metric_infos[m];
      const engine::Estimate e =
          m < run.metric_summary.size() ? run.metric_summary[m] : engine::Estimate{};
      estimate_fields(metrics, {l.point, l.scenario, info.name, info.unit}, e);
      for (std::size_t r = 0; r < run.replications.size(); ++r) {
        row(replications, {l.point, l.scenario, std::to_string(r), info.name,
                           csv_number(run.replications[r].metrics.at(m))});
      }
    }
    for (std::size_t month = 0; month < run.series_summary.size(); ++month) {
      for (std::size_t k = 0; k < run.series_infos.size(); ++k) {
        const auto& e = run.series_summary[month].at(k);
        row(series, {l.point, l.scenario, std::to_string(month), run.series_infos[k].name,
                     csv_number(e.mean), csv_number(e.lo), csv_number(e.hi)});
      }
    }
    for (const auto& s : run.summary) {
      for (std::size_t m = 0; m < model::kServiceMetricCount; ++m) {
        estimate_fields(services,
                        {l.point, l.scenario, s.name, std::string(model::kServiceMetrics[m].name),
                         std::string(model::kServiceMetrics[m].unit)},
                        s.metrics[m]);
      }
    }
  });

  std::vector<std::pair<std::string, std::string>> tables = {
      {"metrics_summary.csv", metrics},
      {"metrics_replications.csv", replications},
      {"series_summary.csv", series},
      {"services_summary.csv", services}};
  if (content == schema::kContentComparison) {
    const auto cmp = read_comparison_hdf5(results_path);
    std::string diffs =
        "scenario,baseline,outcome,unit,difference_mean,ci95_lo,ci95_hi,unpaired_ci95_lo,"
        "unpaired_ci95_hi,n\n";
    for (std::size_t s = 0; s < cmp.differences.size(); ++s) {
      for (std::size_t k = 0; k < cmp.outcomes.size(); ++k) {
        const auto& d = cmp.differences[s][k];
        row(diffs,
            {cmp.names[s + 1], cmp.names[0], cmp.outcomes[k].name, cmp.outcomes[k].unit,
             csv_number(d.paired.mean), csv_number(d.paired.lo), csv_number(d.paired.hi),
             csv_number(d.unpaired.lo), csv_number(d.unpaired.hi), std::to_string(d.paired.n)});
      }
    }
    tables.emplace_back("differences.csv", diffs);
  }
  std::vector<std::string> written;
  for (const auto& [name, text] : tables) {
    const std::string path = (fs::path(dir) / name).string();
    write_file_atomically(path, text);
    written.push_back(path);
  }
  return written;
}

}  // namespace cmhsim::io
