// Downloads: the YAML is the text apply_overrides produced; the CSV uses io's field and number
// formats; the HDF5 file is written to a temporary directory, read back and removed.
#include "serve/downloads.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv_export.hpp"
#include "io/hdf5_writer.hpp"
#include "io/io_error.hpp"

namespace cmhsim::serve {
namespace {

namespace fs = std::filesystem;

/// Removes a directory and everything in it when it goes out of scope.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "cmhsim-serve-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw io::IoError("cannot create a temporary directory for the download");
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string scenario_yaml(const Finished& f) { return f.what_if.changed.text; }

std::string differences_csv(const Finished& f) {
  const auto& r = f.results;
  std::string out =
      "scenario,baseline,outcome,unit,baseline_mean,scenario_mean,difference_mean,ci95_lo,"
      "ci95_hi,unpaired_ci95_lo,unpaired_ci95_hi,n\n";
  for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
    const auto& d = r.differences.front()[k];
    const std::string fields[] = {io::csv_field(r.names[1]),
                                  io::csv_field(r.names[0]),
                                  io::csv_field(r.outcomes[k].name),
                                  io::csv_field(r.outcomes[k].unit),
                                  io::csv_number(r.estimates[0][k].mean),
                                  io::csv_number(r.estimates[1][k].mean),
                                  io::csv_number(d.paired.mean),
                                  io::csv_number(d.paired.lo),
                                  io::csv_number(d.paired.hi),
                                  io::csv_number(d.unpaired.lo),
                                  io::csv_number(d.unpaired.hi),
                                  std::to_string(d.paired.n)};
    for (std::size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + fields[i];
    out += '\n';
  }
  return out;
}

std::string comparison_hdf5(const Finished& f) {
  const ScratchDir dir;
  const fs::path file = dir.path() / "comparison.h5";
  io::write_comparison_hdf5(f.results, file.string());
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw io::IoError("cannot read back the comparison file for the download");
  return bytes.str();
}

}  // namespace cmhsim::serve
