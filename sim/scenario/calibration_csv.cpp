// Reading a targets CSV: the header's columns, each row's cells as numbers, positioned errors.
// Knows CSV text only; the calibration file decides which scenario a row's target belongs to.
#include "scenario/calibration_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "scenario/scenario_error.hpp"
#include "scenario/suggest.hpp"

namespace cmhsim::scenario {
namespace {

const std::vector<std::string> kColumns = {"metric", "scenario", "observed",
                                           "sd",     "ci95_lo",  "ci95_hi"};

/// Holds one cell of a row: its text (trimmed, unquoted) and its 1-based column.
struct Cell {
  std::string text;
  int column = 0;
};

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

/// Splits one line into cells; a cell may be double-quoted (with "" for a quote).
std::vector<Cell> split(const std::string& line) {
  std::vector<Cell> out;
  std::size_t i = 0;
  while (true) {
    Cell cell;
    cell.column = static_cast<int>(i) + 1;
    std::string text;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && line[i] == '"') {
      for (++i; i < line.size(); ++i) {
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          text += '"';
          ++i;
        } else if (line[i] == '"') {
          ++i;
          break;
        } else {
          text += line[i];
        }
      }
      while (i < line.size() && line[i] != ',') ++i;
    } else {
      while (i < line.size() && line[i] != ',') text += line[i++];
    }
    cell.text = trim(text);
    out.push_back(std::move(cell));
    if (i >= line.size()) break;
    ++i;
  }
  return out;
}

}  // namespace

std::vector<CsvTarget> parse_targets_csv(const std::string& text, const std::string& file) {
  std::vector<int> index(kColumns.size(), -1);
  std::vector<CsvTarget> out;
  bool header = false;
  int header_line = 0;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string line = text.substr(pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    const std::string bare = trim(line);
    if (bare.empty() || bare.front() == '#') continue;
    const std::vector<Cell> cells = split(line);
    if (!header) {
      header = true;
      header_line = line_no;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        std::size_t k = 0;
        while (k < kColumns.size() && kColumns[k] != cells[c].text) ++k;
        if (k == kColumns.size()) {
          std::string hint = did_you_mean(cells[c].text, kColumns);
          if (hint.empty()) hint = " (columns: metric, scenario, observed, sd, ci95_lo, ci95_hi)";
          throw ScenarioError(file, line_no, cells[c].column, "",
                              "unknown column '" + cells[c].text + "'" + hint);
        }
        if (index[k] >= 0) {
          throw ScenarioError(file, line_no, cells[c].column, "",
                              "duplicate column '" + cells[c].text + "'");
        }
        index[k] = static_cast<int>(c);
      }
      const bool ci = index[4] >= 0 || index[5] >= 0;
      std::string missing;
      if (index[0] < 0) missing = "metric";
      if (missing.empty() && index[2] < 0) missing = "observed";
      if (missing.empty() && index[3] < 0 && !ci) missing = "sd (or ci95_lo and ci95_hi)";
      if (missing.empty() && ci && (index[4] < 0 || index[5] < 0)) {
        missing = index[4] < 0 ? "ci95_lo" : "ci95_hi";
      }
      if (missing.empty() && ci && index[3] >= 0) {
        throw ScenarioError(file, line_no, 1, "", "give sd or ci95_lo and ci95_hi, not both");
      }
      if (!missing.empty()) {
        throw ScenarioError(file, line_no, 1, "", "missing column " + missing);
      }
      continue;
    }
    if (cells.size() != static_cast<std::size_t>(std::count_if(index.begin(), index.end(),
                                                               [](int i) { return i >= 0; }))) {
      throw ScenarioError(file, line_no, 1, "",
                          "expected " +
                              std::to_string(std::count_if(index.begin(), index.end(),
                                                           [](int i) { return i >= 0; })) +
                              " cells as in the header (line " + std::to_string(header_line) +
                              "), got " + std::to_string(cells.size()));
    }
    const auto number = [&](std::size_t k) {
      const Cell& cell = cells[static_cast<std::size_t>(index[k])];
      double v = 0.0;
      const char* end = cell.text.data() + cell.text.size();
      const auto res = std::from_chars(cell.text.data(), end, v);
      if (cell.text.empty() || res.ec != std::errc() || res.ptr != end || !std::isfinite(v)) {
        throw ScenarioError(file, line_no, cell.column, kColumns[k],
                            "expected a finite number, got '" + cell.text + "'");
      }
      return v;
    };
    CsvTarget t;
    t.line = line_no;
    const Cell& metric = cells[static_cast<std::size_t>(index[0])];
    t.column = metric.column;
    t.metric = metric.text;
    if (t.metric.empty()) {
      throw ScenarioError(file, line_no, metric.column, "metric", "expected a metric name");
    }
    if (index[1] >= 0) {
      t.scenario = cells[static_cast<std::size_t>(index[1])].text;
      t.scenario_column = cells[static_cast<std::size_t>(index[1])].column;
    }
    t.observed = number(2);
    if (index[3] >= 0) {
      t.sd = number(3);
      if (!(t.sd > 0.0)) {
        throw ScenarioError(file, line_no, cells[static_cast<std::size_t>(index[3])].column, "sd",
                            "expected a number > 0");
      }
    } else {
      const double lo = number(4);
      const double hi = number(5);
      if (!(lo < hi)) {
        throw ScenarioError(file, line_no, cells[static_cast<std::size_t>(index[4])].column,
                            "ci95_lo", "expected ci95_lo < ci95_hi");
      }
      t.sd = (hi - lo) / 3.92;
    }
    out.push_back(std::move(t));
  }
  if (out.empty()) {
    throw ScenarioError(file, header ? header_line : 1, 1, "", "no targets in the CSV file");
  }
  return out;
}

}  // namespace cmhsim::scenario
